// Provenance: every result folder says exactly what ran and can be run again
// (docs/results-format.md, scenario.json and summary.json).
#include "ns3-fixture.h"
#include "scenario-loader.h"
#include "scenario-writer.h"
#include "sha256.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

using namespace retrotcp;
using namespace retrotcp::test;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace
{
nlohmann::json
Summary(const std::string& dir)
{
    return nlohmann::json::parse(ReadFile(dir + "/summary.json"));
}

// summary.json without what may differ between two runs with the same results.
nlohmann::json
Deterministic(nlohmann::json s)
{
    for (const char* key : {"wall_time_s", "provenance", "scenario_file", "overrides"})
    {
        s.erase(key);
    }
    return s;
}
} // namespace

TEST_CASE("provenance: every sample scenario resolves to a scenario.json that resolves to itself")
{
    Ns3Fixture fixture;
    for (const auto& entry : fs::directory_iterator(SourcePath("scenarios")))
    {
        if (entry.path().filename() == "schema.json")
        {
            continue;
        }
        INFO(entry.path().string());
        Scenario s = LoadScenario(entry.path().string(), {});
        std::string text = ResolvedScenarioText(s);
        Scenario again = ParseScenario(nlohmann::json::parse(text), "scenario.json");
        CHECK(ResolvedScenarioText(again) == text);
        // Defaults filled in and profile values expanded.
        auto j = nlohmann::json::parse(text);
        for (const auto& h : j["hosts"])
        {
            CHECK(h.contains("count"));
            CHECK(h.contains("role"));
            CHECK(h["stack"].contains("parameters"));
            if (h["stack"]["profile"] != "ns3-stock")
            {
                CHECK(h["stack"]["parameters"].size() >= 15);
            }
        }
    }
}

TEST_CASE("provenance: a LAN Manager stack is written in PROTOCOL.INI names with its MSL")
{
    Ns3Fixture fixture;
    Scenario s = LoadScenario(SourcePath("scenarios/lanman-relogon-error.json"),
                              {"hosts.ws-light.stack.parameters.TCPCONNECTIONS=9",
                               "hosts.ws-light.stack.parameters.MSL=\"1.5s\""});
    auto j = nlohmann::json::parse(ResolvedScenarioText(s));
    nlohmann::json light;
    for (const auto& h : j["hosts"])
    {
        if (h["name"] == "ws-light")
        {
            light = h["stack"]["parameters"];
        }
    }
    CHECK(light["TCPCONNECTIONS"] == 9);
    CHECK(light["NBSESSIONS"] == 6);
    CHECK(light["TCPWINDOWSIZE"] == 2900); // 9-11 connections
    CHECK(light["TCPSEGMENTSIZE"] == 1450);
    CHECK(light["Msl"] == "1500ms");
    CHECK(light["HalfDuplexClose"] == true);
    CHECK_FALSE(light.contains("ConnectionBlocks"));
}

TEST_CASE("provenance: summary.json records the scenario hash, build, command line and run")
{
    std::string out = TempDir("provenance");
    auto r = RunCommand("NS_GLOBAL_VALUE='ChecksumEnabled=false' '" RETROTCP_BINARY "' run '" +
                        SourcePath("scenarios/ns3-stock-basics.json") + "' --out '" + out +
                        "' --quiet --seed 3 --run 2 --set hosts.client.count=1");
    REQUIRE(r.status == 0);
    auto s = Summary(out);
    CHECK(s["seed"] == 3);
    CHECK(s["run"] == 2);
    CHECK(s["scenario_sha256"] == Sha256Hex(ReadFile(out + "/scenario.json")));
    const auto& p = s["provenance"];
    CHECK(std::regex_match(p["git_commit"].get<std::string>(), std::regex("[0-9a-f]{40}|unknown")));
    CHECK(p["git_dirty"].is_boolean());
    CHECK_THAT(p["program_id"].get<std::string>(), Contains("0.1.0+g"));
    CHECK(p["ns3_version"] == "3.37");
    CHECK(p["scheduler"] == "priority");
    CHECK(p["environment"]["NS_GLOBAL_VALUE"] == "ChecksumEnabled=false");
    CHECK(std::regex_match(p["started_at"].get<std::string>(),
                           std::regex("20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z")));
    auto line = p["command_line"];
    REQUIRE(line.size() == 12);
    CHECK(line[1] == "run");
    CHECK(line[11] == "hosts.client.count=1");
    // scenario.json is the scenario after --set and --seed.
    auto scenario = nlohmann::json::parse(ReadFile(out + "/scenario.json"));
    CHECK(scenario["seed"] == 3);
    CHECK(scenario["hosts"][1]["count"] == 1);
    CHECK_THAT(RunRetrotcp("--version").output, Contains(p["git_commit"].get<std::string>()));
}

