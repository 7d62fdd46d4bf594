#include "test-util.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

using namespace retrotcp::test;
using Catch::Contains;
using Catch::StartsWith;

TEST_CASE("cli: --version, --help and unknown commands")
{
    auto v = RunRetrotcp("--version");
    CHECK(v.status == 0);
    CHECK_THAT(v.output, StartsWith("retrotcp 0.1.0 (0.1.0+g") && Contains("; ns-3 3.37)"));
    auto h = RunRetrotcp("--help");
    CHECK(h.status == 0);
    CHECK_THAT(h.output,
               Contains("run SCENARIO.json") && Contains("validate") && Contains("profiles"));
    for (const char* cmd : {"run --help", "validate --help", "profiles --help"})
    {
        INFO(cmd);
        CHECK(RunRetrotcp(cmd).status == 0);
    }
    auto u = RunRetrotcp("frobnicate");
    CHECK(u.status == 2);
    CHECK_THAT(u.output, Contains("unknown command \"frobnicate\""));
    CHECK(RunRetrotcp("").status == 2);
    auto bad = RunRetrotcp("run --frobnicate x.json");
    CHECK(bad.status == 2);
    CHECK_THAT(bad.output, Contains("frobnicate"));
}

TEST_CASE("cli: validate reports ok or the error with exit status 2")
{
    auto ok = RunRetrotcp("validate '" + SourcePath("scenarios/ns3-stock-basics.json") + "'");
    CHECK(ok.status == 0);
    CHECK_THAT(ok.output, Contains("ok: scenario ns3-stock-basics, 5 hosts"));
    auto bad =
        RunRetrotcp("validate '" + SourcePath("tests/data/invalid/negative-count.json") + "'");
    CHECK(bad.status == 2);
    CHECK_THAT(bad.output, Contains("negative-count.json: at /hosts/1/count: expected an integer"));
}

TEST_CASE("cli: a bad scenario or --set exits 2 and writes no result file")
{
    std::string out = TempDir("bad-run");
    auto bad = RunRetrotcp("run '" + SourcePath("tests/data/invalid/unknown-lan.json") +
                           "' --out '" + out + "/r'");
    CHECK(bad.status == 2);
    CHECK_THAT(bad.output, Contains("at /hosts/0/lan"));
    CHECK(ListDir(out).empty());

    auto badSet = RunRetrotcp("run '" + SourcePath("scenarios/ns3-stock-basics.json") +
                              "' --out '" + out + "/r' --set hosts.nobody.count=3");
    CHECK(badSet.status == 2);
    CHECK_THAT(badSet.output, Contains("--set hosts.nobody.count=3: no element \"nobody\""));
    CHECK(ListDir(out).empty());

    auto badSeed = RunRetrotcp("run '" + SourcePath("scenarios/ns3-stock-basics.json") +
                               "' --out '" + out + "/r' --seed 0");
    CHECK(badSeed.status == 2);
    CHECK(ListDir(out).empty());
}

TEST_CASE("cli: seeds beyond ns-3's range and text that is not UTF-8 are refused with exit 2")
{
    std::string out = TempDir("bad-args");
    std::string run =
        "run '" + SourcePath("scenarios/quickstart.json") + "' --out '" + out + "/r' ";
    // ns-3's MRG32k3a takes seeds below its modulus 4294944443; program_options
    // used to read -1 as 4294967295.
    for (const char* seed : {"4294944443", "4294967295", "-1", "99999999999", "1e3", "0"})
    {
        INFO(seed);
        auto r = RunRetrotcp(run + "--seed " + seed);
        CHECK(r.status == 2);
        CHECK_THAT(r.output, Contains("--seed expects an integer from 1 to 4294944442"));
    }
    CHECK(ListDir(out).empty());
    // A file name, an --out and a --set value that are not UTF-8 (they would go
    // into summary.json): the byte and its offset.
    std::string bad = out + "/bad\xff.json";
    RunCommand("cp '" + SourcePath("scenarios/quickstart.json") + "' '" + bad + "'");
    auto file = RunRetrotcp("validate '" + bad + "'");
    CHECK(file.status == 2);
    CHECK_THAT(file.output, Contains("bad\\xFF.json: the file name: expected UTF-8 text, found "
                                     "byte 0xFF"));
    auto dir = RunRetrotcp("run '" + SourcePath("scenarios/quickstart.json") + "' --out '" + out +
                           "/r\xfe'");
    CHECK(dir.status == 2);
    CHECK_THAT(dir.output, Contains("r\\xFE: expected UTF-8 text, found byte 0xFE"));
    auto set = RunRetrotcp(run + "--set 'hosts.client.role=\xc0'");
    CHECK(set.status == 2);
    CHECK_THAT(set.output, Contains("expected UTF-8 text, found byte 0xC0 at offset 18"));
    CHECK(ListDir(out) == std::vector<std::string>{"bad\xff.json"});
}

TEST_CASE("cli: bench counts are read exactly and bounded")
{
    for (const char* args :
         {"--clients -1", "--clients 0", "--connections 4294967296",
          "--clients 100000 --connections 101", "--payload 1e9", "--idle-hosts 1000001",
          "--idle-hosts -5", "--clients 0 --idle-hosts 0"})
    {
        INFO(args);
        auto r = RunRetrotcp(std::string("bench ") + args);
        CHECK(r.status == 2);
        CHECK_THAT(r.output, Contains("expects an integer from") || Contains("at most 10000000") ||
                                 Contains("needs --idle-hosts"));
    }
    auto p = RunRetrotcp("profiles 'no\nsuch'");
    CHECK(p.status == 2);
    CHECK_THAT(p.output, Contains("no profile \"no\\nsuch\""));
}

