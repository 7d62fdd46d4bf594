// The Winsock scenarios in scenarios/winsock-*.json, each checked against
// the expected outcome its "description" states, on the timelines of the legacy
// stacks (events.csv syn_sent / syn_retransmit / rst_received) and connections.csv.
#include "legacy-tcp-parameter-aliases.h"
#include "ns3-fixture.h"
#include "profile-registry.h"
#include "runner.h"
#include "scenario-error.h"
#include "scenario-loader.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace retrotcp;
using namespace retrotcp::test;

namespace
{

using Row = std::map<std::string, std::string>;

/// One run of a scenario: its connections and, per connection, its SYN times.
struct WinsockRun
{
    std::vector<Row> connections;
    std::map<std::string, std::vector<double>> syns; //!< conn_id -> SYN times
    std::map<std::string, std::vector<double>> rsts; //!< conn_id -> RST arrivals

    /// The calls made by \p host, in the order they started.
    std::vector<Row>
    Of(const std::string& host) const
    {
        std::vector<Row> rows;
        for (const auto& r : connections)
        {
            if (r.at("host") == host)
            {
                rows.push_back(r);
            }
        }
        return rows;
    }

    /// The only call made by \p host.
    Row
    One(const std::string& host) const
    {
        auto rows = Of(host);
        REQUIRE(rows.size() == 1);
        return rows[0];
    }

    /// SYN times of a call, relative to its start.
    std::vector<double>
    SynOffsets(const Row& r) const
    {
        std::vector<double> out;
        auto it = syns.find(r.at("conn_id"));
        if (it != syns.end())
        {
            for (double t : it->second)
            {
                out.push_back(t - std::stod(r.at("start_s")));
            }
        }
        return out;
    }
};

double
Seconds(const Row& r, const char* column)
{
    return std::stod(r.at(column));
}

double
TimeToOutcome(const Row& r)
{
    return Seconds(r, "end_s") - Seconds(r, "start_s");
}

WinsockRun
RunScenarioFile(const std::string& name, const std::vector<std::string>& overrides = {})
{
    Scenario s = LoadScenario(SourcePath("scenarios/" + name + ".json"), overrides);
    RunOptions options;
    options.outDir = TempDir(name);
    options.progress = false;
    std::ostringstream log;
    RunScenario(s, options, log);
    WinsockRun run;
    run.connections = ReadCsv(options.outDir + "/connections.csv");
    for (const auto& e : ReadCsv(options.outDir + "/events.csv"))
    {
        const std::string& event = e.at("event");
        // Client-side events only: the server's events carry the client's id too.
        bool client = false;
        for (const auto& c : run.connections)
        {
            client = client || (c.at("conn_id") == e.at("conn_id") && c.at("host") == e.at("host"));
        }
        if (!client)
        {
            continue;
        }
        if (event == "syn_sent" || event == "syn_retransmit")
        {
            run.syns[e.at("conn_id")].push_back(std::stod(e.at("time_s")));
        }
        else if (event == "rst_received")
        {
            run.rsts[e.at("conn_id")].push_back(std::stod(e.at("time_s")));
        }
    }
    return run;
}

void
CheckSchedule(const std::vector<double>& actual, const std::vector<double>& expected,
              double tolerance)
{
    REQUIRE(actual.size() == expected.size());
    for (size_t i = 0; i < actual.size(); ++i)
    {
        INFO("SYN " << i);
        CHECK(actual[i] == Approx(expected[i]).margin(tolerance));
    }
}

} // namespace

