// `retrotcp fit` on captures that are not clean: several clients and other
// traffic merged into one file (mergecap), loss on a WAN link, timing jitter,
// a cut file; and the same capture converted by editcap to pcapng, nanosecond
// pcap and raw IP.
#include "test-util.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pcap/pcap.h>
#include <random>

using namespace retrotcp::test;
using nlohmann::json;

namespace
{
json
Connect(const std::string& remote, int port, const std::string& start, int count = 1,
        const std::string& interval = "1s", int bytes = 0)
{
    return {{"type", "connect"},   {"remote", remote},
            {"port", port},        {"start", start},
            {"count", count},      {"interval", interval},
            {"send_bytes", bytes}, {"receive_bytes", bytes * 4}};
}

// Two fitted clients (winnt-4.0, linux), a chatty bsd client exchanging data,
// a dropped port, and a far server behind a link losing 20 % of packets.
json
NoisyScenario()
{
    json service = {
        {"type", "service"}, {"port", 139}, {"request_bytes", 100}, {"response_bytes", 400}};
    json hosts = json::array();
    hosts.push_back({{"name", "server"},
                     {"lan", "lan0"},
                     {"stack", {{"profile", "winnt-4.0"}}},
                     {"applications", {service}}});
    hosts.push_back({{"name", "ghost"}, {"lan", "dead"}, {"stack", {{"profile", "winnt-4.0"}}}});
    hosts.push_back({{"name", "remote"},
                     {"lan", "far"},
                     {"stack", {{"profile", "winnt-4.0"}}},
                     {"applications", {service}}});
    hosts.push_back({{"name", "nt"},
                     {"lan", "lan0"},
                     {"stack", {{"profile", "winnt-4.0"}}},
                     {"applications",
                      {Connect("server", 7, "1s", 2, "2s"), Connect("ghost", 80, "5s", 3, "2s"),
                       Connect("remote", 139, "60s", 8, "3s", 100),
                       Connect("server", 139, "120s", 1, "1s", 100)}}});
    hosts.push_back({{"name", "lx"},
                     {"lan", "lan0"},
                     {"stack", {{"profile", "linux"}}},
                     {"applications",
                      {Connect("server", 7, "1.5s"), Connect("ghost", 80, "2s", 3, "2s"),
                       Connect("server", 139, "170s", 1, "1s", 100)}}});
    hosts.push_back({{"name", "chatter"},
                     {"lan", "lan0"},
                     {"stack", {{"profile", "bsd"}}},
                     {"applications", {Connect("server", 139, "1s", 30, "5s", 100)}}});
    return {
        {"name", "fit-noise"},
        {"seed", 3},
        {"duration", "180s"},
        {"network",
         {{"lans", {{{"name", "lan0"}}, {{"name", "dead"}}, {{"name", "far"}}}},
          {"wan_links",
           {{{"name", "deadlink"}, {"lans", {"lan0", "dead"}}, {"loss", 1.0}},
            {{"name", "lossy"}, {"lans", {"lan0", "far"}}, {"delay", "10ms"}, {"loss", 0.2}}}}}},
        {"hosts", hosts}};
}

// Fit \p capture; the JSON result.
json
Fit(const std::string& capture, const std::string& extra = "")
{
    std::string out = capture + ".json";
    auto r = RunRetrotcp("fit '" + capture + "' --json '" + out + "' " + extra);
    INFO(r.output);
    REQUIRE(r.status == 0);
    return json::parse(ReadFile(out));
}

const json&
Client(const json& result, const std::string& address)
{
    for (const auto& c : result["clients"])
    {
        if (c["client"] == address)
        {
            return c;
        }
    }
    FAIL("no client " << address);
    static json none;
    return none;
}

bool
BestHas(const json& client, const std::string& profile)
{
    const auto& best = client["ranking"][0]["profiles"];
    return std::find(best.begin(), best.end(), profile) != best.end();
}

double
Value(const json& client, const std::string& name)
{
    for (const auto& p : client["parameters"])
    {
        if (p["name"] == name)
        {
            return p.value("value", -1.0);
        }
    }
    return -1;
}

// Copy a capture, moving each frame by a uniform random jitter (seeded).
void
Jitter(const std::string& in, const std::string& out, double seconds)
{
    char error[PCAP_ERRBUF_SIZE];
    pcap_t* src =
        pcap_open_offline_with_tstamp_precision(in.c_str(), PCAP_TSTAMP_PRECISION_NANO, error);
    REQUIRE(src);
    pcap_t* dead =
        pcap_open_dead_with_tstamp_precision(pcap_datalink(src), 65535, PCAP_TSTAMP_PRECISION_NANO);
    pcap_dumper_t* dump = pcap_dump_open(dead, out.c_str());
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(-seconds, seconds);
    pcap_pkthdr* h;
    const u_char* data;
    while (pcap_next_ex(src, &h, &data) == 1)
    {
        pcap_pkthdr copy = *h;
        int64_t ns = int64_t(h->ts.tv_sec) * 1000000000 + h->ts.tv_usec + 5000000000LL +
                     int64_t(u(rng) * 1e9);
        copy.ts.tv_sec = ns / 1000000000;
        copy.ts.tv_usec = ns % 1000000000;
        pcap_dump(reinterpret_cast<u_char*>(dump), &copy, data);
    }
    pcap_dump_close(dump);
    pcap_close(dead);
    pcap_close(src);
}
} // namespace