TEST_CASE("provenance: run --from re-runs a result folder byte for byte")
{
    std::string base = TempDir("from");
    std::string first = base + "/first";
    auto r = RunRetrotcp("run '" + SourcePath("scenarios/lanman-relogon-error.json") + "' --out '" +
                         first +
                         "' --quiet --pcap --seed 4 --run 3 --scheduler heap --set "
                         "hosts.ws-light.stack.parameters.TCPCONNECTIONS=9");
    REQUIRE(r.status == 0);
    auto again = RunRetrotcp("run --from '" + first + "'");
    INFO(again.output);
    REQUIRE(again.status == 0);
    std::string second = first + "-rerun";
    CHECK_THAT(again.output, Contains("seed 4, run 3") && Contains("results in " + second));
    for (const char* f : {"scenario.json", "events.csv", "connections.csv", "commands.csv",
                          "pcap/ws-light-1.pcap", "pcap/dc-1.pcap"})
    {
        INFO(f);
        CHECK(ReadFile(first + "/" + f) == ReadFile(second + "/" + f));
    }
    CHECK(Deterministic(Summary(first)) == Deterministic(Summary(second)));
    CHECK(Summary(second)["provenance"]["scheduler"] == "heap");
    // --out and --run override what the folder recorded.
    auto other = RunRetrotcp("run --from '" + first + "' --quiet --run 5 --out '" + base + "/r5'");
    REQUIRE(other.status == 0);
    CHECK(Summary(base + "/r5")["run"] == 5);
}

TEST_CASE("provenance: the run number gives another replication with the seed fixed")
{
    // The storm's start jitter is random: run 1 and run 2 differ, the same run is
    // identical (ns-3 manual: streams of different run numbers are independent).
    std::string base = TempDir("runs");
    std::string args = "run '" + SourcePath("scenarios/lanman-morning-storm.json") +
                       "' --quiet --set hosts.ws.count=5 --out '" + base;
    REQUIRE(RunRetrotcp(args + "/a' --run 1").status == 0);
    REQUIRE(RunRetrotcp(args + "/b' --run 2").status == 0);
    REQUIRE(RunRetrotcp(args + "/c' --run 2").status == 0);
    CHECK(ReadFile(base + "/a/events.csv") != ReadFile(base + "/b/events.csv"));
    CHECK(ReadFile(base + "/b/events.csv") == ReadFile(base + "/c/events.csv"));
    CHECK(Summary(base + "/a")["seed"] == Summary(base + "/b")["seed"]);
    CHECK(Summary(base + "/a")["scenario_sha256"] == Summary(base + "/b")["scenario_sha256"]);
}

TEST_CASE("provenance: run --from a folder that is not a complete result is an error")
{
    std::string base = TempDir("from-bad");
    auto none = RunRetrotcp("run --from '" + base + "/nope'");
    CHECK(none.status == 2);
    CHECK_THAT(none.output, Contains("no such folder"));
    auto empty = RunRetrotcp("run --from '" + base + "'");
    CHECK(empty.status == 2);
    CHECK_THAT(empty.output, Contains("no summary.json"));
    auto both = RunRetrotcp("run '" + SourcePath("scenarios/ns3-stock-basics.json") + "' --from '" +
                            base + "'");
    CHECK(both.status == 2);
    CHECK_THAT(both.output, Contains("not both"));
}