#if defined(__SANITIZE_ADDRESS__)
#define RETROTCP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RETROTCP_ASAN 1
#endif
#endif

TEST_CASE("cli: a run that will not fit in memory is refused before anything is built")
{
#ifdef RETROTCP_ASAN
    WARN("not under AddressSanitizer: it cannot start with a small ulimit -v");
    return;
#endif
    std::string out = TempDir("memory");
    // 60,001 hosts: about 2 GiB; RLIMIT_AS leaves far less.
    std::string args =
        "'" + SourcePath("tests/data/valid/tiny.json") + "' --set hosts.client.count=60000";
    auto v = RunCommand("ulimit -v 600000; '" RETROTCP_BINARY "' validate " + args);
    CHECK(v.status == 2);
    CHECK_THAT(v.output, Contains("tiny.json: at /hosts: expected a run that fits in memory: "
                                  "RLIMIT_AS (ulimit -v) is") &&
                             Contains("found one that needs about 2.1 GiB (60001 hosts, 60000 "
                                      "connections"));
    auto r = RunCommand("ulimit -v 600000; '" RETROTCP_BINARY "' run " + args + " --out '" + out +
                        "/r'");
    CHECK(r.status == 2);
    CHECK_THAT(r.output, Contains("expected a run that fits in memory"));
    CHECK(ListDir(out).empty());
    // validate prints the estimate when it fits.
    auto ok = RunRetrotcp("validate '" + SourcePath("scenarios/quickstart.json") + "'");
    CHECK_THAT(ok.output, Contains("; memory about "));
}

TEST_CASE("cli: run prints a summary and honours --out, --seed and --set")
{
    std::string out = TempDir("cli-run");
    auto r = RunRetrotcp("run '" + SourcePath("scenarios/ns3-stock-basics.json") + "' --out '" +
                         out + "' --seed 5 --set hosts.client.count=1");
    CHECK(r.status == 0);
    CHECK_THAT(r.output, Contains("connections: 4") && Contains("established 3") &&
                             Contains("refused 1") && Contains("results in " + out));
    std::string summary = ReadFile(out + "/summary.json");
    CHECK_THAT(summary, Contains("\"seed\": 5"));
    auto quiet = RunRetrotcp("run '" + SourcePath("scenarios/ns3-stock-basics.json") + "' --out '" +
                             out + "' --quiet --no-events");
    CHECK(quiet.status == 0);
    CHECK(quiet.output.empty());
    CHECK(ListDir(out) == std::vector<std::string>{".retrotcp-result", "connections.csv",
                                                   "scenario.json", "summary.json"});
}

TEST_CASE("cli: profiles lists every profile, and an unknown one is an error")
{
    auto all = RunRetrotcp("profiles");
    CHECK(all.status == 0);
    CHECK_THAT(all.output, Contains("ns3-stock"));
    CHECK(RunRetrotcp("profiles ns3-stock").status == 0);
    auto unknown = RunRetrotcp("profiles os2-warp");
    CHECK(unknown.status == 2);
    CHECK_THAT(unknown.output, Contains("no profile \"os2-warp\""));
}

TEST_CASE("cli: --pcap writes one PCAP per host interface that tshark reads")
{
    if (RunCommand("command -v tshark").status != 0)
    {
        FAIL("tshark is not installed (scripts/test installs it)");
    }
    std::string out = TempDir("pcap");
    auto r = RunRetrotcp("run '" + SourcePath("scenarios/ns3-stock-basics.json") +
                         "' --quiet --pcap --out '" + out + "'");
    REQUIRE(r.status == 0);
    CHECK(ListDir(out + "/pcap") == std::vector<std::string>{"client-1-1.pcap", "client-2-1.pcap",
                                                             "client-3-1.pcap", "prober-1.pcap",
                                                             "server-1.pcap"});
    // The prober's capture: 6 SYNs to port 81, each answered by RST|ACK.
    auto syns = RunCommand("tshark -r '" + out +
                               "/pcap/prober-1.pcap' -Y 'tcp.flags.syn==1 && tcp.dstport==81' "
                               "-T fields -e frame.time_relative",
                           false);
    REQUIRE(syns.status == 0);
    CHECK(std::count(syns.output.begin(), syns.output.end(), '\n') == 6);
    auto rsts = RunCommand("tshark -r '" + out +
                               "/pcap/prober-1.pcap' -Y 'tcp.flags.reset==1 && tcp.flags.ack==1 && "
                               "tcp.srcport==81' -T fields -e tcp.srcport",
                           false);
    REQUIRE(rsts.status == 0);
    CHECK(std::count(rsts.output.begin(), rsts.output.end(), '\n') == 6);
    // The server's capture shows the 9 request/response connections to port 139.
    auto handshakes =
        RunCommand("tshark -r '" + out +
                       "/pcap/server-1.pcap' -Y 'tcp.flags.syn==1 && "
                       "tcp.flags.ack==1 && tcp.srcport==139' -T fields -e tcp.dstport",
                   false);
    CHECK(std::count(handshakes.output.begin(), handshakes.output.end(), '\n') == 9);
}
