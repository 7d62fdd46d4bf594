// `retrotcp fit` on retrotcp's own captures: every profile simulated against a
// listening, a closed and a dropped port (`retrotcp run --pcap`), fitted back
// from the client's capture. Each must come out as its profile (or the group the
// capture cannot tell apart from it), with the simulated parameters back within
// 1 ms (timer resolution), and its replay must reproduce the capture's SYN times.
#include "fit-profiles.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace retrotcp;
using namespace retrotcp::test;
using nlohmann::json;

namespace
{
// Client calls: a listener, three closed ports, three dropped SYN series, and a
// last listening call at 240 s so the capture runs past every timeout.
json
RoundTripScenario(const std::string& profile, const json& parameters)
{
    json client = {{"name", "client"}, {"lan", "lan0"}, {"stack", {{"profile", profile}}}};
    if (!parameters.empty())
    {
        client["stack"]["parameters"] = parameters;
    }
    json apps = json::array();
    auto call = [&](const std::string& remote, int port, const std::string& start) {
        apps.push_back({{"type", "connect"}, {"remote", remote}, {"port", port}, {"start", start}});
    };
    call("server", 139, "1s");
    call("server", 7, "2s");
    call("server", 9, "4s");
    call("server", 13, "6s");
    call("ghost", 80, "8s");
    call("ghost", 80, "10s");
    call("ghost", 80, "12s");
    call("server", 139, "240s");
    client["applications"] = apps;
    json server = {{"name", "server"},
                   {"lan", "lan0"},
                   {"stack", {{"profile", "winnt-4.0"}}},
                   {"applications", {{{"type", "service"}, {"port", 139}}}}};
    json ghost = {{"name", "ghost"}, {"lan", "far"}, {"stack", {{"profile", "winnt-4.0"}}}};
    return {{"name", "fit-round-trip"},
            {"duration", "250s"},
            {"network",
             {{"lans", {{{"name", "lan0"}}, {{"name", "far"}}}},
              {"wan_links", {{{"name", "dead"}, {"lans", {"lan0", "far"}}, {"loss", 1.0}}}}}},
            {"hosts", {server, ghost, client}}};
}

const json&
Parameter(const json& client, const std::string& name)
{
    for (const auto& p : client["parameters"])
    {
        if (p["name"] == name)
        {
            return p;
        }
    }
    FAIL("no parameter " << name);
    static json none;
    return none;
}

struct Case
{
    std::string profile;
    json parameters;            //!< the scenario's overrides
    fit::StackCandidate expect; //!< the profile's values with them applied
};

std::vector<Case>
Cases()
{
    std::vector<Case> cases;
    for (const auto& c : FitCandidates())
    {
        cases.push_back({c.name, json::object(), c});
    }
    // Tuned hosts: the overrides must come back as the fit's overrides.
    auto tuned = [&](const std::string& name, json parameters, auto change) {
        for (const auto& c : FitCandidates())
        {
            if (c.name == name)
            {
                fit::StackCandidate e = c;
                change(e);
                cases.push_back({name, parameters, e});
            }
        }
    };
    tuned("winnt-4.0", {{"TcpMaxConnectRetransmissions", 5}, {"RstRetryInterval", "250ms"}},
          [](fit::StackCandidate& e) {
              e.maxRetransmissions = 5;
              e.rstRetryInterval = 0.25;
          });
    tuned("linux", {{"MaxConnectRetransmissions", 6}},
          [](fit::StackCandidate& e) { e.maxRetransmissions = 6; });
    tuned("bsd", {{"SynInitialTimeout", "2s"}},
          [](fit::StackCandidate& e) { e.synInitialTimeout = 2; });
    return cases;
}
} // namespace

