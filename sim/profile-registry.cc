#include "profile-registry.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/integer.h"
#include "ns3/nstime.h"
#include "ns3/string.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"
#include "units.h"

#include <cstdlib>
#include <sstream>

namespace retrotcp
{

namespace
{

// Sources used by several profiles.
const char* const kQ175523 = "Q175523 (TcpMaxConnectRetransmissions / MaxConnectRetries 3)";
const char* const kRstAssumption =
    "assumption: Q175523 gives no number (it calls the 3 s timeout irrelevant after a RST); "
    "modern Windows measures about 0.5 s";
const char* const kNtPorts = "NT MaxUserPort default 5000: ports 1025-5000";
const char* const kLanmanMsl =
    "assumption: Q94246 calls it 'a short delay' and its workaround waits 5 s between net "
    "logoff and net logon, so 2 x MSL = 4 s < 5 s";

StackProfile
Lanman(const std::string& version)
{
    return {
        "lanman-dos-" + version,
        "LAN Manager " + version +
            " for MS-DOS, TCP/IP without the TCP/IP Utilities: a fixed pool of "
            "TCPCONNECTIONS = NBSESSIONS + 1 = 7 connection blocks (Q94246), TIME-WAIT "
            "of 2 x MSL holding a block, RFC 1122 reopen and half-duplex close.",
        StackKind::Legacy,
        {
            {"ConnectionBlocks", "7", "Q94246: NBSESSIONS 6 + 1 (no utilities)"},
            {"PoolPolicy", "Fail", "Q94246: DOS error 53 when no block is free"},
            {"Msl", "2s", kLanmanMsl},
            {"TimeWaitReopen", "true",
             "Q94246 quotes RFC 1122 4.2.2.13 as what LAN Manager follows"},
            {"HalfDuplexClose", "true", "Q94246 quotes RFC 1122's half-duplex close"},
            {"ConnectRetryPolicy", "Unix",
             "assumption: not a Winsock stack; nothing documents retries after a RST"},
            {"MaxConnectRetransmissions", "3", "assumption: as the Microsoft stacks of Q175523"},
            {"SegmentSize", "1450", "TCPSEGMENTSIZE maximum (Q93444/Q127732)"},
            {"ReceiveWindow", "4350", "TCPWINDOWSIZE for 7-8 connections (one 64 KB segment)"},
            {"EphemeralPortMin", "1025", "assumption: BSD-style range"},
            {"EphemeralPortMax", "5000", "assumption: BSD-style range"},
        }};
}

StackProfile
WindowsNt(const std::string& version, const std::string& timeWait,
          const std::string& timeWaitSource)
{
    return {
        "winnt-" + version,
        "Windows NT " + version +
            " Winsock: after a RST the SYN is re-sent at the base interval, not doubled, "
            "up to TcpMaxConnectRetransmissions; unanswered SYNs at 0, 3, 9, 21 s, "
            "failure at 45 s (Q175523).",
        StackKind::Legacy,
        {
            {"ConnectRetryPolicy", "Winsock", "Q175523"},
            {"MaxConnectRetransmissions", "3", kQ175523},
            {"SynInitialTimeout", "3s", "Q175523: the initial time-out value is three seconds"},
            {"SynTimeoutCap", "0s", "Q175523: doubled with each retransmission, no cap given"},
            {"RstRetryInterval", "500ms", kRstAssumption},
            {"TimeWaitDelay", timeWait, timeWaitSource},
            {"EphemeralPortMin", "1025", kNtPorts},
            {"EphemeralPortMax", "5000", kNtPorts},
            {"MaxDataRetransmissions", "5", "NT TcpMaxDataRetransmissions default"},
            {"ReceiveWindow", "8760", "NT on Ethernet: 6 x 1460 (TCP/IP Implementation Details)"},
            {"DelayedAckTimeout", "200ms", "NT delayed-ACK timer (TCP/IP Implementation Details)"},
            {"ConnectionBlocks", "0", "control blocks allocated dynamically (no fixed pool)"},
        }};
}

StackProfile
Win2000(const std::string& name, const std::string& label)
{
    StackProfile p = WindowsNt("4.0", "240s", "TcpTimedWaitDelay default 240 s");
    p.name = name;
    p.description = label +
                    " Winsock: TcpMaxConnectRetransmissions 2, so unanswered SYNs at 0, 3, 9 s "
                    "and failure at 21 s (Q170359 and later docs).";
    for (auto& v : p.values)
    {
        if (v.parameter == "MaxConnectRetransmissions")
        {
            v = {"MaxConnectRetransmissions", "2", "TcpMaxConnectRetransmissions default 2"};
        }
        if (v.parameter == "ReceiveWindow")
        {
            v = {"ReceiveWindow", "17520", "16 KB rounded up to 12 x 1460 on Ethernet"};
        }
    }
    return p;
}

std::vector<StackProfile>
MakeProfiles()
{
    std::vector<StackProfile> profiles;
    profiles.push_back(
        {"ns3-stock",
         "ns-3.37's own TCP (TcpSocketBase), unchanged: for comparison with the legacy "
         "stacks. Its known departures from real stacks: RST|ACK in SYN_SENT is ignored (a "
         "refused connect fails only after every SYN), ISN 0, TIME_WAIT ignores all "
         "segments.",
         StackKind::Stock,
         {
             {"ConnTimeout", "3s", "ns-3.37 default (ns3::TcpSocket)"},
             {"ConnCount", "6", "ns-3.37 default: total SYNs, not retries"},
             {"MaxSegLifetime", "120", "ns-3.37 default, seconds (RFC 793 MSL)"},
         }});
    profiles.push_back(Lanman("2.1"));
    profiles.push_back(Lanman("2.1a"));
    profiles.push_back(Lanman("2.2"));
    profiles.push_back(
        {"win95",
         "Windows 95 MSTCP Winsock: RST retries not doubled, unanswered SYNs 3 s doubling "
         "capped at 2 minutes, MaxConnectRetries 3 (Q175523, Q158474).",
         StackKind::Legacy,
         {
             {"ConnectRetryPolicy", "Winsock", "Q175523"},
             {"MaxConnectRetransmissions", "3", kQ175523},
             {"SynInitialTimeout", "3s", "Q175523: initial retransmission time-out 3 s"},
             {"SynTimeoutCap", "120s", "Q175523: doubled each time up to a maximum of 2 minutes"},
             {"RstRetryInterval", "500ms", kRstAssumption},
             {"Msl", "120s", "MSL 120 s, TIME-WAIT 240 s, fixed until a 1997 update (Q158474)"},
             {"EphemeralPortMin", "1025", "ports 1025-5000 (exhaustion above 3,976)"},
             {"EphemeralPortMax", "5000", "ports 1025-5000 (exhaustion above 3,976)"},
             {"ReceiveWindow", "8192", "assumption: Windows 95 DefaultRcvWindow 8 KB"},
             {"ConnectionBlocks", "0", "control blocks allocated dynamically (no fixed pool)"},
         }});
    profiles.push_back(WindowsNt("3.5", "240s", "fixed 2 x MSL = 240 s before 3.51 SP5"));
    profiles.push_back(WindowsNt("3.51", "240s", "2 x MSL = 240 s (TcpTimedWaitDelay from SP5)"));
    profiles.push_back(WindowsNt("4.0", "240s", "TcpTimedWaitDelay default 240 s (range 30-300)"));
    profiles.push_back(Win2000("win2000", "Windows 2000"));
    profiles.push_back(Win2000("winxp", "Windows XP"));
    profiles.push_back(
        {"bsd",
         "4.4BSD-style stack: connect() fails on the first RST (ECONNREFUSED); 3 s doubling "
         "SYN timer ended by the 75 s connection-establishment timer; MSL 30 s.",
         StackKind::Legacy,
         {
             {"ConnectRetryPolicy", "Unix", "Q175523: UNIX stacks fail at once on the RST"},
             {"SynInitialTimeout", "3s", "4.4BSD TCPTV_SRTTDFLT-based initial RTO"},
             {"MaxConnectRetransmissions", "12",
              "4.4BSD TCP_MAXRXTSHIFT 12; never reached, ConnectTimeout ends the connect first"},
             {"ConnectTimeout", "75s",
              "4.4BSD/FreeBSD connection-establishment timer TCPTV_KEEP_INIT 75 s: SYNs at 0, "
              "3, 9, 21, 45 s, timed_out at 75 s"},
             {"Msl", "30s", "FreeBSD MSL 30 s (2 x MSL = 60 s)"},
             {"EphemeralPortMin", "1024", "4.4BSD IPPORT_RESERVED"},
             {"EphemeralPortMax", "5000", "4.4BSD IPPORT_USERRESERVED"},
             {"ConnectionBlocks", "0", "control blocks allocated dynamically"},
         }});
    profiles.push_back(
        {"linux",
         "Modern Linux: connect() fails on the first RST; initial RTO 1 s; linear SYN "
         "timeouts (tcp_syn_linear_timeouts 4): SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, "
         "67 s, timed_out at 131 s; TIME-WAIT 60 s; ports 32768-60999.",
         StackKind::Legacy,
         {
             {"ConnectRetryPolicy", "Unix", "ECONNREFUSED on the first RST"},
             {"SynInitialTimeout", "1s", "RFC 6298 initial RTO 1 s (TCP_TIMEOUT_INIT)"},
             {"SynLinearRetries", "4",
              "net.ipv4.tcp_syn_linear_timeouts default 4 (net/ipv4/tcp_timer.c: RTO not "
              "doubled while total_rto <= 4)"},
             {"MaxConnectRetransmissions", "10",
              "net.ipv4.tcp_syn_retries 6 + tcp_syn_linear_timeouts 4 (tcp_write_timeout() "
              "adds them in SYN_SENT)"},
             {"SynTimeoutCap", "120s", "TCP_RTO_MAX 120 s"},
             {"InitialRto", "1s", "RFC 6298 initial RTO 1 s"},
             {"TimeWaitDelay", "60s", "TCP_TIMEWAIT_LEN 60 s, fixed"},
             {"EphemeralPortMin", "32768", "net.ipv4.ip_local_port_range"},
             {"EphemeralPortMax", "60999", "net.ipv4.ip_local_port_range"},
             {"ReceiveWindow", "65535", "assumption: largest window without window scaling"},
             {"ConnectionBlocks", "0", "control blocks allocated dynamically"},
         }});
    return profiles;
}

} // namespace

const std::vector<StackProfile>&
AllProfiles()
{
    static const std::vector<StackProfile> profiles = MakeProfiles();
    return profiles;
}

const StackProfile*
FindProfile(const std::string& name)
{
    for (const auto& p : AllProfiles())
    {
        if (p.name == name)
        {
            return &p;
        }
    }
    return nullptr;
}

std::string
ParameterTypeId(const StackProfile& profile)
{
    return profile.kind == StackKind::Stock ? "ns3::TcpSocketBase" : "ns3::LegacyTcpL4Protocol";
}

const std::vector<std::pair<std::string, std::string>>&
RegistryNames()
{
    static const std::vector<std::pair<std::string, std::string>> names = {
        {"TcpMaxConnectRetransmissions", "MaxConnectRetransmissions (NT, integer)"},
        {"MaxConnectRetries", "MaxConnectRetransmissions (Windows 95, integer)"},
        {"TcpTimedWaitDelay", "TimeWaitDelay (integer seconds)"},
        {"MaxUserPort", "EphemeralPortMax (integer)"},
        {"TcpInitialRtt", "SynInitialTimeout and InitialRto (integer milliseconds)"},
    };
    return names;
}

namespace
{
// Translate a Windows registry name into attribute assignments; false if \p name is
// not a registry name.
bool
TranslateRegistryName(const std::string& name, const std::string& value,
                      std::vector<ParameterAssignment>& out, std::string& expected)
{
    bool known = false;
    for (const auto& [registryName, meaning] : RegistryNames())
    {
        known = known || registryName == name;
    }
    if (!known)
    {
        return false;
    }
    if (!ParseDecimal(value, 9))
    {
        expected = "a non-negative integer (registry value " + name + ")";
        return true;
    }
    if (name == "TcpMaxConnectRetransmissions" || name == "MaxConnectRetries")
    {
        out.emplace_back("MaxConnectRetransmissions", value);
    }
    else if (name == "TcpTimedWaitDelay")
    {
        out.emplace_back("TimeWaitDelay", value + "s");
    }
    else if (name == "MaxUserPort")
    {
        out.emplace_back("EphemeralPortMax", value);
    }
    else if (name == "TcpInitialRtt")
    {
        out.emplace_back("SynInitialTimeout", value + "ms");
        out.emplace_back("InitialRto", value + "ms");
    }
    return true;
}
} // namespace

namespace
{
// Bounds a scenario keeps within, beyond what the attributes' checkers accept:
// a retry count of billions, or a repeating timer of zero (a SYN resent at once
// ConnCount times, a persist probe at once for as long as the window is zero),
// makes a run that never ends at one instant of simulated time. Assumption: no
// stack modelled retries more than 255 times (the Windows defaults are 2 to 5),
// and no timer of those stacks is shorter than a millisecond.
struct RunBound
{
    const char* attribute;
    uint64_t maxCount; //!< integer attributes: at most this (0: no bound)
    bool positive;     //!< time attributes: at least 1 ms
};

const RunBound kRunBounds[] = {
    {"ConnCount", 255, false},                 // stock ns-3: SYNs per connect
    {"DataRetries", 255, false},               // stock ns-3: data retransmissions
    {"ConnTimeout", 0, true},                  // stock ns-3: SYN retransmission timer
    {"PersistTimeout", 0, true},               // stock ns-3: zero-window probe timer
    {"MaxConnectRetransmissions", 255, false}, // legacy
    {"MaxDataRetransmissions", 255, false},    // legacy
};

std::optional<std::string>
CheckRunBound(const std::string& name, const std::string& type, const std::string& value)
{
    for (const auto& b : kRunBounds)
    {
        if (name != b.attribute)
        {
            continue;
        }
        if (type == "ns3::UintegerValue" && b.maxCount > 0 &&
            ParseDecimal(value, 19).value_or(0) > b.maxCount)
        {
            return "an integer from 0 to " + std::to_string(b.maxCount) +
                   " (more retries make a run that may never end)";
        }
        if (type == "ns3::TimeValue" && b.positive &&
            ParseDuration(value).value_or(ns3::Time(0)) < ns3::MilliSeconds(1))
        {
            return std::string("a duration of at least 1ms (a zero timer repeats at one instant "
                               "of simulated time)");
        }
    }
    return std::nullopt;
}
} // namespace

std::optional<std::string>
CheckParameter(const StackProfile& profile, const std::string& name, const std::string& value,
               std::vector<ParameterAssignment>* assignments)
{
    if (profile.kind == StackKind::Legacy)
    {
        std::vector<ParameterAssignment> translated;
        std::string expected;
        if (TranslateRegistryName(name, value, translated, expected))
        {
            if (!expected.empty())
            {
                return expected;
            }
            for (const auto& [attribute, attributeValue] : translated)
            {
                if (auto problem = CheckParameter(profile, attribute, attributeValue, assignments))
                {
                    return *problem + " (from registry value " + name + ")";
                }
            }
            return std::nullopt;
        }
    }
    ns3::TypeId tid = ns3::TypeId::LookupByName(ParameterTypeId(profile));
    ns3::TypeId::AttributeInformation info;
    if (!tid.LookupAttributeByName(name, &info))
    {
        std::string list;
        for (ns3::TypeId t = tid;; t = t.GetParent())
        {
            for (uint32_t i = 0; i < t.GetAttributeN(); ++i)
            {
                list += (list.empty() ? "" : ", ") + t.GetAttribute(i).name;
            }
            if (t.GetParent() == t || t.GetParent().GetName() == "ns3::Object")
            {
                break;
            }
        }
        return "a parameter of profile " + profile.name + " (" + list + ")";
    }
    // ns-3 aborts the process on a malformed attribute string, so parse by type
    // here and let the checker judge only well-formed values.
    const std::string type = info.checker->GetValueTypeName();
    bool ok = false;
    std::string expected;
    if (type == "ns3::TimeValue")
    {
        QuantityProblem problem;
        auto t = ParseDuration(value, &problem);
        ok = t && info.checker->Check(ns3::TimeValue(*t));
        expected = DurationExpectation(problem);
    }
    else if (type == "ns3::UintegerValue")
    {
        auto v = ParseDecimal(value, 19);
        ok = v && info.checker->Check(ns3::UintegerValue(*v));
        expected = "an integer in " + info.checker->GetUnderlyingTypeInformation();
    }
    else if (type == "ns3::IntegerValue")
    {
        bool negative = !value.empty() && value[0] == '-';
        auto v = ParseDecimal(negative ? value.substr(1) : value, 18);
        ok = v && info.checker->Check(ns3::IntegerValue(negative ? -static_cast<int64_t>(*v)
                                                                 : static_cast<int64_t>(*v)));
        expected = "an integer in " + info.checker->GetUnderlyingTypeInformation();
    }
    else if (type == "ns3::DoubleValue")
    {
        char* end = nullptr;
        double d = std::strtod(value.c_str(), &end);
        ok = !value.empty() && end && *end == '\0' && info.checker->Check(ns3::DoubleValue(d));
        expected = "a number in " + info.checker->GetUnderlyingTypeInformation();
    }
    else if (type == "ns3::BooleanValue")
    {
        ok = value == "true" || value == "false";
        expected = "true or false";
    }
    else if (type == "ns3::EnumValue")
    {
        std::string names = info.checker->GetUnderlyingTypeInformation(); // "a|b|c"
        std::stringstream ss(names);
        std::string choice;
        while (std::getline(ss, choice, '|'))
        {
            ok = ok || choice == value;
        }
        expected = "one of " + names;
    }
    else if (type == "ns3::StringValue")
    {
        ok = true;
    }
    else
    {
        expected = "a parameter that can be set from a scenario (" + name + " is a " + type + ")";
    }
    if (!ok)
    {
        return expected + " (" + info.help + ")";
    }
    if (auto bound = CheckRunBound(name, type, value))
    {
        return *bound;
    }
    if (assignments)
    {
        assignments->emplace_back(name, value);
    }
    return std::nullopt;
}

} // namespace retrotcp
