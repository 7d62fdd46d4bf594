// The README's first command: scenarios/quickstart.json shows both stories of the
// product in a printed summary that fits in a screen.
#include "test-util.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace retrotcp;
using namespace retrotcp::test;
using Catch::Contains;

TEST_CASE("quickstart: the printed summary shows the Winsock and LAN Manager stories in a screen")
{
    std::string out = TempDir("quickstart");
    auto r =
        RunRetrotcp("run '" + SourcePath("scenarios/quickstart.json") + "' --out '" + out + "'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    // Q175523: NT 4.0 and Windows 95 re-send the SYN after each RST|ACK, 0.5 s apart,
    // "up to TcpMaxConnectRetransmissions / MaxConnectRetries = 3": refused after 4
    // SYNs at 1.5 s; unanswered SYNs at 0, 3, 9, 21 s: timed_out at 45 s. Linux:
    // ECONNREFUSED on the first RST; 11 SYNs, 131 s. Stock ns-3 ignores the RST: 6
    // SYNs, 189 s either way.
    CHECK_THAT(r.output,
               Contains("winnt-4.0       refused 1 (1.5 s, 4 SYNs), timed_out 1 (45 s, 4 SYNs)"));
    CHECK_THAT(r.output,
               Contains("win95           refused 1 (1.5 s, 4 SYNs), timed_out 1 (45 s, 4 SYNs)"));
    CHECK_THAT(
        r.output,
        Contains("linux           refused 1 (0.01234 s, 1 SYN), timed_out 1 (131 s, 11 SYNs)"));
    CHECK_THAT(r.output,
               Contains("ns3-stock       refused 1 (189 s, 6 SYNs), timed_out 1 (189 s, 6 SYNs)"));
    // Q94246: the re-logon with the default TCPCONNECTIONS 7 gets DOS error 53 on its
    // script's six net use; with TCPCONNECTIONS 13 every command succeeds.
    CHECK_THAT(r.output, Contains("dos_error_53 6"));
    CHECK_THAT(r.output, Contains("ws-13 0 of 7 (0%)") && Contains("ws-7 6 of 7 (86%)"));
    // Within a screen: at most 24 lines of at most 100 characters (but the path).
    std::istringstream lines(r.output);
    int n = 0;
    for (std::string l; std::getline(lines, l); ++n)
    {
        INFO(l);
        if (l.find("results in ") == std::string::npos) // the folder's path is the user's
        {
            CHECK(l.size() <= 100);
        }
    }
    CHECK(n <= 24);
}

TEST_CASE("quickstart: a long run shows progress to 100 %, and Ctrl-C says what was left")
{
    std::string out = TempDir("progress");
    std::string storm = SourcePath("scenarios/lanman-morning-storm-10k.json");
    // Progress lines with the time left, and the last one at 100 %.
    auto r = RunRetrotcp("run '" + storm + "' --no-events --set hosts.ws.count=3000 --out '" + out +
                         "/a'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.output, Contains("100% simulated 300.0 s of 300.0 s") && Contains("s left"));
    // SIGINT while it runs: exit 130, a message with what was reached, no result file.
    // A background job of a non-interactive shell starts with SIGINT ignored, and
    // retrotcp (as it should) leaves an ignored signal ignored: env restores it.
    auto i = RunCommand("env --default-signal=INT '" RETROTCP_BINARY "' run '" + storm +
                        "' --no-events --out '" + out +
                        "/b' 2>&1 & pid=$!; sleep 1; kill -INT $pid; wait $pid; echo \"exit $?\"");
    INFO(i.output);
    CHECK_THAT(i.output, Contains("retrotcp: interrupted by SIGINT ") &&
                             (Contains("s simulated") || Contains("before the simulation")) &&
                             Contains("holds no result files") && Contains("exit 130"));
    CHECK(ListDir(out + "/b").empty());
}