TEST_CASE("winsock: closed port: SYN count, spacing and refused time per profile", "[winsock]")
{
    // Q175523: "Since an ACK/RST was received from the target host ... the pending
    // connection will wait for the base connection's time-out value and reissue
    // another SYN packet ... until the maximum retry value is reached"; "with other
    // implementations of TCP, such as those commonly found in many UNIX systems,
    // the connect() fails immediately upon the receipt of the first ACK/RST".
    Ns3Fixture fixture;
    WinsockRun run = RunScenarioFile("winsock-closed-port");
    const std::map<std::string, std::vector<double>> expected = {
        {"c-winnt-35", {0, 0.5, 1.0, 1.5}},
        {"c-winnt-351", {0, 0.5, 1.0, 1.5}},
        {"c-winnt-40", {0, 0.5, 1.0, 1.5}},
        {"c-win95", {0, 0.5, 1.0, 1.5}},
        {"c-win2000", {0, 0.5, 1.0}},
        {"c-winxp", {0, 0.5, 1.0}},
        {"c-bsd", {0}},
        {"c-linux", {0}},
    };
    // Rule LT-ERROR-CODES: each stack reports the error in its own API's numbers.
    auto refusedCode = [](const std::string& host) -> std::pair<std::string, std::string> {
        if (host == "c-bsd")
        {
            return {"61", "ECONNREFUSED"}; // FreeBSD sys/errno.h
        }
        if (host == "c-linux")
        {
            return {"111", "ECONNREFUSED"}; // asm-generic/errno.h
        }
        return {"10061", "WSAECONNREFUSED"}; // winsock.h: WSABASEERR + 61
    };
    for (const auto& [host, syns] : expected)
    {
        INFO(host);
        Row r = run.One(host);
        CHECK(r.at("outcome") == "refused");
        CHECK(r.at("error_code") == refusedCode(host).first);
        CHECK(r.at("errno") == refusedCode(host).second);
        CHECK(r.at("syns_sent") == std::to_string(syns.size()));
        CHECK(r.at("rsts_received") == std::to_string(syns.size()));
        // The first SYN may wait for ARP; the rest keep RstRetryInterval from it.
        auto offsets = run.SynOffsets(r);
        REQUIRE(offsets.size() == syns.size());
        for (size_t i = 0; i < syns.size(); ++i)
        {
            CHECK(offsets[i] - offsets[0] == Approx(syns[i]).margin(1e-6));
        }
        // Refused one round trip (plus ARP and the shared LAN, under 20 ms) after
        // the last SYN.
        CHECK(TimeToOutcome(r) >= syns.back());
        CHECK(TimeToOutcome(r) < syns.back() + 0.02);
        CHECK(run.rsts.at(r.at("conn_id")).size() == syns.size());
    }
}

TEST_CASE("winsock: unreachable host: SYN schedule and timed_out time per profile", "[winsock]")
{
    // Q175523, TcpMaxConnectRetransmissions: "The retransmission time-out is doubled
    // with each successive retransmission ... The initial time-out value is three
    // seconds"; MaxConnectRetries: "doubled each time ... up to a maximum of 2
    // minutes". reference-parameters.md: 2000/XP "SYNs at 0, 3, 9 s, fail at 21 s";
    // FreeBSD "connection-establishment timer 75 s"; Linux "initial RTO 1 s ...
    // tcp_syn_linear_timeouts=4".
    Ns3Fixture fixture;
    WinsockRun run = RunScenarioFile("winsock-unreachable");
    struct Expect
    {
        std::vector<double> syns;
        double fail;
    };
    const Expect nt{{0, 3, 9, 21}, 45};
    const std::map<std::string, Expect> expected = {
        {"c-winnt-35", nt},
        {"c-winnt-351", nt},
        {"c-winnt-40", nt},
        {"c-win95", nt},
        {"c-lanman-dos-22", nt},
        {"c-win2000", {{0, 3, 9}, 21}},
        {"c-winxp", {{0, 3, 9}, 21}},
        {"c-win95-8retries", {{0, 3, 9, 21, 45, 93, 189, 309, 429}, 549}},
        {"c-bsd", {{0, 3, 9, 21, 45}, 75}},
        {"c-linux", {{0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67}, 131}},
    };
    auto timedOutCode = [](const std::string& host) -> std::pair<std::string, std::string> {
        if (host == "c-bsd" || host == "c-lanman-dos-22")
        {
            return {"60", "ETIMEDOUT"}; // BSD numbering (LAN Manager's sockets: assumption)
        }
        if (host == "c-linux")
        {
            return {"110", "ETIMEDOUT"};
        }
        return {"10060", "WSAETIMEDOUT"};
    };
    for (const auto& [host, e] : expected)
    {
        INFO(host);
        Row r = run.One(host);
        CHECK(r.at("outcome") == "timed_out");
        CHECK(r.at("error_code") == timedOutCode(host).first);
        CHECK(r.at("errno") == timedOutCode(host).second);
        CHECK(r.at("syns_sent") == std::to_string(e.syns.size()));
        CHECK(r.at("rsts_received") == "0");
        CheckSchedule(run.SynOffsets(r), e.syns, 0.01);
        CHECK(TimeToOutcome(r) == Approx(e.fail).margin(0.01));
    }
    // ns-3.37's own TCP: ConnTimeout 3 s doubling, ConnCount 6 SYNs in all (counted
    // on the wire by the runner).
    Row stock = run.One("c-ns3-stock");
    CHECK(stock.at("outcome") == "timed_out");
    CHECK(stock.at("syns_sent") == "6");
    CheckSchedule(run.SynOffsets(stock), {0, 3, 9, 21, 45, 93}, 0.01);
    CHECK(TimeToOutcome(stock) == Approx(189).margin(0.01));
}

