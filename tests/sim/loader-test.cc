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
