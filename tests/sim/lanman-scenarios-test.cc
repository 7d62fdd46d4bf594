// End-to-end: the LAN Manager scenarios of KB Q94246, checked in commands.csv,
// connections.csv and events.csv.
#include "ns3-fixture.h"
#include "runner.h"
#include "scenario-error.h"
#include "scenario-loader.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>

using namespace retrotcp;
using namespace retrotcp::test;

namespace
{
using Rows = std::vector<std::map<std::string, std::string>>;

std::string
RunLanman(const std::string& scenario, const std::string& tag,
          const std::vector<std::string>& overrides = {})
{
    Scenario s = LoadScenario(SourcePath("scenarios/" + scenario + ".json"), overrides);
    RunOptions options;
    options.outDir = TempDir(tag);
    options.progress = false;
    std::ostringstream log;
    RunScenario(s, options, log);
    return options.outDir;
}

Rows
Commands(const std::string& out, const std::string& host)
{
    Rows rows;
    for (const auto& r : ReadCsv(out + "/commands.csv"))
    {
        if (r.at("host") == host)
        {
            rows.push_back(r);
        }
    }
    return rows;
}

// Results of the commands of \p host whose seq is in [first, last].
std::vector<std::string>
Results(const Rows& rows, int first, int last)
{
    std::vector<std::string> out;
    for (const auto& r : rows)
    {
        int seq = std::stoi(r.at("seq"));
        if (seq >= first && seq <= last)
        {
            out.push_back(r.at("result"));
        }
    }
    return out;
}

std::map<std::string, int>
Outcomes(const std::string& out, const std::string& host)
{
    std::map<std::string, int> count;
    for (const auto& r : ReadCsv(out + "/connections.csv"))
    {
        if (r.at("host") == host)
        {
            ++count[r.at("outcome")];
        }
    }
    return count;
}

// Highest "in_use=N" of block_taken/block_freed events of \p host.
int
MaxBlocksInUse(const std::string& out, const std::string& host)
{
    int max = 0;
    for (const auto& r : ReadCsv(out + "/events.csv"))
    {
        if (r.at("host") == host &&
            (r.at("event") == "block_taken" || r.at("event") == "block_freed"))
        {
            auto pos = r.at("detail").find("in_use=");
            REQUIRE(pos != std::string::npos);
            max = std::max(max, std::stoi(r.at("detail").substr(pos + 7)));
        }
    }
    return max;
}

const std::vector<std::string> kSixOk(6, "ok");
} // namespace

TEST_CASE("lanman-scenarios: the seed's error on net logon /y (Q94246)")
{
    // Q94246: "If you are already logged on and enter 'net logon user password /y'
    // ... some of the old connections may still be pending when the script attempts
    // to log you on and establish new ones. In some instances, this can result in
    // errors, including 'DOS error 53'." SYMPTOMS: "A 'DOS error 53' or 'bad
    // username or password' error is displayed when you re-log on".
    Ns3Fixture fixture;
    std::string out = RunLanman("lanman-relogon-error", "lanman-error");
    auto light = Commands(out, "ws-light");
    REQUIRE(light.size() == 3 + 2 * 6);
    // First logon and its script: all ok (seq 1-7).
    CHECK(Results(light, 1, 1) == std::vector<std::string>{"ok"});
    CHECK(Results(light, 2, 7) == kSixOk);
    // The re-logon (seq 9) gets the one free block; the script's net use (seq
    // 10-15) find none: DOS error 53.
    CHECK(light[8].at("command") == "net logon alice secret /y");
    CHECK(light[8].at("result") == "ok");
    CHECK(Results(light, 10, 15) == std::vector<std::string>(6, "dos_error_53"));
    CHECK(light[9].at("detail").find("reason=no_tcb") != std::string::npos);
    // connections.csv: 6 + 1 established, 5 no_tcb (K: retries fs-1, F: failed).
    auto lightOutcomes = Outcomes(out, "ws-light");
    CHECK(lightOutcomes["established"] == 7);
    CHECK(lightOutcomes["no_tcb"] == 6);

    auto heavy = Commands(out, "ws-heavy");
    REQUIRE(heavy.size() == 1 + 6 + 3);
    CHECK(heavy.back().at("command") == "net logon bob secret /y");
    CHECK(heavy.back().at("result") == "bad_username_or_password");
    CHECK(heavy.back().at("detail").find("reason=no_tcb") != std::string::npos);
    CHECK(Outcomes(out, "ws-heavy")["no_tcb"] == 1);

    // TCPCONNECTIONS = 7: never more blocks in use.
    CHECK(MaxBlocksInUse(out, "ws-light") == 7);
    CHECK(MaxBlocksInUse(out, "ws-heavy") == 7);
}