TEST_CASE("winsock: a service back at 5 s: Winsock retries connect, bsd is refused", "[winsock]")
{
    // Q175523: "the service you're trying to reach may have temporarily shut down
    // and might resurface in between SYN attempts. In this case, it's convenient
    // that the connect() waited long enough to obtain a connection".
    Ns3Fixture fixture;
    WinsockRun run = RunScenarioFile("winsock-resurface");
    for (const char* host : {"nt4", "w95"})
    {
        INFO(host);
        Row r = run.One(host);
        CHECK(r.at("outcome") == "established");
        CHECK(r.at("syns_sent") == "4");
        CHECK(r.at("rsts_received") == "3");
        auto syns = run.SynOffsets(r);
        REQUIRE(syns.size() == 4);
        CHECK(Seconds(r, "start_s") + syns[3] == Approx(5.3).margin(0.01));
        CHECK(Seconds(r, "end_s") == Approx(5.3).margin(0.01));
    }
    Row base = run.One("nt4-base");
    CHECK(base.at("outcome") == "established");
    CHECK(base.at("syns_sent") == "2");
    CHECK(Seconds(base, "end_s") == Approx(5.5).margin(0.01));

    Row bsd = run.One("bsd");
    CHECK(bsd.at("outcome") == "refused");
    CHECK(bsd.at("syns_sent") == "1");
    CHECK(TimeToOutcome(bsd) < 0.01);

    // The UNIX answer is to poll in the application: re-call connect() 1 s after
    // each refusal until one connects.
    auto polls = run.Of("bsd-poller");
    REQUIRE(polls.size() == 3);
    CHECK(polls[0].at("outcome") == "refused");
    CHECK(polls[1].at("outcome") == "refused");
    CHECK(polls[2].at("outcome") == "established");
    for (size_t i = 1; i < polls.size(); ++i)
    {
        CHECK(Seconds(polls[i], "start_s") - Seconds(polls[i - 1], "end_s") ==
              Approx(1.0).margin(1e-9));
    }
    CHECK(Seconds(polls[2], "end_s") == Approx(5.8).margin(0.02));
    // give_up_after 1.5 s: the call due at about 5.8 s is never made.
    auto impatient = run.Of("bsd-impatient");
    REQUIRE(impatient.size() == 2);
    CHECK(impatient[0].at("outcome") == "refused");
    CHECK(impatient[1].at("outcome") == "refused");
}

