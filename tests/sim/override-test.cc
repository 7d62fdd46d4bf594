#include "scenario-error.h"
#include "scenario-loader.h"
#include "test-util.h"

#include <catch2/catch.hpp>

using namespace retrotcp;
using nlohmann::json;

namespace
{
json
Tiny()
{
    return ReadScenarioJson(retrotcp::test::SourcePath("tests/data/valid/tiny.json"));
}
} // namespace

TEST_CASE("override: named array elements and numeric indices")
{
    json d = Tiny();
    ApplyOverride(d, "hosts.client.count=50");
    CHECK(d["hosts"][1]["count"] == 50);
    ApplyOverride(d, "hosts.0.role=client");
    CHECK(d["hosts"][0]["role"] == "client");
    ApplyOverride(d, "network.lans.lan0.data_rate=100Mbps");
    CHECK(d["network"]["lans"][0]["data_rate"] == "100Mbps"); // plain text stays a string
    ApplyOverride(d, "hosts.client.applications.0.port=445");
    CHECK(d["hosts"][1]["applications"][0]["port"] == 445);
    ApplyOverride(d, "seed=7");
    CHECK(d["seed"] == 7);
    ApplyOverride(d, "description=\"a, b\"");
    CHECK(d["description"] == "a, b");
    ApplyOverride(d, "hosts.server.stack.parameters={\"ConnCount\": 2}");
    CHECK(d["hosts"][0]["stack"]["parameters"]["ConnCount"] == 2);
}

TEST_CASE("override: missing objects on the way are created, validation judges them")
{
    json d = Tiny();
    ApplyOverride(d, "hosts.client.stack.parameters.ConnCount=2");
    CHECK(d["hosts"][1]["stack"]["parameters"]["ConnCount"] == 2);
    Scenario s = ParseScenario(d, "tiny.json");
    CHECK(s.hosts[1].stack.parameters.at("ConnCount") == "2");

    json typo = Tiny();
    ApplyOverride(typo, "hosts.client.stak.profile=x");
    CHECK_THROWS_WITH(ParseScenario(typo, "tiny.json"),
                      Catch::Contains("/hosts/1/stak: expected one of the keys"));
}

TEST_CASE("override: bad --set values are clear errors")
{
    json d = Tiny();
    CHECK_THROWS_WITH(ApplyOverride(d, "hosts.nobody.count=2"),
                      Catch::Contains("--set hosts.nobody.count=2: no element \"nobody\"") &&
                          Catch::Contains("names: server, client"));
    CHECK_THROWS_WITH(ApplyOverride(d, "hosts.client.count"),
                      Catch::Contains("expected PATH=VALUE"));
    CHECK_THROWS_WITH(ApplyOverride(d, "duration.unit=s"),
                      Catch::Contains("which is \"10s\" (a string), not an object or array"));
    CHECK_THROWS_WITH(ApplyOverride(d, "hosts..count=1"), Catch::Contains("empty segment"));
    CHECK_THROWS_WITH(ApplyOverride(d, "hosts.9.count=1"), Catch::Contains("no element \"9\""));
    // A value that parses but is invalid is caught by validation, at its path.
    ApplyOverride(d, "hosts.client.count=0");
    CHECK_THROWS_WITH(ParseScenario(d, "tiny.json"),
                      Catch::Contains("/hosts/1/count: expected an integer from 1 to 500000, "
                                      "found 0"));
}
