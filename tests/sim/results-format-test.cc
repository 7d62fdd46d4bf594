// The result files as docs/results-format.md defines them: the LAN Manager command
// outcomes in summary.json, commands.csv's conn_id, events.csv's detail grammar and
// nanosecond PCAP timestamps.
#include "test-util.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

using namespace retrotcp;
using namespace retrotcp::test;
using Catch::Contains;
namespace fs = std::filesystem;

namespace
{
std::string
RunScenario(const std::string& name, const std::string& args = "")
{
    std::string out = TempDir("results-" + name);
    auto r = RunRetrotcp("run '" + SourcePath("scenarios/" + name + ".json") + "' --out '" + out +
                         "' " + args);
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::ofstream(out + "/stdout.txt") << r.output;
    return out;
}

// CSV rows with quoted fields (events.csv quotes details with commas or quotes).
std::vector<std::vector<std::string>>
ReadQuotedCsv(const std::string& path)
{
    std::vector<std::vector<std::string>> rows;
    std::string text = ReadFile(path);
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i)
    {
        char c = text[i];
        if (quoted)
        {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
            {
                field += '"';
                ++i;
            }
            else if (c == '"')
            {
                quoted = false;
            }
            else
            {
                field += c;
            }
        }
        else if (c == '"')
        {
            quoted = true;
        }
        else if (c == ',')
        {
            row.push_back(field);
            field.clear();
        }
        else if (c == '\n')
        {
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
        }
        else
        {
            field += c;
        }
    }
    return rows;
}
} // namespace

TEST_CASE("results: summary.json counts the LAN Manager commands and the re-logon failures")
{
    // lanman-relogon-error (Q94246): ws-light's re-logon succeeds and its script's
    // six net use fail with DOS error 53; ws-heavy's re-logon fails (bad username
    // or password). Re-logon failure rate: failed net commands of the re-logon and
    // its script over all of them: ws-light 6 of 7, ws-heavy 1 of 1.
    std::string out = RunScenario("lanman-relogon-error");
    auto s = nlohmann::json::parse(ReadFile(out + "/summary.json"));
    const auto& c = s["lanman_commands"];
    auto rows = ReadCsv(out + "/commands.csv");
    CHECK(c["commands"] == rows.size());
    std::map<std::string, uint64_t> results;
    for (const auto& r : rows)
    {
        ++results[r.at("result")];
    }
    for (const auto& [word, n] : results)
    {
        INFO(word);
        CHECK(c["results"][word] == n);
    }
    CHECK(c["results"]["dos_error_53"] == 6);
    CHECK(c["results"]["bad_username_or_password"] == 1);
    CHECK(c["results"]["dos_error_69"] == 0); // every word listed
    CHECK(c["by_kind"]["net use"]["dos_error_53"] == 6);
    CHECK(c["by_kind"]["net logon"]["bad_username_or_password"] == 1);
    CHECK(c["by_kind"]["net logon"]["ok"] == 3);
    const auto& light = c["relogon_by_group"]["ws-light"];
    CHECK(light["commands"] == 7);
    CHECK(light["failed"] == 6);
    CHECK(light["failure_rate"].get<double>() == Approx(6.0 / 7));
    const auto& heavy = c["relogon_by_group"]["ws-heavy"];
    CHECK(heavy["commands"] == 1);
    CHECK(heavy["failure_rate"] == 1.0);
    CHECK(c["relogon"]["failed"] == 7);
    CHECK(c["relogon"]["commands"] == 8);
    // The printed summary says the same.
    std::string printed = ReadFile(out + "/stdout.txt");
    CHECK_THAT(printed, Contains("LAN Manager commands: 25") && Contains("dos_error_53 6") &&
                            Contains("bad_username_or_password 1") &&
                            Contains("ws-light 6 of 7 (86%)") &&
                            Contains("ws-heavy 1 of 1 (100%)"));
}

TEST_CASE("results: the workaround's re-logon has no failure")
{
    // Q94246's workaround (net logoff, wait, net logon): every command ok.
    std::string out = RunScenario("lanman-relogon-workaround");
    auto s = nlohmann::json::parse(ReadFile(out + "/summary.json"));
    CHECK(s["lanman_commands"]["relogon"]["commands"] == 7);
    CHECK(s["lanman_commands"]["relogon"]["failure_rate"] == 0.0);
}