TEST_CASE("winsock: port scan of 100 closed ports: total equals the sum of per-port times",
          "[winsock]")
{
    Ns3Fixture fixture;
    WinsockRun run = RunScenarioFile("winsock-port-scan");
    const std::map<std::string, std::pair<double, double>> totals = {
        {"scan-winnt-40", {150, 151}}, {"scan-win95", {150, 151}}, {"scan-win2000", {100, 101}},
        {"scan-bsd", {0, 1}},          {"scan-linux", {0, 1}},
    };
    for (const auto& [host, range] : totals)
    {
        INFO(host);
        auto rows = run.Of(host);
        REQUIRE(rows.size() == 100);
        double sum = 0;
        for (size_t i = 0; i < rows.size(); ++i)
        {
            CHECK(rows[i].at("remote_port") == std::to_string(i + 1));
            CHECK(rows[i].at("outcome") == "refused");
            sum += TimeToOutcome(rows[i]);
            if (i > 0)
            {
                // Sequential: each call starts when the previous one failed.
                CHECK(Seconds(rows[i], "start_s") == Seconds(rows[i - 1], "end_s"));
            }
        }
        double total = Seconds(rows.back(), "end_s") - Seconds(rows.front(), "start_s");
        CHECK(total == Approx(sum).margin(1e-6));
        CHECK(total >= range.first);
        CHECK(total < range.second);
    }
    auto parallel = run.Of("scan-winnt40-parallel");
    REQUIRE(parallel.size() == 100);
    double last = 0;
    for (const auto& r : parallel)
    {
        CHECK(r.at("outcome") == "refused");
        CHECK(r.at("syns_sent") == "4");
        last = std::max(last, Seconds(r, "end_s"));
    }
    CHECK(last - Seconds(parallel.front(), "start_s") < 2.6);
}

TEST_CASE("winsock: TcpMaxConnectRetransmissions 0 to 5: SYN counts and times", "[winsock]")
{
    // Q175523: "TcpMaxConnectRetransmissions ... determines the number of times TCP
    // will retransmit a connect request (SYN) before aborting the attempt".
    Ns3Fixture fixture;
    WinsockRun run = RunScenarioFile("winsock-max-retransmissions");
    for (uint32_t n = 0; n <= 5; ++n)
    {
        std::string host = "r" + std::to_string(n);
        INFO(host);
        auto rows = run.Of(host);
        REQUIRE(rows.size() == 2);
        const Row& unreachable = rows[0].at("remote_host") == "ghost" ? rows[0] : rows[1];
        const Row& closed = rows[0].at("remote_host") == "ghost" ? rows[1] : rows[0];
        std::vector<double> timeouts;
        for (uint32_t k = 0; k <= n; ++k)
        {
            timeouts.push_back(3.0 * ((1 << k) - 1)); // 0, 3, 9, 21, 45, 93
        }
        CHECK(unreachable.at("outcome") == "timed_out");
        CHECK(unreachable.at("syns_sent") == std::to_string(n + 1));
        CheckSchedule(run.SynOffsets(unreachable), timeouts, 0.01);
        CHECK(TimeToOutcome(unreachable) == Approx(3.0 * ((2 << n) - 1)).margin(0.01));

        CHECK(closed.at("outcome") == "refused");
        CHECK(closed.at("syns_sent") == std::to_string(n + 1));
        CHECK(closed.at("rsts_received") == std::to_string(n + 1));
        CHECK(TimeToOutcome(closed) >= 0.5 * n);
        CHECK(TimeToOutcome(closed) < 0.5 * n + 0.01);
    }
}

