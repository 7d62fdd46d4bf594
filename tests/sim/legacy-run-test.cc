// End-to-end: the legacy TCP stack under the scenario runner, checked in
// connections.csv and events.csv.
#include "ns3-fixture.h"
#include "runner.h"
#include "scenario-loader.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace retrotcp;
using namespace retrotcp::test;

namespace
{
std::string
RunWith(const std::string& tag, const std::vector<std::string>& overrides)
{
    Scenario s = LoadScenario(SourcePath("scenarios/ns3-stock-basics.json"), overrides);
    RunOptions options;
    options.outDir = TempDir(tag);
    options.progress = false;
    std::ostringstream log;
    RunScenario(s, options, log);
    return options.outDir;
}

std::map<std::string, std::string>
Prober(const std::string& out)
{
    for (const auto& r : ReadCsv(out + "/connections.csv"))
    {
        if (r.at("host") == "prober")
        {
            return r;
        }
    }
    FAIL("no prober row");
    return {};
}

std::vector<double>
EventTimes(const std::string& out, const std::string& connId, const std::string& host,
           std::initializer_list<const char*> names)
{
    std::vector<double> times;
    for (const auto& r : ReadCsv(out + "/events.csv"))
    {
        for (const char* n : names)
        {
            if (r.at("conn_id") == connId && r.at("host") == host && r.at("event") == n)
            {
                times.push_back(std::stod(r.at("time_s")));
            }
        }
    }
    return times;
}
} // namespace

TEST_CASE("legacy-run: closed port under winnt-4.0 retries at the RST interval, then refused")
{
    // Q175523: "the pending connection will wait for the base connection's time-out
    // value and reissue another SYN packet ... until the maximum retry value is
    // reached" (TcpMaxConnectRetransmissions 3): 4 SYNs, RstRetryInterval 500 ms apart.
    Ns3Fixture fixture;
    std::string out = RunWith(
        "winnt", {"hosts.prober.stack.profile=winnt-4.0", "hosts.server.stack.profile=winnt-4.0"});
    auto p = Prober(out);
    CHECK(p.at("outcome") == "refused");
    CHECK(p.at("error_code") == "10061");
    CHECK(p.at("syns_sent") == "4");
    CHECK(p.at("rsts_received") == "4");
    CHECK(p.at("local_port") == "1025"); // MaxUserPort range 1025-5000
    auto syns = EventTimes(out, p.at("conn_id"), "prober", {"syn_sent", "syn_retransmit"});
    REQUIRE(syns.size() == 4);
    for (size_t i = 1; i < syns.size(); ++i)
    {
        CHECK(syns[i] - syns[i - 1] == Approx(0.5).margin(1e-9));
    }
    double end = std::stod(p.at("end_s"));
    CHECK(end - syns.back() > 0); // one RTT after the last SYN
    CHECK(end - syns.back() < 0.001);
    CHECK(EventTimes(out, p.at("conn_id"), "server", {"rst_sent"}).size() == 4);
}

TEST_CASE("legacy-run: registry names override a profile per host")
{
    Ns3Fixture fixture;
    SECTION("TcpMaxConnectRetransmissions 0: one SYN, refused at once")
    {
        std::string out =
            RunWith("reg0", {"hosts.prober.stack.profile=winnt-4.0",
                             "hosts.prober.stack.parameters.TcpMaxConnectRetransmissions=0"});
        CHECK(Prober(out).at("syns_sent") == "1");
        CHECK(Prober(out).at("outcome") == "refused");
    }
    SECTION("MaxConnectRetries 5 on win95: 6 SYNs")
    {
        std::string out = RunWith("reg5", {"hosts.prober.stack.profile=win95",
                                           "hosts.prober.stack.parameters.MaxConnectRetries=5"});
        CHECK(Prober(out).at("syns_sent") == "6");
        CHECK(Prober(out).at("rsts_received") == "6");
    }
}

TEST_CASE("legacy-run: bsd fails on the first RST")
{
    // Q175523: "with other implementations of TCP, such as those commonly found in
    // many UNIX systems, the connect() fails immediately upon the receipt of the
    // first ACK/RST packet".
    Ns3Fixture fixture;
    std::string out = RunWith("bsd", {"hosts.prober.stack.profile=bsd"});
    auto p = Prober(out);
    CHECK(p.at("outcome") == "refused");
    CHECK(p.at("syns_sent") == "1");
    CHECK(p.at("rsts_received") == "1");
    CHECK(std::stod(p.at("end_s")) - std::stod(p.at("start_s")) < 0.02); // ARP + one RTT
}

TEST_CASE("legacy-run: LAN Manager clients hold blocks through TIME-WAIT")
{
    // Q94246: "When a connection is closed actively, it MUST linger in TIME-WAIT
    // state for a time 2xMSL" - the lanman profiles use MSL 2 s, so each client's
    // block is freed 4 s after its TIME-WAIT starts.
    Ns3Fixture fixture;
    std::string out = RunWith("lanman", {"hosts.client.stack.profile=lanman-dos-2.2",
                                         "hosts.server.stack.profile=winnt-4.0"});
    int established = 0;
    for (const auto& r : ReadCsv(out + "/connections.csv"))
    {
        if (r.at("host").rfind("client", 0) == 0)
        {
            CHECK(r.at("outcome") == "established");
            ++established;
            auto enter = EventTimes(out, r.at("conn_id"), r.at("host"), {"time_wait_enter"});
            auto exit = EventTimes(out, r.at("conn_id"), r.at("host"), {"time_wait_exit"});
            auto freed = EventTimes(out, r.at("conn_id"), r.at("host"), {"block_freed"});
            REQUIRE(enter.size() == 1);
            REQUIRE(exit.size() == 1);
            REQUIRE(freed.size() == 1);
            CHECK(exit[0] - enter[0] == Approx(4.0).margin(1e-9));
            CHECK(freed[0] == Approx(exit[0]).margin(1e-9));
        }
    }
    CHECK(established == 9);
}
