#include "memory-estimate.h"
#include "ns3-fixture.h"
#include "scenario-error.h"
#include "scenario-loader.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace retrotcp;
using retrotcp::test::SourcePath;

TEST_CASE("loader: accepts every sample scenario in scenarios/")
{
    int samples = 0;
    for (const auto& entry : std::filesystem::directory_iterator(SourcePath("scenarios")))
    {
        if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json")
        {
            continue;
        }
        ++samples;
        INFO(entry.path().string());
        CHECK_NOTHROW(LoadScenario(entry.path().string(), {}));
    }
    CHECK(samples >= 1);
}

TEST_CASE("loader: reads a scenario into typed values")
{
    Scenario s = LoadScenario(SourcePath("tests/data/valid/tiny.json"), {});
    CHECK(s.name == "tiny");
    CHECK(s.duration == ns3::Seconds(10));
    REQUIRE(s.lans.size() == 2);
    CHECK(s.lans[0].dataRateBps == 10000000ULL);
    CHECK(s.lans[0].delay == ns3::MicroSeconds(5));
    CHECK(s.lans[1].dataRateBps == 10000000ULL); // default
    REQUIRE(s.hosts.size() == 2);
    CHECK(s.hosts[1].count == 3);
    CHECK(s.hosts[1].MemberName(0) == "client-1");
    CHECK(s.hosts[1].MemberName(2) == "client-3");
    CHECK(s.hosts[0].MemberName(0) == "server");
    CHECK(s.hosts[1].stack.profile == "ns3-stock"); // default profile
    REQUIRE(s.hosts[1].applications.size() == 1);
    CHECK(s.hosts[1].applications[0].connect.remote == "server");
    CHECK(s.hosts[1].applications[0].connect.port == 139);
    CHECK(s.hosts[1].applications[0].connect.interval == ns3::Seconds(1));
}

TEST_CASE("loader: rejects invalid scenarios with file, JSON path, expected and found")
{
    // Each case: tests/data/invalid/NAME.json and the path and words its message
    // must contain (tests/data/invalid/expected.json).
    std::string dir = SourcePath("tests/data/invalid/");
    auto expected = nlohmann::json::parse(retrotcp::test::ReadFile(dir + "expected.json"));
    REQUIRE(expected.size() >= 12);
    for (const auto& item : expected.items())
    {
        DYNAMIC_SECTION(item.key())
        {
            std::string file = dir + item.key() + ".json";
            std::string path = item.value()["path"];
            std::string message = item.value()["message"];
            try
            {
                LoadScenario(file, {});
                FAIL("accepted " << file);
            }
            catch (const ScenarioError& e)
            {
                std::string what = e.what();
                INFO(what);
                CHECK(what.rfind(file, 0) == 0); // starts with the file name
                if (!path.empty())
                {
                    CHECK(what.find(": at " + path + ": ") != std::string::npos);
                    CHECK(what.find("expected ") != std::string::npos);
                }
                CHECK(what.find(message) != std::string::npos);
            }
        }
    }
}

TEST_CASE("loader: syntax errors give line and column")
{
    std::string file = SourcePath("tests/data/invalid/syntax-error.json");
    try
    {
        LoadScenario(file, {});
        FAIL("accepted");
    }
    catch (const ScenarioError& e)
    {
        std::string what = e.what();
        INFO(what);
        CHECK(what.find(file + ":4:") == 0);
        CHECK(what.find("invalid JSON") != std::string::npos);
    }
}

TEST_CASE("loader: a missing file is a clear error")
{
    CHECK_THROWS_WITH(LoadScenario("/nonexistent/x.json", {}),
                      Catch::Contains("/nonexistent/x.json: cannot read the file"));
}

TEST_CASE("loader: stack parameters are checked against the profile's attributes")
{
    retrotcp::test::Ns3Fixture fixture;
    Scenario s = LoadScenario(SourcePath("tests/data/valid/tiny.json"),
                              {"hosts.server.stack.parameters.ConnCount=3",
                               "hosts.server.stack.parameters.ConnTimeout=500ms"});
    CHECK(s.hosts[0].stack.parameters.at("ConnCount") == "3");
    CHECK(s.hosts[0].stack.parameters.at("ConnTimeout") == "500ms");
    CHECK_THROWS_WITH(LoadScenario(SourcePath("tests/data/valid/tiny.json"),
                                   {"hosts.server.stack.parameters.ConnTimeout=3"}),
                      Catch::Contains("/hosts/0/stack/parameters/ConnTimeout: expected a "
                                      "duration with a unit"));
}

