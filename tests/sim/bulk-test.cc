// Rule APP-SEND-ANY-SIZE: "a write larger than the free send buffer is queued in
// part and resumed from ns-3's send callback until all of it is sent, in every
// application". scenarios/bulk-transfer.json asks a server of every profile for
// 20,000 and 1,000,000 bytes through 8,760-byte send buffers.
#include "ns3-fixture.h"
#include "runner.h"
#include "scenario-loader.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <set>
#include <sstream>

using namespace retrotcp;
using namespace retrotcp::test;

TEST_CASE("bulk: responses larger than the send buffer arrive whole on every profile", "[bulk]")
{
    Ns3Fixture fixture;
    Scenario s = LoadScenario(SourcePath("scenarios/bulk-transfer.json"), {});
    RunOptions options;
    options.outDir = TempDir("bulk");
    options.progress = false;
    std::ostringstream log;
    RunResult result = RunScenario(s, options, log);
    auto rows = ReadCsv(options.outDir + "/connections.csv");
    REQUIRE(rows.size() == 24);
    std::set<std::string> profiles;
    for (const auto& r : rows)
    {
        INFO(r.at("host") << " port " << r.at("remote_port"));
        std::string expected = r.at("remote_port") == "80" ? "20000" : "1000000";
        CHECK(r.at("outcome") == "established");
        CHECK(r.at("bytes_received") == expected);
        CHECK(r.at("close") == "normal");
        CHECK_FALSE(r.at("closed_s").empty());
        profiles.insert(r.at("profile"));
    }
    CHECK(profiles.size() == 12); // every profile of `retrotcp profiles`
    CHECK(result.outcomes["established"] == 24);
}
