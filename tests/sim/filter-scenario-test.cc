// Host packet filters in a scenario (scenarios/filter-ports.json): one Linux
// server whose ports listen, are closed, dropped or answered with ICMP, against
// a linux, a winnt-4.0 and a bsd client, checked on the wire and in the traces.
#include "connection-record.h"
#include "ns3-fixture.h"
#include "scenario-run.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace retrotcp;
using namespace retrotcp::test;

namespace
{

void
CheckOffsets(const std::vector<double>& actual, const std::vector<double>& expected)
{
    REQUIRE(actual.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
    {
        CHECK(actual[i] == Approx(expected[i]).margin(1e-6));
    }
}

const ScenarioRun&
FilterPorts()
{
    static const ScenarioRun run = [] {
        Ns3Fixture fixture;
        return ScenarioRun::Of("scenarios/filter-ports.json");
    }();
    return run;
}

} // namespace

TEST_CASE("filter-ports: a dropped port times out after each profile's SYN schedule",
          "[filter][scenario]")
{
    // Rule FILTER-PORTS: "A dropped port gives timed_out after the profile's SYN
    // schedule". Rule FILTER-ORDER: the first matching rule decides (81: drop).
    const ScenarioRun& run = FilterPorts();
    Row linux = run.Call("c-linux", 81);
    CHECK(linux.at("outcome") == "timed_out");
    CHECK(linux.at("errno") == "ETIMEDOUT");
    // Linux: tcp_syn_linear_timeouts 4 (1 s apart), then doubling; 10 retries.
    CheckOffsets(run.SynOffsets(linux), {0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67});
    CHECK(TimeToOutcome(linux) == Approx(131).margin(1e-6));
    Row nt = run.Call("c-nt", 81);
    CHECK(nt.at("outcome") == "timed_out");
    CheckOffsets(run.SynOffsets(nt), {0, 3, 9, 21}); // Q175523
    CHECK(TimeToOutcome(nt) == Approx(45).margin(1e-6));
    Row bsd = run.Call("c-bsd", 81);
    CHECK(bsd.at("outcome") == "timed_out");
    CheckOffsets(run.SynOffsets(bsd), {0, 3, 9, 21, 45}); // 75 s TCPTV_KEEP_INIT
    CHECK(TimeToOutcome(bsd) == Approx(75).margin(1e-6));

    // The wire: the server's capture has every SYN to 81 (11 + 4 + 5) and not one
    // segment from port 81; the filter traced each drop as the SYN it was.
    int syns = 0;
    for (const auto& s : run.Segments("server"))
    {
        CHECK(s.sourcePort != 81);
        syns += s.destinationPort == 81 && s.Has(fit::kSyn) && !s.Has(fit::kAck);
    }
    CHECK(syns == 20);
    auto drops = run.Events("server", "filter_drop");
    CHECK(drops.size() == 20);
    for (const auto& d : drops)
    {
        CHECK(d.at("detail").find("rule=0 direction=in protocol=tcp local_port=81") == 0);
        CHECK(d.at("detail").find("flags=SYN action=drop") != std::string::npos);
    }
}

TEST_CASE("filter-ports: ICMP port and host unreachable as each profile's stack takes them",
          "[filter][scenario]")
{
    // Rule LT-ICMP-CONNECT. RFC 1122 4.2.3.9: "Destination Unreachable -- codes 0,
    // 1, 5 ... soft error conditions, TCP MUST NOT abort the connection"; "codes
    // 2-4 ... SHOULD abort the connection". Linux tcp_v4_err() ends a connect in
    // SYN_SENT on every one; 4.4BSD tcp_notify() keeps it as the soft error.
    const ScenarioRun& run = FilterPorts();
    struct Case
    {
        const char* host;
        uint16_t port;
        const char* outcome;
        const char* error;
        size_t syns;
        double seconds; //!< time to outcome, less the round trip
    };
    const Case cases[] = {
        {"c-linux", 83, "refused", "111", 1, 0},     // Abort: ECONNREFUSED at once
        {"c-linux", 85, "unreachable", "113", 1, 0}, // Abort: EHOSTUNREACH at once
        {"c-nt", 83, "refused", "10061", 1, 0},      // Rfc1122: a hard error
        {"c-nt", 85, "unreachable", "10065", 4, 45}, // Rfc1122: soft, at the timeout
        {"c-bsd", 83, "refused", "61", 5, 45},       // Soft: second error after 4 retries
        {"c-bsd", 85, "unreachable", "65", 5, 45},   // Soft: the same
    };
    for (const Case& c : cases)
    {
        CAPTURE(c.host, c.port);
        Row call = run.Call(c.host, c.port);
        CHECK(call.at("outcome") == c.outcome);
        CHECK(call.at("error_code") == c.error);
        CHECK(run.SynOffsets(call).size() == c.syns);
        CHECK(TimeToOutcome(call) == Approx(c.seconds).margin(0.01));
        auto icmps = run.Events(c.host, "icmp_unreachable", call.at("conn_id"));
        REQUIRE(!icmps.empty());
        CHECK(icmps.back().at("detail") == (c.port == 83 ? "code=3" : "code=1"));
    }
    // The server answered each SYN to 83 and 85 with an ICMP error, never a segment.
    size_t rejects = run.Events("server", "filter_reject").size();
    CHECK(rejects == 1 + 1 + 1 + 4 + 5 + 5);
    for (const auto& s : run.Segments("server"))
    {
        CHECK(s.sourcePort != 83);
        CHECK(s.sourcePort != 85);
    }
}

TEST_CASE("filter-ports: a closed port, a listening one and a late listener on the same server",
          "[filter][scenario]")
{
    // RFC 793 p.36: "If the connection does not exist (CLOSED) then a reset is sent
    // in response to any incoming segment except another reset"; "the RST is
    // acceptable if the ACK field acknowledges the SYN" (p.66).
    const ScenarioRun& run = FilterPorts();
    CHECK(run.Call("c-linux", 80).at("outcome") == "established");
    CHECK(run.Call("c-nt", 80).at("outcome") == "established");
    CHECK(run.Call("c-bsd", 80).at("outcome") == "established");
    Row linux = run.Call("c-linux", 82);
    CHECK(linux.at("outcome") == "refused");
    CHECK(linux.at("syns_sent") == "1");
    Row nt = run.Call("c-nt", 82);
    CHECK(nt.at("outcome") == "refused");
    CheckOffsets(run.SynOffsets(nt), {0, 0.5, 1.0, 1.5}); // Q175523, RstRetryInterval
    // On the wire: each SYN to 82 is answered <SEQ=0><ACK=SEG.SEQ+1><CTL=RST,ACK>.
    std::map<uint32_t, int> synSeq; // seq of SYNs to 82 -> count
    int resets = 0;
    for (const auto& s : run.Segments("server"))
    {
        if (s.destinationPort == 82 && s.Has(fit::kSyn))
        {
            ++synSeq[s.sequence];
        }
        if (s.sourcePort == 82)
        {
            CHECK(s.Has(fit::kRst | fit::kAck));
            CHECK(s.sequence == 0);
            CHECK(synSeq.count(s.acknowledgement - 1) == 1);
            ++resets;
        }
    }
    CHECK(resets == 1 + 4 + 1);
    // 84 opens at 10 s: every poll before is refused, the first after connects.
    for (const char* host : {"c-linux", "c-nt", "c-bsd"})
    {
        CAPTURE(host);
        auto calls = run.Calls(host, 84);
        REQUIRE(calls.size() >= 2);
        for (size_t i = 0; i + 1 < calls.size(); ++i)
        {
            CHECK(calls[i].at("outcome") == "refused");
            CHECK(Number(calls[i], "end_s") < 10.001);
        }
        CHECK(calls.back().at("outcome") == "established");
        CHECK(Number(calls.back(), "end_s") >= 10.0);
        CHECK(Number(calls.back(), "end_s") < 10.6);
    }
}

TEST_CASE("results: summary.json counts every outcome word, unreachable included",
          "[filter][results]")
{
    // docs/results-format.md: "outcomes: connections per outcome word (every word
    // listed, zeros included)"; a host unreachable that decides a connect is
    // "unreachable" (WSAEHOSTUNREACH 10065, EHOSTUNREACH 113 / 65).
    std::string out;
    {
        Ns3Fixture fixture;
        out = RunInTempDir("tests/data/valid/tiny.json", "outcome-words");
    }
    auto summary = nlohmann::json::parse(ReadFile(out + "/summary.json"));
    for (auto outcome : ns3::AllConnectionOutcomes())
    {
        CAPTURE(ns3::ConnectionOutcomeName(outcome));
        CHECK(summary["outcomes"].contains(ns3::ConnectionOutcomeName(outcome)));
    }
    CHECK(summary["outcomes"]["unreachable"] == 0);
    // And the sample scenario: one host unreachable per client profile.
    auto sample = nlohmann::json::parse(ReadFile(FilterPorts().folder + "/summary.json"));
    CHECK(sample["outcomes"]["unreachable"] == 3);
    CHECK(sample["outcomes"]["timed_out"] == 3);
}
