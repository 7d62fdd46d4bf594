#include "linux-sysctl-config.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

namespace
{

const char* const kPrefix = "net.ipv4.";

std::string
Bare(const std::string& name)
{
    return name.rfind(kPrefix, 0) == 0 ? name.substr(9) : name;
}

// A decimal integer of at most \p digits digits, as the kernel's proc handlers read it.
std::optional<uint64_t>
Decimal(const std::string& text, size_t digits)
{
    if (text.empty() || text.size() > digits ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    {
        return std::nullopt;
    }
    return std::stoull(text);
}

} // namespace

const std::vector<LinuxSysctl>&
LinuxSysctlConfig::GetAll()
{
    static const std::vector<LinuxSysctl> all = {
        {"tcp_syn_retries", "6",
         "MaxConnectRetransmissions = tcp_syn_retries + tcp_syn_linear_timeouts; "
         "SynExpiryTime = (2^(tcp_syn_retries+1) - 1) s, 127 s + 120 s per retry above 6 "
         "(integer 1-127)",
         "net/ipv4/tcp_timer.c tcp_write_timeout(), retransmits_timed_out()"},
        {"tcp_syn_linear_timeouts", "4",
         "SynLinearRetries (SYN retransmissions 1 s apart before the doubling); it adds to "
         "tcp_syn_retries in MaxConnectRetransmissions (integer 0-127)",
         "net/ipv4/tcp_timer.c tcp_retransmit_timer(), tcp_write_timeout()"},
        {"ip_local_port_range", "32768 60999",
         "EphemeralPortMin and EphemeralPortMax (\"LOW HIGH\", LOW <= HIGH)",
         "net/ipv4/sysctl_net_ipv4.c ipv4_local_port_range()"},
        {"tcp_fin_timeout", "60",
         "not modelled: it bounds an orphaned FIN-WAIT-2, and the stacks have no FIN-WAIT-2 "
         "timer (TIME-WAIT is TimeWaitDelay, TCP_TIMEWAIT_LEN 60 s on Linux)",
         "net/ipv4/tcp_timer.c tcp_keepalive_timer()", false},
    };
    return all;
}

const LinuxSysctl*
LinuxSysctlConfig::Find(const std::string& name)
{
    std::string bare = Bare(name);
    for (const auto& s : GetAll())
    {
        if (s.name == bare)
        {
            return &s;
        }
    }
    return nullptr;
}

Time
LinuxSysctlConfig::ModelTimeout(uint32_t boundary)
{
    // tcp_model_timeout(): linear_backoff_thresh = ilog2(TCP_RTO_MAX / rto_base);
    // within it ((2 << boundary) - 1) * rto_base, beyond it TCP_RTO_MAX per step.
    const int64_t rtoBase = 1;  // TCP_TIMEOUT_INIT, seconds
    const int64_t rtoMax = 120; // TCP_RTO_MAX, seconds
    uint32_t threshold = 0;
    while ((rtoBase << (threshold + 1)) <= rtoMax)
    {
        ++threshold;
    }
    if (boundary <= threshold)
    {
        return Seconds(static_cast<double>(((int64_t{2} << boundary) - 1) * rtoBase));
    }
    return Seconds(static_cast<double>(((int64_t{2} << threshold) - 1) * rtoBase +
                                       static_cast<int64_t>(boundary - threshold) * rtoMax));
}

std::optional<std::string>
LinuxSysctlConfig::Set(const std::string& name, const std::string& value)
{
    const LinuxSysctl* sysctl = Find(name);
    if (!sysctl)
    {
        return "a sysctl the model knows (got " + name + ")";
    }
    if (!sysctl->modelled)
    {
        return "a sysctl the model has: " + sysctl->name + " is " + sysctl->meaning;
    }
    if (sysctl->name == "ip_local_port_range")
    {
        std::istringstream in(value);
        std::string low;
        std::string high;
        std::string rest;
        in >> low >> high >> rest;
        auto lo = Decimal(low, 5);
        auto hi = Decimal(high, 5);
        if (!lo || !hi || !rest.empty() || *lo < 1 || *hi > 65535 || *lo > *hi)
        {
            return std::string("\"LOW HIGH\": two ports in 1-65535 with LOW <= HIGH "
                               "(sysctl ip_local_port_range)");
        }
        m_portLow = static_cast<uint16_t>(*lo);
        m_portHigh = static_cast<uint16_t>(*hi);
    }
    else
    {
        // net/ipv4/sysctl_net_ipv4.c: tcp_syn_retries 1..MAX_TCP_SYNCNT,
        // tcp_syn_linear_timeouts 0..MAX_TCP_SYNCNT.
        bool retries = sysctl->name == "tcp_syn_retries";
        uint64_t min = retries ? 1 : 0;
        auto n = Decimal(value, 9);
        if (!n || *n < min || *n > kMaxSynCount)
        {
            return "an integer from " + std::to_string(min) + " to " +
                   std::to_string(kMaxSynCount) + " (sysctl " + sysctl->name + ")";
        }
        (retries ? m_synRetries : m_synLinearTimeouts) = static_cast<uint32_t>(*n);
    }
    if (!IsSet(sysctl->name))
    {
        m_set.push_back(sysctl->name);
    }
    return std::nullopt;
}

bool
LinuxSysctlConfig::IsSet(const std::string& name) const
{
    return std::find(m_set.begin(), m_set.end(), Bare(name)) != m_set.end();
}

uint32_t
LinuxSysctlConfig::GetSynRetries() const
{
    return m_synRetries;
}

uint32_t
LinuxSysctlConfig::GetSynLinearTimeouts() const
{
    return m_synLinearTimeouts;
}

std::vector<LinuxSysctlConfig::Assignment>
LinuxSysctlConfig::ToAttributes() const
{
    std::vector<Assignment> out;
    if (IsSet("tcp_syn_retries") || IsSet("tcp_syn_linear_timeouts"))
    {
        // tcp_write_timeout(): "max_retransmits = retry_until; if (sk->sk_state ==
        // TCP_SYN_SENT) max_retransmits += sysctl_tcp_syn_linear_timeouts".
        out.emplace_back("MaxConnectRetransmissions",
                         std::to_string(m_synRetries + m_synLinearTimeouts));
        out.emplace_back("SynLinearRetries", std::to_string(m_synLinearTimeouts));
        out.emplace_back("SynExpiryTime",
                         std::to_string(ModelTimeout(m_synRetries).ToInteger(Time::S)) + "s");
    }
    if (IsSet("ip_local_port_range"))
    {
        out.emplace_back("EphemeralPortMin", std::to_string(m_portLow));
        out.emplace_back("EphemeralPortMax", std::to_string(m_portHigh));
    }
    return out;
}

} // namespace ns3