TEST_CASE("fit round trip: every profile's capture fits back to the profile and its "
          "parameters",
          "[fit]")
{
    for (const auto& c : Cases())
    {
        INFO("profile " << c.profile << " parameters " << c.parameters.dump());
        std::string dir = TempDir("fit-rt");
        std::string scenario = dir + "/scenario.json";
        std::ofstream(scenario) << RoundTripScenario(c.profile, c.parameters).dump(2);
        auto run = RunRetrotcp("run '" + scenario + "' --pcap -q -o '" + dir + "/sim'");
        REQUIRE(run.status == 0);
        auto fitted =
            RunRetrotcp("fit '" + dir + "/sim/pcap/client-1.pcap' --out '" + dir + "/fit'");
        INFO(fitted.output);
        REQUIRE(fitted.status == 0);
        json result = json::parse(ReadFile(dir + "/fit/fit.json"));
        REQUIRE(result["clients"].size() == 1);
        const json& client = result["clients"][0];
        const auto& best = client["ranking"][0]["profiles"];
        CHECK(std::find(best.begin(), best.end(), c.profile) != best.end());
        CHECK(client["ranking"][0]["probability"].get<double>() > 0.5);
        const fit::StackCandidate& e = c.expect;
        // The timeout schedule from the dropped port: within 1 ms.
        CHECK(Parameter(client, "SynInitialTimeout")["value"].get<double>() ==
              Approx(e.synInitialTimeout).margin(0.001));
        const json& linear = Parameter(client, "SynLinearRetries");
        CHECK(linear["certainty"] == "measured");
        CHECK(linear["value"].get<double>() == e.synLinearRetries);
        // The reaction to RST|ACK from the closed ports.
        const json& policy = Parameter(client, "ConnectRetryPolicy");
        CHECK(policy["text"] == fit::RstReactionName(e.rstReaction));
        const json& resends = Parameter(client, "MaxConnectRetransmissions");
        CHECK(resends["certainty"] == "measured");
        if (e.rstReaction == fit::RstReaction::Retry)
        {
            CHECK(Parameter(client, "RstRetryInterval")["value"].get<double>() ==
                  Approx(e.rstRetryInterval).margin(0.001));
            CHECK(resends["value"].get<double>() == e.maxRetransmissions);
        }
        else
        {
            CHECK(resends["value"].get<double>() == e.ResendsUnanswered());
        }
        if (e.mss)
        {
            CHECK(Parameter(client, "SegmentSize")["value"].get<double>() == *e.mss);
        }
        // The overrides of a tuned host are its scenario parameters.
        for (const auto& [name, value] : c.parameters.items())
        {
            std::string attribute =
                name == "TcpMaxConnectRetransmissions" ? "MaxConnectRetransmissions" : name;
            REQUIRE(client["best"]["overrides"].contains(attribute));
            std::string text = value.is_string() ? value.get<std::string>() : value.dump();
            CHECK(client["best"]["overrides"][attribute].get<std::string>() == text);
        }
        if (c.parameters.empty())
        {
            CHECK(client["best"]["overrides"].empty());
        }
        // The replay reproduces the capture's timeline.
        const json& replay = result["replay"];
        CHECK(replay["calls"] == 8);
        CHECK(replay["unmatched_calls"] == 0);
        CHECK(replay["missing_syns"] == 0);
        CHECK(replay["extra_syns"] == 0);
        CHECK(replay["largest_difference_s"].get<double>() < 0.002);
        CHECK_THAT(fitted.output, Catch::Contains("replay vs capture: 8 calls"));
    }
}

TEST_CASE("fit: a capture it cannot read, or without connect attempts, is exit 2 with one "
          "message",
          "[fit]")
{
    std::string dir = TempDir("fit-bad");
    std::ofstream(dir + "/notes.pcap") << "not a capture\n";
    auto bad = RunRetrotcp("fit '" + dir + "/notes.pcap' --out '" + dir + "/out'");
    CHECK(bad.status == 2);
    CHECK_THAT(bad.output, Catch::Contains("retrotcp fit: error: " + dir +
                                           "/notes.pcap: cannot "
                                           "read the capture"));
    CHECK(std::count(bad.output.begin(), bad.output.end(), '\n') == 1);
    CHECK_FALSE(std::filesystem::exists(dir + "/out"));
    auto missing = RunRetrotcp("fit '" + dir + "/none.pcap'");
    CHECK(missing.status == 2);
    CHECK_THAT(missing.output, Catch::Contains("none.pcap"));
    // A capture with traffic but no SYN: the quickstart's server side, filtered
    // to a client that is not there.
    std::string scenario = SourcePath("scenarios/winsock-closed-port.json");
    REQUIRE(RunRetrotcp("run '" + scenario + "' --pcap -q -o '" + dir + "/sim'").status == 0);
    auto none = RunRetrotcp("fit '" + dir + "/sim/pcap/server-1.pcap' --client 10.9.9.9");
    CHECK(none.status == 2);
    CHECK_THAT(none.output, Catch::Contains("no TCP connect attempt") &&
                                Catch::Contains("matching --client/--server"));
    auto usage = RunRetrotcp("fit '" + dir + "/sim/pcap/server-1.pcap' --server 10.1.0.1:x");
    CHECK(usage.status == 2);
    CHECK_THAT(usage.output, Catch::Contains("--server expects ADDRESS or ADDRESS:PORT"));
    CHECK(RunRetrotcp("fit").status == 2);
    CHECK(RunRetrotcp("fit --help").status == 0);
}
