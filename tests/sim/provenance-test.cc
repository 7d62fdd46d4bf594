// Provenance: every result folder says exactly what ran and can be run again
// (docs/results-format.md, scenario.json and summary.json).
#include "ns3-fixture.h"
#include "scenario-loader.h"
#include "scenario-writer.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace retrotcp;
using namespace retrotcp::test;
namespace fs = std::filesystem;

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