TEST_CASE("winsock: long-distance lossy link: low retry counts fail connects to a live server",
          "[winsock]")
{
    // Q175523: "should applications or connection attempts fail with great
    // regularity with the standard Winsock errors and the target remote servers are
    // known to be available, these registry entries should be suspect".
    Ns3Fixture fixture;
    WinsockRun run = RunScenarioFile("winsock-long-distance");
    std::map<uint32_t, uint32_t> failures;
    for (uint32_t n : {0U, 1U, 3U})
    {
        auto rows = run.Of("retry" + std::to_string(n));
        REQUIRE(rows.size() == 40);
        for (const auto& r : rows)
        {
            INFO("retry" << n << " call " << r.at("conn_id"));
            if (r.at("outcome") == "established")
            {
                CHECK(TimeToOutcome(r) >= 0.3); // one 300 ms round trip at least
                continue;
            }
            CHECK(r.at("outcome") == "timed_out");
            CHECK(r.at("syns_sent") == std::to_string(n + 1));
            CHECK(TimeToOutcome(r) == Approx(3.0 * ((2 << n) - 1)).margin(0.01));
            ++failures[n];
        }
    }
    INFO("failures: retry0 " << failures[0] << ", retry1 " << failures[1] << ", retry3 "
                             << failures[3]);
    CHECK(failures[0] >= 10);
    CHECK(failures[1] < failures[0]);
    CHECK(failures[1] >= 3);
    CHECK(failures[3] <= 1);
}

TEST_CASE("winsock: switched LANs with static resolution route through their routers",
          "[winsock][switched]")
{
    // The same long-distance scenario with both LANs switched and no ARP: every
    // packet to the far LAN goes to the LAN's router (the switch's gateway). The
    // retry3 client, which rides out the loss, must still connect, each SYN
    // answered one 300 ms round trip (plus serialisation) later.
    Ns3Fixture fixture;
    WinsockRun run =
        RunScenarioFile("winsock-long-distance",
                        {"network.lans.here.type=switched", "network.lans.there.type=switched",
                         "network.lans.here.address_resolution=static",
                         "network.lans.there.address_resolution=static"});
    auto rows = run.Of("retry3");
    REQUIRE(rows.size() == 40);
    uint32_t established = 0;
    for (const auto& r : rows)
    {
        if (r.at("outcome") == "established")
        {
            ++established;
            CHECK(TimeToOutcome(r) >= 0.3);
        }
    }
    CHECK(established >= 38);
}

TEST_CASE("winsock: registry-name overrides change the wire behaviour", "[winsock]")
{
    Ns3Fixture fixture;
    SECTION("TcpMaxConnectRetransmissions 1 on winnt-4.0: 2 SYNs to a closed port")
    {
        WinsockRun run =
            RunScenarioFile("winsock-closed-port",
                            {"hosts.c-winnt-40.stack.parameters.TcpMaxConnectRetransmissions=1"});
        CHECK(run.One("c-winnt-40").at("syns_sent") == "2");
        CHECK(run.One("c-winnt-351").at("syns_sent") == "4"); // other hosts unchanged
    }
    SECTION("MaxConnectRetries 0 on win95: refused after one SYN")
    {
        WinsockRun run = RunScenarioFile("winsock-closed-port",
                                         {"hosts.c-win95.stack.parameters.MaxConnectRetries=0"});
        Row r = run.One("c-win95");
        CHECK(r.at("syns_sent") == "1");
        CHECK(TimeToOutcome(r) < 0.01);
    }
    SECTION("TcpInitialRtt 1000 on winnt-4.0: SYNs at 0, 1, 3, 7 s, timed_out at 15 s")
    {
        WinsockRun run = RunScenarioFile("winsock-unreachable",
                                         {"hosts.c-winnt-40.stack.parameters.TcpInitialRtt=1000"});
        Row r = run.One("c-winnt-40");
        CheckSchedule(run.SynOffsets(r), {0, 1, 3, 7}, 0.01);
        CHECK(TimeToOutcome(r) == Approx(15).margin(0.01));
    }
    SECTION("MaxUserPort 1030 on winnt-4.0: the scan cycles through ports 1025-1030")
    {
        WinsockRun run = RunScenarioFile("winsock-port-scan",
                                         {"hosts.scan-winnt-40.stack.parameters.MaxUserPort=1030"});
        auto rows = run.Of("scan-winnt-40");
        REQUIRE(rows.size() == 100);
        for (const auto& r : rows)
        {
            CHECK(std::stoi(r.at("local_port")) >= 1025);
            CHECK(std::stoi(r.at("local_port")) <= 1030);
        }
    }
}