TEST_CASE("loader: deep nesting is refused before the JSON parser sees it")
{
    // 10^6 nested arrays: refused at the 33rd level (the object is the first), in one pass, no
    // recursion.
    std::string deep = "{\"name\": " + std::string(1000000, '[') + std::string(1000000, ']') + "}";
    CHECK_THROWS_WITH(ParseScenarioText(deep, "deep.json"),
                      Catch::Contains("deep.json:1:41: invalid scenario: objects and arrays "
                                      "nested more than 32 deep"));
    // Brackets inside strings do not count.
    CHECK_NOTHROW(ParseScenarioText("{\"a\": \"" + std::string(100, '[') + "\"}", "s.json"));
}

TEST_CASE("loader: the address plan limits are checked with the limit named")
{
    Scenario ok = LoadScenario(SourcePath("tests/data/valid/tiny.json"),
                               {"hosts.client.count=65533"}); // + server = 65534
    CHECK(ok.hosts[1].count == 65533);
    // 16385 WAN links between two LANs: one more than 172.16.0.0/16 holds.
    nlohmann::json doc = ReadScenarioJson(SourcePath("tests/data/valid/tiny.json"));
    for (int i = 0; i < 16385; ++i)
    {
        doc["network"]["wan_links"].push_back(
            {{"name", "w" + std::to_string(i)}, {"lans", {"lan0", "lan1"}}});
    }
    CHECK_THROWS_WITH(ParseScenario(doc, "wan.json"),
                      Catch::Contains("wan.json: at /network/wan_links: expected at most 16384 "
                                      "WAN links (each is a /30 of 172.16.0.0/16), found 16385"));
    doc["network"]["wan_links"].erase(16384);
    CHECK_NOTHROW(ParseScenario(doc, "wan.json"));
}

TEST_CASE("loader: --set refuses what it cannot apply, with a message")
{
    std::string tiny = SourcePath("tests/data/valid/tiny.json");
    CHECK_THROWS_WITH(LoadScenario(tiny, {"hosts.99999999999999999999999.count=3"}),
                      Catch::Contains("no element \"99999999999999999999999\" in the array at "
                                      "/hosts (2 elements; names: server, client)"));
    CHECK_THROWS_WITH(LoadScenario(tiny, {"hosts.0.na\xffme=x"}),
                      Catch::Contains("--set hosts.0.na\\xFFme=x: expected UTF-8 text, found byte "
                                      "0xFF at offset 10"));
    // A number beyond double range is not JSON nlohmann can hold: kept as text.
    CHECK_THROWS_WITH(LoadScenario(tiny, {"hosts.client.count=1e400"}),
                      Catch::Contains("at /hosts/1/count: expected an integer from 1 to 500000, "
                                      "found \"1e400\" (a string)"));
    CHECK_THROWS_WITH(LoadScenario(tiny, {"seed=4294944443"}),
                      Catch::Contains("at /seed: expected an integer from 1 to 4294944442"));
    CHECK(LoadScenario(tiny, {"seed=4294944442"}).seed == 4294944442U);
}

TEST_CASE("memory: the estimate grows with hosts, connections and captures")
{
    std::string tiny = SourcePath("tests/data/valid/tiny.json");
    MemoryEstimate small = EstimateMemory(LoadScenario(tiny, {}), false);
    CHECK(small.hosts == 4);
    CHECK(small.connections == 3);
    MemoryEstimate big = EstimateMemory(LoadScenario(tiny, {"hosts.client.count=60000"}), false);
    CHECK(big.hosts == 60001);
    CHECK(big.connections == 60000);
    // 20 KiB a host, and a stock socket each in TIME-WAIT at the end.
    CHECK(big.bytes > 60001ULL * 20 * 1024);
    CHECK(big.bytes < 60001ULL * 40 * 1024);
    MemoryEstimate pcap = EstimateMemory(LoadScenario(tiny, {"hosts.client.count=60000"}), true);
    CHECK(pcap.captures == 60001);
    CHECK(pcap.bytes > big.bytes);
    // A stock client holds a whole socket per TIME-WAIT (2 x 120 s): 10,000
    // connections one per millisecond are all alive at the end.
    MemoryEstimate storm = EstimateMemory(
        LoadScenario(tiny, {"hosts.client.count=1", "hosts.client.applications.0.count=10000",
                            "hosts.client.applications.0.interval=1ms"}),
        false);
    CHECK(storm.sockets == 10000);
    // On a legacy stack TIME-WAIT is a small record: about a second's worth.
    MemoryEstimate legacy = EstimateMemory(
        LoadScenario(tiny, {"hosts.client.count=1", "hosts.client.applications.0.count=10000",
                            "hosts.client.applications.0.interval=1ms",
                            "hosts.client.stack.profile=winnt-4.0"}),
        false);
    CHECK(legacy.sockets == 1001);
    CHECK_THAT(big.Describe(), Catch::StartsWith("about 2.1 GiB (60001 hosts"));
}