TEST_CASE("lanman-scenarios: the seed's workaround, net logoff, wait 5 s, net logon")
{
    // Q94246: "Alternatively, to re-logon you may 'net logoff' first, wait 5
    // seconds, then 'net logon'." TIME-WAIT is 2 x MSL = 4 s < 5 s.
    Ns3Fixture fixture;
    std::string out = RunLanman("lanman-relogon-workaround", "lanman-workaround");
    auto ws = Commands(out, "ws");
    REQUIRE(ws.size() == 5 + 2 * 6);
    for (const auto& r : ws)
    {
        CHECK(r.at("result") == "ok");
    }
    auto outcomes = Outcomes(out, "ws");
    CHECK(outcomes["established"] == 12);
    CHECK(outcomes["no_tcb"] == 0);
    // The second logon starts 5 s after the logoff ended.
    double logoffEnd = std::stod(ws[8].at("end_s"));
    double logonStart = std::stod(ws[10].at("start_s"));
    CHECK(ws[8].at("command") == "net logoff");
    CHECK(logonStart - logoffEnd == Approx(5.0).margin(1e-6));
    CHECK(MaxBlocksInUse(out, "ws") <= 7);
}

TEST_CASE("lanman-scenarios: the seed's resolution, more TCPCONNECTIONS")
{
    // Q94246: "MS-DOS systems using TCP/IP may need to be configured for extra
    // TCPCONNECTIONS ... Thus, systems with the utilities default TCPCONNECTIONS to
    // 17, which is usually adequate."
    Ns3Fixture fixture;
    std::string out = RunLanman("lanman-relogon-resolution", "lanman-resolution");
    for (const char* host : {"ws-light", "ws-heavy"})
    {
        auto rows = Commands(out, host);
        REQUIRE(rows.size() >= 10);
        for (const auto& r : rows)
        {
            CHECK(r.at("result") == "ok");
        }
        CHECK(Outcomes(out, host)["no_tcb"] == 0);
    }
    // ws-light: 17 blocks (NUMSOCKETS 8), ws-heavy: 13 (2.2 with the utilities);
    // the re-logon holds the old blocks in TIME-WAIT and the new ones at once.
    CHECK(MaxBlocksInUse(out, "ws-light") == 12);
    CHECK(MaxBlocksInUse(out, "ws-heavy") == 13);
}

TEST_CASE("lanman-scenarios: one session per server, shared by several drives")
{
    // One TCP connection and one NetBIOS session per server; several shares on one
    // server share it: K: on fs-1 reuses F:'s session.
    Ns3Fixture fixture;
    std::string out = RunLanman("lanman-relogon-workaround", "lanman-reuse");
    auto ws = Commands(out, "ws");
    CHECK(ws[1].at("detail").find("session=new") != std::string::npos);
    CHECK(ws[6].at("command") == "net use K: \\\\fs-1\\users");
    CHECK(ws[6].at("detail").find("session=reused") != std::string::npos);
    std::map<std::string, int> perServer;
    for (const auto& r : ReadCsv(out + "/connections.csv"))
    {
        if (r.at("host") == "ws")
        {
            CHECK(r.at("remote_port") == "139");
            ++perServer[r.at("remote_host")];
        }
    }
    // Two logons: two connections per server, whatever the number of drives.
    CHECK(perServer ==
          std::map<std::string, int>{
              {"dc", 2}, {"fs-1", 2}, {"fs-2", 2}, {"fs-3", 2}, {"fs-4", 2}, {"fs-5", 2}});
}

TEST_CASE("lanman-scenarios: NBSESSIONS caps the sessions")
{
    // Q94246: "NBSESSIONS = The number of NetBIOS sessions". With NBSESSIONS 3 the
    // domain controller and two servers have sessions; a third server gets DOS
    // error 69 ("The network BIOS session limit was exceeded").
    Ns3Fixture fixture;
    std::string out = RunLanman("lanman-relogon-workaround", "lanman-nbsessions",
                                {"hosts.ws.stack.parameters.NBSESSIONS=3"});
    auto ws = Commands(out, "ws");
    CHECK(Results(ws, 1, 7) == std::vector<std::string>{"ok", "ok", "ok", "dos_error_69",
                                                        "dos_error_69", "dos_error_69", "ok"});
    CHECK(MaxBlocksInUse(out, "ws") <= 4); // TCPCONNECTIONS = 3 + 1
}

