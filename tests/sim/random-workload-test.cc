// Random workloads (docs/scenario-format.md, "Random workloads"): values drawn
// from distributions on named, seeded streams, checked in connections.csv.
#include "test-util.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>

using namespace retrotcp::test;

namespace
{

using Row = std::map<std::string, std::string>;

double
D(const Row& r, const char* key)
{
    return std::stod(r.at(key));
}

std::vector<Row>
HostsStartingWith(const std::vector<Row>& rows, const std::string& prefix)
{
    std::vector<Row> out;
    for (const auto& r : rows)
    {
        if (r.at("host").rfind(prefix, 0) == 0)
        {
            out.push_back(r);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Row& a, const Row& b) { return D(a, "start_s") < D(b, "start_s"); });
    return out;
}

double
Mean(const std::vector<double>& v)
{
    double sum = 0;
    for (double x : v)
    {
        sum += x;
    }
    return sum / static_cast<double>(v.size());
}

double
StdDev(const std::vector<double>& v)
{
    double m = Mean(v);
    double sum = 0;
    for (double x : v)
    {
        sum += (x - m) * (x - m);
    }
    return std::sqrt(sum / static_cast<double>(v.size()));
}

} // namespace

TEST_CASE("random workload: every distribution draws what it says, per call, per pause, per host",
          "[workload]")
{
    // Rule SCN-RANDOM-WORKLOAD: "any start, interval, think time, request or response
    // size may be a distribution (constant, uniform, exponential, normal with bounds,
    // empirical from a list)". Tolerances are 5 standard errors or more.
    std::string out = RunInTempDir("scenarios/random-workload.json", "random-workload");
    auto rows = ReadCsv(out + "/connections.csv");
    auto web = HostsStartingWith(rows, "web-");
    auto poisson = HostsStartingWith(rows, "poisson");
    REQUIRE(web.size() > 400);
    REQUIRE(poisson.size() == 200);

    // start: uniform in [0 s, 1 s), one draw per host of the group.
    std::map<std::string, double> first;
    for (const auto& r : web)
    {
        first.emplace(r.at("host"), D(r, "start_s")); // rows sorted by start
    }
    REQUIRE(first.size() == 20);
    std::set<double> starts;
    for (const auto& [host, t] : first)
    {
        CHECK(t >= 0.0);
        CHECK(t < 1.0);
        starts.insert(t);
    }
    CHECK(starts.size() == 20); // each member its own stream

    // send_bytes: uniform over the whole byte counts 200..1000 (mean 600, sd 231).
    std::vector<double> sent;
    std::map<int, int> responses;
    for (const auto& r : web)
    {
        CHECK(r.at("outcome") == "established");
        sent.push_back(D(r, "bytes_sent"));
        ++responses[std::stoi(r.at("bytes_received"))];
    }
    CHECK(*std::min_element(sent.begin(), sent.end()) >= 200);
    CHECK(*std::max_element(sent.begin(), sent.end()) <= 1000);
    CHECK(std::abs(Mean(sent) - 600) < 50);
    CHECK(std::set<double>(sent.begin(), sent.end()).size() > 300);

    // response_bytes: empirical [1460, 4000, 4000, 20000], read until the server's
    // close: nothing else arrives, 4000 twice as often as each of the others.
    REQUIRE(responses.size() == 3);
    const double n = static_cast<double>(web.size());
    CHECK(std::abs(responses[1460] / n - 0.25) < 0.1);
    CHECK(std::abs(responses[4000] / n - 0.50) < 0.1);
    CHECK(std::abs(responses[20000] / n - 0.25) < 0.1);

    // think_time: exponential, mean 2 s (sd 2 s), from the end of one call of a
    // host to the start of its next.
    std::map<std::string, std::vector<Row>> byHost;
    for (const auto& r : web)
    {
        byHost[r.at("host")].push_back(r);
    }
    std::vector<double> think;
    for (const auto& [host, calls] : byHost)
    {
        for (size_t i = 1; i < calls.size(); ++i)
        {
            double gap = D(calls[i], "start_s") - D(calls[i - 1], "closed_s");
            CHECK(gap >= -0.001);
            think.push_back(gap);
        }
    }
    REQUIRE(think.size() > 400);
    CHECK(std::abs(Mean(think) - 2.0) < 0.45);
    CHECK(std::abs(StdDev(think) / Mean(think) - 1.0) < 0.25); // exponential: sd = mean

    // interval: exponential, mean 250 ms, capped at 5 s (draws above are drawn again).
    std::vector<double> gaps;
    for (size_t i = 1; i < poisson.size(); ++i)
    {
        gaps.push_back(D(poisson[i], "start_s") - D(poisson[i - 1], "start_s"));
    }
    CHECK(std::abs(Mean(gaps) - 0.25) < 0.09);
    CHECK(*std::max_element(gaps.begin(), gaps.end()) <= 5.0);
    CHECK(std::abs(StdDev(gaps) / Mean(gaps) - 1.0) < 0.3);

    // hold: normal, mean 100 ms, sd 30 ms, within 100 +- 90 ms: from connected to
    // closed, the hold and less than a millisecond of FIN exchange.
    std::vector<double> hold;
    for (const auto& r : poisson)
    {
        double h = D(r, "closed_s") - D(r, "end_s");
        CHECK(h >= 0.010);
        CHECK(h <= 0.191);
        hold.push_back(h);
    }
    CHECK(std::abs(Mean(hold) - 0.1) < 0.012);
    CHECK(std::abs(StdDev(hold) - 0.03) < 0.01);
}