TEST_CASE("fit: several clients, other traffic and loss in one merged capture", "[fit]")
{
    std::string dir = TempDir("fit-noise");
    std::ofstream(dir + "/scenario.json") << NoisyScenario().dump(2);
    REQUIRE(RunRetrotcp("run '" + dir + "/scenario.json' --pcap -q -o '" + dir + "/sim'").status ==
            0);
    std::string p = dir + "/sim/pcap/";
    std::string merged = dir + "/merged.pcap";
    REQUIRE(RunCommand("mergecap -F pcap -w '" + merged + "' '" + p + "nt-1.pcap' '" + p +
                       "lx-1.pcap' '" + p + "chatter-1.pcap' '" + p + "server-1.pcap'")
                .status == 0);
    json result = Fit(merged);
    // nt 10.1.0.2, lx 10.1.0.3, chatter 10.1.0.4 (lan0 hosts in file order, from .1).
    CHECK(result["clients"].size() == 3);
    CHECK(result["capture"]["duplicate_syns"].get<int>() > 0); // the server saw them too
    const json& nt = Client(result, "10.1.0.2");
    CHECK(BestHas(nt, "winnt-4.0"));
    CHECK(Value(nt, "RstRetryInterval") == Approx(0.5).margin(0.001));
    CHECK(Value(nt, "SynInitialTimeout") == Approx(3).margin(0.001));
    CHECK(Value(nt, "MaxConnectRetransmissions") == 3);
    const json& lx = Client(result, "10.1.0.3");
    CHECK(BestHas(lx, "linux"));
    CHECK(Value(lx, "SynLinearRetries") == 4);
    CHECK(Value(lx, "SynInitialTimeout") == Approx(1).margin(0.001));
    const json& chatter = Client(result, "10.1.0.4");
    CHECK(chatter["calls"].size() == 30);
    // Only listening ports: the capture says nothing about resets or timeouts.
    CHECK_FALSE(chatter["cannot_tell"].empty());
    // --client keeps one client.
    json one = Fit(merged, "--client 10.1.0.3");
    REQUIRE(one["clients"].size() == 1);
    CHECK(one["clients"][0]["client"] == "10.1.0.3");

    SECTION("timing jitter of +-3 ms")
    {
        std::string jittered = dir + "/jittered.pcap";
        Jitter(p + "nt-1.pcap", jittered, 0.003);
        json j = Fit(jittered);
        const json& c = j["clients"][0];
        CHECK(BestHas(c, "winnt-4.0"));
        CHECK(Value(c, "RstRetryInterval") == Approx(0.5).margin(0.005));
        CHECK(Value(c, "SynInitialTimeout") == Approx(3).margin(0.005));
    }
    SECTION("a cut file is fitted up to the cut, with a warning")
    {
        std::string cut = dir + "/cut.pcap";
        std::filesystem::copy_file(p + "nt-1.pcap", cut);
        std::filesystem::resize_file(cut, std::filesystem::file_size(cut) - 30);
        auto r = RunRetrotcp("fit '" + cut + "'");
        CHECK(r.status == 0);
        CHECK_THAT(r.output, Catch::Contains("warning: the capture is cut short"));
        CHECK_THAT(r.output, Catch::Contains("winnt-4.0"));
    }
    SECTION("pcapng, nanosecond pcap and raw IP made by editcap fit the same")
    {
        json base = Fit(p + "nt-1.pcap");
        std::string original = p + "nt-1.pcap";
        for (const std::string& conversion :
             {std::string("-F pcapng"), std::string("-F nsecpcap"), std::string("-C 14 -T rawip")})
        {
            INFO(conversion);
            std::string converted = dir + "/converted.cap";
            std::filesystem::remove(converted);
            REQUIRE(RunCommand("editcap " + conversion + " '" + original + "' '" + converted + "'")
                        .status == 0);
            json c = Fit(converted);
            CHECK(c["clients"][0]["calls"].size() == base["clients"][0]["calls"].size());
            CHECK(c["clients"][0]["ranking"][0]["profiles"] ==
                  base["clients"][0]["ranking"][0]["profiles"]);
            CHECK(c["clients"][0]["best"] == base["clients"][0]["best"]);
        }
    }
}
