// Linux sysctl names with the kernel's semantics (scenarios/linux-sysctl.json):
// the SYN schedule and give-up of tcp_syn_retries and tcp_syn_linear_timeouts,
// checked on the wire, and ip_local_port_range.
#include "linux-sysctl-config.h"
#include "ns3-fixture.h"
#include "scenario-run.h"

#include <catch2/catch.hpp>
#include <set>

using namespace retrotcp;
using namespace retrotcp::test;

namespace
{

const ScenarioRun&
Sysctl()
{
    static const ScenarioRun run = [] {
        Ns3Fixture fixture;
        return ScenarioRun::Of("scenarios/linux-sysctl.json");
    }();
    return run;
}

// SYN times of a host's only call, read from its capture (relative to the call).
std::vector<double>
WireSyns(const ScenarioRun& run, const std::string& host)
{
    Row call = run.Call(host, 81);
    std::vector<double> times;
    for (const auto& s : run.Segments(host))
    {
        if (s.destinationPort == 81 && s.Has(fit::kSyn) && !s.Has(fit::kAck))
        {
            times.push_back(Seconds(s) - Number(call, "start_s"));
        }
    }
    return times;
}

void
CheckTimes(const std::vector<double>& actual, const std::vector<double>& expected)
{
    REQUIRE(actual.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
    {
        // On the wire: the first SYN waits for ARP (ns-3 jitters the request by up to
        // 10 ms); the rest leave on the stack's timer, plus transmission time.
        CHECK(actual[i] == Approx(expected[i]).margin(i == 0 ? 0.011 : 0.0001));
    }
}

} // namespace

TEST_CASE("sysctl: tcp_syn_retries and tcp_syn_linear_timeouts as the kernel counts them",
          "[sysctl][scenario]")
{
    // Rule LT-SYN-EXPIRY. net/ipv4/tcp_timer.c, tcp_write_timeout(): in SYN_SENT
    // "max_retransmits = retry_until; if (sk->sk_state == TCP_SYN_SENT)
    // max_retransmits += sysctl_tcp_syn_linear_timeouts; expired =
    // icsk->icsk_retransmits >= max_retransmits", then "if (!expired) expired =
    // retransmits_timed_out(sk, retry_until, ...)": tcp_model_timeout() of
    // tcp_syn_retries, ((2 << boundary) - 1) x TCP_TIMEOUT_INIT. tcp_retransmit_timer()
    // doubles the RTO only once more than tcp_syn_linear_timeouts have been sent.
    const ScenarioRun& run = Sysctl();
    struct Case
    {
        const char* host;
        std::vector<double> syns;
        double fail;
    };
    const Case cases[] = {
        {"c-default", {0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67}, 131},
        {"c-linear-off", {0, 1, 3, 7, 15, 31, 63}, 127},
        {"c-attribute", {0, 1, 3, 7, 15, 31, 63}, 127},
        {"c-retries-2", {0, 1, 2, 3, 4, 5}, 7},
        {"c-retries-3", {0, 1, 2, 3, 4, 5, 7, 11}, 19},
    };
    for (const Case& c : cases)
    {
        CAPTURE(c.host);
        Row call = run.Call(c.host, 81);
        CHECK(call.at("outcome") == "timed_out");
        CHECK(call.at("errno") == "ETIMEDOUT");
        CHECK(call.at("syns_sent") == std::to_string(c.syns.size()));
        CHECK(TimeToOutcome(call) == Approx(c.fail).margin(1e-9));
        CHECK(run.SynOffsets(call) == c.syns);
        CheckTimes(WireSyns(run, c.host), c.syns);
    }
}

TEST_CASE("sysctl: ip_local_port_range bounds the hashed ephemeral ports", "[sysctl][scenario]")
{
    // net.ipv4.ip_local_port_range "40000 40007": __inet_hash_connect() picks ports
    // of the range only, even ones first; with all 8 held by TIME-WAIT (60 s) a
    // connect fails EADDRNOTAVAIL.
    const ScenarioRun& run = Sysctl();
    auto calls = run.Calls("c-ports", 80);
    REQUIRE(calls.size() == 10);
    std::set<int> ports;
    for (size_t i = 0; i < 8; ++i)
    {
        CHECK(calls[i].at("outcome") == "established");
        int port = std::stoi(calls[i].at("local_port"));
        CHECK(port >= 40000);
        CHECK(port <= 40007);
        CHECK((port % 2 == 0) == (i < 4)); // the even half first
        ports.insert(port);
    }
    CHECK(ports.size() == 8);
    CHECK(calls[8].at("outcome") == "no_port");
    CHECK(calls[9].at("outcome") == "no_port");
}

TEST_CASE("sysctl: tcp_model_timeout and the attributes a sysctl sets", "[sysctl]")
{
    // tcp_model_timeout(): "linear_backoff_thresh = ilog2(TCP_RTO_MAX / rto_base);
    // if (boundary <= linear_backoff_thresh) timeout = ((2 << boundary) - 1) *
    // rto_base; else timeout = ((2 << linear_backoff_thresh) - 1) * rto_base +
    // (boundary - linear_backoff_thresh) * TCP_RTO_MAX".
    using ns3::LinuxSysctlConfig;
    CHECK(LinuxSysctlConfig::ModelTimeout(1) == ns3::Seconds(3));
    CHECK(LinuxSysctlConfig::ModelTimeout(6) == ns3::Seconds(127));
    CHECK(LinuxSysctlConfig::ModelTimeout(7) == ns3::Seconds(247));
    CHECK(LinuxSysctlConfig::ModelTimeout(10) == ns3::Seconds(607));
    LinuxSysctlConfig config;
    CHECK(config.ToAttributes().empty()); // nothing set: the profile's values stand
    CHECK_FALSE(config.Set("net.ipv4.tcp_syn_retries", "3"));
    auto attributes = config.ToAttributes();
    using A = LinuxSysctlConfig::Assignment;
    CHECK(attributes == std::vector<A>{{"MaxConnectRetransmissions", "7"},
                                       {"SynLinearRetries", "4"},
                                       {"SynExpiryTime", "15s"}});
    CHECK(config.Set("tcp_syn_retries", "0")); // 1 to 127
    CHECK(config.Set("tcp_syn_linear_timeouts", "128"));
    CHECK(config.Set("ip_local_port_range", "5000 4000"));
    CHECK(config.Set("tcp_fin_timeout", "30"));
}