TEST_CASE("winsock: scenario keys for schedules and scans are checked", "[winsock][loader]")
{
    auto load = [](const std::string& app) {
        std::string dir = TempDir("winsock-bad");
        std::ofstream(dir + "/s.json")
            << R"({"name": "s", "duration": "10s", "network": {"lans": [{"name": "lan0"}]},
                  "hosts": [{"name": "a", "lan": "lan0"},
                            {"name": "b", "lan": "lan0", "applications": [)"
            << app << "]}]}";
        try
        {
            LoadScenario(dir + "/s.json", {});
        }
        catch (const ScenarioError& e)
        {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK(load(R"({"type": "connect", "remote": "a", "port_range": [1, 100]})") == "accepted");
    CHECK(load(R"({"type": "service", "port": 80, "schedule": [{"up": "0s", "down": "2s"},
                   {"up": "5s"}]})") == "accepted");
    CHECK_THAT(load(R"({"type": "connect", "remote": "a", "port": 1, "port_range": [1, 2]})"),
               Catch::Contains("exactly one of"));
    CHECK_THAT(load(R"({"type": "connect", "remote": "a", "port_range": [9, 2]})"),
               Catch::Contains("first <= last"));
    CHECK_THAT(load(R"({"type": "connect", "remote": "a", "port": 1, "mode": "random"})"),
               Catch::Contains("/hosts/1/applications/0/mode"));
    CHECK_THAT(load(R"({"type": "service", "port": 80, "schedule": [{"up": "3s", "down": "2s"}]})"),
               Catch::Contains("a time after \"up\""));
    CHECK_THAT(load(R"({"type": "service", "port": 80, "schedule": [{"up": "0s", "down": "4s"},
                       {"up": "3s"}]})"),
               Catch::Contains("after the previous window"));
    CHECK_THAT(load(R"({"type": "service", "port": 80, "schedule": [{"up": "0s"}, {"up": "3s"}]})"),
               Catch::Contains("no window after one without"));
    CHECK_THAT(
        load(R"({"type": "service", "port": 80, "start": "1s", "schedule": [{"up": "0s"}]})"),
        Catch::Contains("not both"));
}

TEST_CASE("winsock: retrotcp profiles lists every profile and every value", "[winsock][cli]")
{
    CommandResult all = RunRetrotcp("profiles");
    REQUIRE(all.status == 0);
    for (const auto& p : AllProfiles())
    {
        INFO(p.name);
        CHECK_THAT(all.output, Catch::Contains(p.name + " ("));
        CommandResult one = RunRetrotcp("profiles " + p.name);
        REQUIRE(one.status == 0);
        for (const auto& v : p.values)
        {
            INFO(v.parameter);
            CHECK(!v.source.empty());
            CHECK_THAT(one.output, Catch::Contains(v.parameter));
            CHECK_THAT(one.output, Catch::Contains(v.value));
            CHECK_THAT(one.output, Catch::Contains(v.source));
        }
    }
    for (const auto& alias : ns3::LegacyTcpParameterAliases::GetAll())
    {
        CHECK_THAT(all.output, Catch::Contains(alias.name));
    }
}

TEST_CASE("winsock: docs/profiles.md lists every profile, value and source", "[winsock][docs]")
{
    // Regenerate with: python3 docs/make-profiles.py build/sim/retrotcp > docs/profiles.md
    std::string doc = ReadFile(SourcePath("docs/profiles.md"));
    auto cell = [](std::string text) {
        std::string out;
        for (char c : text)
        {
            out += c == '|' ? std::string("\\|") : std::string(1, c);
        }
        return out;
    };
    for (const auto& p : AllProfiles())
    {
        INFO(p.name);
        CHECK_THAT(doc, Catch::Contains("\n## " + p.name + "\n"));
        for (const auto& v : p.values)
        {
            CHECK_THAT(doc, Catch::Contains("| " + v.parameter + " | " + cell(v.value) + " | " +
                                            cell(v.source) + " |"));
        }
    }
}
