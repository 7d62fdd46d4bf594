#include "ns3-fixture.h"
#include "runner.h"
#include "scenario-loader.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace retrotcp;
using namespace retrotcp::test;

namespace
{
RunResult
RunQuickstart(const std::string& out, std::vector<std::string> overrides = {})
{
    Scenario s = LoadScenario(SourcePath("scenarios/ns3-stock-basics.json"), overrides);
    RunOptions options;
    options.outDir = out;
    options.progress = false;
    std::ostringstream log;
    return RunScenario(s, options, log);
}

double
Num(const std::string& text)
{
    return std::stod(text);
}
} // namespace

TEST_CASE("run: ns3-stock-basics writes connections.csv with one row per attempt")
{
    Ns3Fixture fixture;
    std::string out = TempDir("quickstart");
    RunResult result = RunQuickstart(out);
    CHECK(ListDir(out) == std::vector<std::string>{".retrotcp-result", "connections.csv",
                                                   "events.csv", "scenario.json", "summary.json"});

    auto rows = ReadCsv(out + "/connections.csv");
    REQUIRE(rows.size() == 10); // 3 clients x 3 connects + 1 prober
    CHECK(result.connections == 10);
    CHECK(result.outcomes["established"] == 9);
    CHECK(result.outcomes["refused"] == 1);
    int established = 0;
    for (const auto& r : rows)
    {
        INFO("conn_id " << r.at("conn_id"));
        if (r.at("remote_port") == "139")
        {
            ++established;
            CHECK(r.at("outcome") == "established");
            CHECK(r.at("error_code") == "0");
            CHECK(r.at("syns_sent") == "1");
            CHECK(r.at("rsts_received") == "0");
            CHECK(r.at("bytes_sent") == "200");
            CHECK(r.at("bytes_received") == "200");
            CHECK(r.at("close") == "normal");
            CHECK(Num(r.at("end_s")) > Num(r.at("start_s")));
            CHECK(Num(r.at("closed_s")) >= Num(r.at("end_s")));
            CHECK(r.at("remote_host") == "server");
            CHECK(r.at("remote_address") == "10.1.0.1");
        }
        else
        {
            // Stock ns-3.37 ignores the RST|ACK from a closed port, so the connect
            // fails only after all ConnCount = 6 SYNs: 3 s doubling, 0+3+6+12+24+48
            // +96 = 189 s after the start. Each SYN is answered by a RST.
            CHECK(r.at("host") == "prober");
            CHECK(r.at("remote_port") == "81");
            CHECK(r.at("outcome") == "refused");
            // Stock ns-3 has no error numbers: named as on Linux.
            CHECK(r.at("error_code") == "111");
            CHECK(r.at("errno") == "ECONNREFUSED");
            CHECK(r.at("syns_sent") == "6");
            CHECK(r.at("rsts_received") == "6");
            CHECK(Num(r.at("start_s")) == Approx(2.0));
            CHECK(Num(r.at("end_s")) == Approx(191.0));
        }
    }
    CHECK(established == 9);
}

TEST_CASE("run: events.csv is in time order and traces every attempt")
{
    Ns3Fixture fixture;
    std::string out = TempDir("events");
    RunQuickstart(out);
    std::string text = ReadFile(out + "/events.csv");
    CHECK(text.rfind("time_s,host,conn_id,event,detail\n", 0) == 0);
    auto rows = ReadCsv(out + "/events.csv");
    double last = 0;
    std::map<std::string, int> starts;
    std::map<std::string, int> synRetransmits;
    for (const auto& r : rows)
    {
        double t = Num(r.at("time_s"));
        CHECK(t >= last);
        last = t;
        if (r.at("event") == "connect_start")
        {
            ++starts[r.at("conn_id")];
        }
        if (r.at("event") == "syn_retransmit")
        {
            ++synRetransmits[r.at("conn_id")];
        }
    }
    CHECK(starts.size() == 10);
    // The prober (conn 4, the only attempt that starts at 2 s) retransmits its SYN 5 times.
    CHECK(synRetransmits.size() == 1);
    CHECK(synRetransmits.begin()->second == 5);
}

TEST_CASE("run: the same scenario and seed give byte-identical results")
{
    Ns3Fixture fixture;
    std::string a = TempDir("det-a");
    std::string b = TempDir("det-b");
    RunQuickstart(a);
    RunQuickstart(b);
    CHECK(ReadFile(a + "/events.csv") == ReadFile(b + "/events.csv"));
    CHECK(ReadFile(a + "/connections.csv") == ReadFile(b + "/connections.csv"));
    auto sa = nlohmann::json::parse(ReadFile(a + "/summary.json"));
    auto sb = nlohmann::json::parse(ReadFile(b + "/summary.json"));
    // wall_time_s and provenance are what may differ (docs/results-format.md).
    for (const char* key : {"wall_time_s", "provenance"})
    {
        sa.erase(key);
        sb.erase(key);
    }
    CHECK(sa == sb);
}

TEST_CASE("run: summary.json records the run")
{
    Ns3Fixture fixture;
    std::string out = TempDir("summary");
    RunQuickstart(out, {"hosts.client.count=2"});
    auto s = nlohmann::json::parse(ReadFile(out + "/summary.json"));
    CHECK(s["scenario"] == "ns3-stock-basics");
    CHECK(s["seed"] == 1);
    CHECK(s["overrides"] == nlohmann::json::array({"hosts.client.count=2"}));
    CHECK(s["versions"]["ns3"] == "3.37");
    CHECK(s["connections"] == 7);
    CHECK(s["outcomes"]["established"] == 6);
    CHECK(s["outcomes"]["refused"] == 1);
    CHECK(s["outcomes"]["no_tcb"] == 0);
    CHECK(s["simulated_time_s"] == 240.0);
    CHECK(s["events_executed"].get<uint64_t>() > 100);
    CHECK(s["wall_time_s"].get<double>() >= 0.0);
    CHECK(s["hosts"] == 4);
}

TEST_CASE("run: a WAN link with delay puts hosts far apart")
{
    Ns3Fixture fixture;
    std::string out = TempDir("wan");
    Scenario s = LoadScenario(SourcePath("scenarios/ns3-stock-basics.json"), {});
    LanSpec branch;
    branch.name = "branch";
    branch.delay = ns3::MicroSeconds(5);
    s.lans.push_back(branch);
    s.wanLinks.push_back(
        WanLinkSpec{"wan0", "lan0", "branch", 1544000, ns3::MilliSeconds(150), 0, {}});
    s.hosts[1].lan = "branch"; // the clients move to the branch office
    RunOptions options;
    options.outDir = out;
    options.progress = false;
    std::ostringstream log;
    RunScenario(s, options, log);
    for (const auto& r : ReadCsv(out + "/connections.csv"))
    {
        if (r.at("host").rfind("client", 0) == 0)
        {
            INFO("conn " << r.at("conn_id"));
            CHECK(r.at("outcome") == "established");
            // SYN out and SYN-ACK back cross the 150 ms link twice: >= 300 ms.
            CHECK(Num(r.at("end_s")) - Num(r.at("start_s")) >= 0.300);
            CHECK(Num(r.at("end_s")) - Num(r.at("start_s")) < 0.400);
        }
    }
}