TEST_CASE("results: commands.csv's conn_id is the connection's row in connections.csv")
{
    std::string out = RunScenario("lanman-relogon-error");
    auto commands = ReadCsv(out + "/commands.csv");
    std::map<std::string, std::map<std::string, std::string>> connections;
    for (const auto& r : ReadCsv(out + "/connections.csv"))
    {
        connections[r.at("conn_id")] = r;
    }
    int linked = 0;
    for (const auto& c : commands)
    {
        INFO(c.at("host") << " " << c.at("command"));
        CHECK(c.at("detail").find("conn_id") == std::string::npos);
        if (c.at("conn_id").empty())
        {
            CHECK(c.at("command").rfind("wait", 0) == 0);
            continue;
        }
        ++linked;
        REQUIRE(connections.count(c.at("conn_id")) == 1);
        const auto& conn = connections[c.at("conn_id")];
        CHECK(conn.at("host") == c.at("host"));
        if (c.at("result") == "dos_error_53")
        {
            CHECK(conn.at("outcome") == "no_tcb");
        }
    }
    CHECK(linked == 24);
}

TEST_CASE("results: every events.csv detail follows the KEY=VALUE grammar")
{
    // docs/results-format.md: space-separated KEY=VALUE, KEY [a-z][a-z0-9_]*, VALUE
    // bare or double-quoted with \" and \\ escapes.
    const std::regex grammar(
        R"re(^(|[a-z][a-z0-9_]*=("([^"\\]|\\.)*"|[^ "]+)( [a-z][a-z0-9_]*=("([^"\\]|\\.)*"|[^ "]+))*)$)re");
    for (const char* name : {"quickstart", "ns3-stock-basics", "lanman-relogon-error",
                             "winsock-unreachable", "winsock-port-scan", "lanman-batch-pauses"})
    {
        std::string out = RunScenario(name, "--quiet");
        auto rows = ReadQuotedCsv(out + "/events.csv");
        REQUIRE(rows.size() > 10);
        std::map<std::string, std::string> firstOf;
        for (size_t i = 1; i < rows.size(); ++i)
        {
            REQUIRE(rows[i].size() == 5);
            INFO(name << " row " << i << ": " << rows[i][3] << " " << rows[i][4]);
            CHECK(std::regex_match(rows[i][4], grammar));
            firstOf.emplace(rows[i][3], rows[i][4]);
        }
        if (firstOf.count("connect_start"))
        {
            CHECK(std::regex_match(firstOf["connect_start"],
                                   std::regex("remote_host=[a-z0-9-]+ remote_port=[0-9]+")));
        }
        if (firstOf.count("command_start"))
        {
            CHECK(std::regex_match(firstOf["command_start"], std::regex("command=\".*\"")));
        }
        if (firstOf.count("connect_failed"))
        {
            CHECK(firstOf["connect_failed"].rfind("outcome=", 0) == 0);
        }
    }
}

TEST_CASE("results: captures have nanosecond timestamps that join events.csv times")
{
    if (RunCommand("command -v tshark").status != 0)
    {
        FAIL("tshark is not installed (scripts/test installs it)");
    }
    std::string out = RunScenario("winsock-closed-port", "--quiet --pcap");
    // pcap magic 0xa1b23c4d: nanosecond resolution (little-endian on disk).
    std::string pcap = ReadFile(out + "/pcap/" + fs::path(ListDir(out + "/pcap")[0]).string());
    REQUIRE(pcap.size() > 24);
    CHECK(static_cast<unsigned char>(pcap[0]) == 0x4d);
    CHECK(static_cast<unsigned char>(pcap[3]) == 0xa1);
    // Every rst_received event of the NT client is a frame of its capture at the
    // same nanosecond (the stack receives the segment when the frame has arrived).
    auto r = RunCommand("tshark -r '" + out +
                            "/pcap/c-winnt-40-1.pcap' -Y 'tcp.flags.reset==1' -T fields -e "
                            "frame.time_epoch",
                        false);
    REQUIRE(r.status == 0);
    std::set<std::string> frames;
    std::istringstream lines(r.output);
    for (std::string l; std::getline(lines, l);)
    {
        frames.insert(l);
    }
    int matched = 0;
    for (const auto& e : ReadCsv(out + "/events.csv"))
    {
        if (e.at("host") == "c-winnt-40" && e.at("event") == "rst_received")
        {
            INFO("rst_received at " << e.at("time_s"));
            CHECK(frames.count(e.at("time_s")) == 1);
            ++matched;
        }
    }
    CHECK(matched >= 3);
}