TEST_CASE("lanman-scenarios: a batch file pauses with the waiting pool, fails without")
{
    // Q94246: "a long pause may occur when you executing batch files that connect
    // and disconnect to many resources".
    Ns3Fixture fixture;
    std::string out = RunLanman("lanman-batch-pauses", "lanman-batch");
    auto wait = Commands(out, "ws-wait");
    REQUIRE(wait.size() == 1 + 24);
    // The seventh connection finds all 7 blocks taken (the domain controller's
    // session and six in TIME-WAIT) and waits until the first TIME-WAIT (4 s)
    // ends; the later ones find blocks freed in turn.
    int paused = 0;
    for (const auto& r : wait)
    {
        CHECK(r.at("result") == "ok");
        double d = std::stod(r.at("duration_s"));
        CHECK(d < 4.0 + 0.1); // at most one TIME-WAIT
        if (d > 1.0)
        {
            ++paused;
            CHECK(r.at("command") == "net use X: \\\\fs-1\\data");
            CHECK(r.at("seq") == "14");
        }
    }
    CHECK(paused == 1);
    auto fail = Commands(out, "ws-fail");
    int errors = 0;
    for (const auto& r : fail)
    {
        errors += r.at("result") == "dos_error_53" ? 1 : 0;
        CHECK(std::stod(r.at("duration_s")) < 0.5);
    }
    CHECK(errors == 6); // the second round, fs-1 .. fs-6
    CHECK(MaxBlocksInUse(out, "ws-wait") == 7);
    CHECK(MaxBlocksInUse(out, "ws-fail") == 7);

    // A connect that waited for a block chose its port only when the block came:
    // its row still names that port, and the server's side of it has its conn_id.
    auto events = ReadCsv(out + "/events.csv");
    std::set<std::string> waited;
    for (const auto& e : events)
    {
        if (e.at("event") == "pool_wait_start")
        {
            waited.insert(e.at("conn_id"));
        }
    }
    REQUIRE_FALSE(waited.empty());
    for (const auto& r : ReadCsv(out + "/connections.csv"))
    {
        if (waited.count(r.at("conn_id")) && r.at("outcome") == "established")
        {
            INFO("conn_id " << r.at("conn_id"));
            CHECK(r.at("local_port") != "0");
            int accepted = 0;
            for (const auto& e : events)
            {
                accepted += e.at("event") == "accepted" && e.at("conn_id") == r.at("conn_id");
            }
            CHECK(accepted == 1);
        }
    }
}

TEST_CASE("lanman-scenarios: a morning logon storm")
{
    Ns3Fixture fixture;
    std::string out = RunLanman("lanman-morning-storm", "lanman-storm", {"hosts.ws.count=60"});
    auto rows = ReadCsv(out + "/commands.csv");
    CHECK(rows.size() == 60 * 5);
    std::map<std::string, int> results;
    double last = 0;
    for (const auto& r : rows)
    {
        ++results[r.at("result")];
        last = std::max(last, std::stod(r.at("start_s")));
    }
    CHECK(results["ok"] == 60 * 5);
    CHECK(last < 1 + 180 + 5); // within the 3-minute jitter
    int maxBlocks = 0;
    for (const auto& r : ReadCsv(out + "/events.csv"))
    {
        if (r.at("event") == "block_taken" && r.at("host").rfind("ws-", 0) == 0)
        {
            maxBlocks = std::max(maxBlocks, std::stoi(r.at("detail").substr(7)));
        }
    }
    CHECK(maxBlocks <= 7); // TCPCONNECTIONS of LAN Manager 2.2 without the utilities
    CHECK(maxBlocks >= 4); // the domain controller and three file servers
}

TEST_CASE("lanman-scenarios: the large storm on switched Ethernet, scaled down, and its "
          "captures decode")
{
    Ns3Fixture fixture;
    Scenario s =
        LoadScenario(SourcePath("scenarios/lanman-morning-storm-10k.json"), {"hosts.ws.count=40"});
    RunOptions options;
    options.outDir = TempDir("lanman-storm-switched");
    options.progress = false;
    options.pcap = true;
    std::ostringstream log;
    RunScenario(s, options, log);
    const std::string out = options.outDir;
    // Logon plus ten net use commands each, all "The command completed
    // successfully"; five sessions each (the domain controller, four file servers).
    auto rows = ReadCsv(out + "/commands.csv");
    CHECK(rows.size() == 40 * 11);
    int ok = 0;
    for (const auto& r : rows)
    {
        ok += r.at("result") == "ok";
    }
    CHECK(ok == 40 * 11);
    CHECK(Outcomes(out, "ws-17") == std::map<std::string, int>{{"established", 5}});
    CHECK(ReadCsv(out + "/connections.csv").size() == 40 * 5);
    // The capture of a workstation is Ethernet that Wireshark decodes as NBSS and
    // SMB, with no ARP (static address resolution) and nothing malformed.
    const std::string pcap = out + "/pcap/ws-17-1.pcap";
    auto count = [&](const std::string& filter) {
        CommandResult r =
            RunCommand("tshark -r '" + pcap + "' -Y '" + filter + "' 2>/dev/null | wc -l", false);
        REQUIRE(r.status == 0);
        return std::stoi(r.output);
    };
    CHECK(count("eth.type == 0x0800") > 0);
    CHECK(count("tcp.flags.syn == 1 && tcp.flags.ack == 0") == 5);
    CHECK(count("nbss.type == 0x81") == 5); // a session request per session
    CHECK(count("smb.cmd == 0x75") >= 10);  // tree connects (net use)
    CHECK(count("arp") == 0);
    CHECK(count("_ws.malformed || _ws.expert.severity == error") == 0);
}