TEST_CASE("random workload: the same seed gives the same draws; a stream's name is its seed",
          "[workload]")
{
    // Rule SCN-RANDOM-STREAMS: values are "drawn from named, explicitly seeded
    // streams so results stay byte-identical for a seed".
    std::string a = RunInTempDir("scenarios/random-workload.json", "random-a");
    std::string b = RunInTempDir("scenarios/random-workload.json", "random-b");
    CHECK(ReadFile(a + "/connections.csv") == ReadFile(b + "/connections.csv"));
    CHECK(ReadFile(a + "/events.csv") == ReadFile(b + "/events.csv"));

    // Another seed, other draws.
    auto base = ReadCsv(a + "/connections.csv");
    auto seed2 =
        ReadCsv(RunInTempDir("scenarios/random-workload.json", "random-seed2", {"seed=2"}) +
                "/connections.csv");
    REQUIRE_FALSE(seed2.empty());
    CHECK(HostsStartingWith(seed2, "poisson")[5].at("start_s") !=
          HostsStartingWith(base, "poisson")[5].at("start_s"));

    // Renaming one stream changes its draws only: the Poisson client's arrivals and
    // the web clients' calls stay, its hold times move.
    std::string renamed = RunInTempDir("scenarios/random-workload.json", "random-renamed",
                                       {"hosts.poisson.applications.0.hold.stream=hold-b"});
    auto other = ReadCsv(renamed + "/connections.csv");
    auto p0 = HostsStartingWith(base, "poisson");
    auto p1 = HostsStartingWith(other, "poisson");
    REQUIRE(p0.size() == p1.size());
    int moved = 0;
    for (size_t i = 0; i < p0.size(); ++i)
    {
        CHECK(p0[i].at("start_s") == p1[i].at("start_s"));
        moved += p0[i].at("closed_s") != p1[i].at("closed_s");
    }
    CHECK(moved > 190);
    auto w0 = HostsStartingWith(base, "web-");
    auto w1 = HostsStartingWith(other, "web-");
    REQUIRE(w0.size() == w1.size());
    for (size_t i = 0; i < w0.size(); ++i)
    {
        CHECK(w0[i].at("start_s") == w1[i].at("start_s"));
        CHECK(w0[i].at("bytes_sent") == w1[i].at("bytes_sent"));
        CHECK(w0[i].at("bytes_received") == w1[i].at("bytes_received"));
    }
}