TEST_CASE("lanman-scenarios: a server's idle disconnect closes first, so the server holds "
          "TIME-WAIT and the workstation's block is freed at once")
{
    Ns3Fixture fixture;
    // RFC 1122 4.2.2.13 / Q94246: "a connection closed actively holds its block in
    // TIME-WAIT for 2xMSL" - here the file servers close (IdleTimeout), not the
    // workstation.
    std::string out = RunLanman("lanman-morning-storm", "lanman-idle",
                                {"hosts.ws.count=1", "hosts.ws.applications.0.start_jitter=0s",
                                 "hosts.fs.applications.0.idle_timeout=30s"});
    auto events = ReadCsv(out + "/events.csv");
    std::map<std::string, double> idleAt;      // conn_id -> idle_disconnect time
    std::map<std::string, double> serverTwAt;  // conn_id -> server time_wait_enter
    std::map<std::string, double> serverTwEnd; // conn_id -> server TIME-WAIT end
    std::map<std::string, int> wsTimeWait;     // conn_id -> workstation time_wait_enter
    double lastCommandEnd = 0;
    for (const auto& e : events)
    {
        const std::string& host = e.at("host");
        const std::string& ev = e.at("event");
        double t = std::stod(e.at("time_s"));
        if (host == "ws" && ev == "command_end")
        {
            lastCommandEnd = std::max(lastCommandEnd, t);
        }
        if (host.rfind("fs-", 0) == 0 && ev == "idle_disconnect")
        {
            idleAt[e.at("conn_id")] = t;
        }
        if (host.rfind("fs-", 0) == 0 && ev == "time_wait_enter")
        {
            serverTwAt[e.at("conn_id")] = t;
            CHECK(e.at("detail") == "duration=240.000000"); // winnt-4.0: 2 x MSL 120 s
        }
        if (host.rfind("fs-", 0) == 0 && ev == "closed" && e.at("detail") == "reason=time_wait")
        {
            serverTwEnd[e.at("conn_id")] = t;
        }
        if (host == "ws" && ev == "time_wait_enter")
        {
            ++wsTimeWait[e.at("conn_id")];
        }
    }
    REQUIRE(idleAt.size() == 3); // one session per file server
    for (const auto& [id, t] : idleAt)
    {
        INFO("connection " << id);
        // 30 s after the session's last exchange (the last net use, about 1 s in).
        CHECK(t > 30.0);
        CHECK(t < lastCommandEnd + 30.0);
        REQUIRE(serverTwAt.count(id) == 1);
        CHECK(serverTwAt[id] - t < 0.001); // FIN sent, ACKed, FIN back: TIME-WAIT
        REQUIRE(serverTwEnd.count(id) == 1);
        CHECK(serverTwEnd[id] - serverTwAt[id] == Approx(240.0).margin(1e-6));
        CHECK(wsTimeWait.count(id) == 0); // the passive closer holds nothing
    }
}

TEST_CASE("lanman-scenarios: bad commands and PROTOCOL.INI values are clear errors")
{
    auto message = [](const std::vector<std::string>& overrides) {
        try
        {
            LoadScenario(SourcePath("scenarios/lanman-relogon-workaround.json"), overrides);
        }
        catch (const ScenarioError& e)
        {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    std::string m = message({"hosts.ws.applications.0.commands.1=net uze F:"});
    CHECK(m.find("/hosts/2/applications/0/commands/1") != std::string::npos);
    CHECK(m.find("net logon USER PASSWORD") != std::string::npos);
    m = message({"hosts.ws.applications.0.logon_script.0=net use F: \\\\nobody\\data"});
    CHECK(m.find("logon_script/0") != std::string::npos);
    CHECK(m.find("no such host") != std::string::npos);
    m = message({"hosts.ws.stack.parameters.TCPSEGMENTSIZE=1460"});
    CHECK(m.find("/hosts/2/stack/parameters/TCPSEGMENTSIZE") != std::string::npos);
    CHECK(m.find("at most 1450") != std::string::npos);
    m = message({"hosts.ws.stack.parameters.NUMSOCKETS=8"});
    CHECK(m.find("TCP_UTILITIES") != std::string::npos);
}
