// End-to-end: a host that connects to itself, on every kind of stack.
#include "ns3-fixture.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace retrotcp;
using namespace retrotcp::test;

namespace
{
std::string
RunSelfConnect(const std::string& tag, const std::vector<std::string>& overrides)
{
    return RunInTempDir("tests/data/valid/self-connect.json", tag, overrides, true);
}
} // namespace

// A segment a host sends to one of its own addresses goes through its loopback
// interface, as on a real host (it is never put on the LAN), and is received in a
// later event, not inside the sending socket's call (which re-entered the socket:
// unbounded recursion on the legacy stack, an event on a freed socket on the
// stock one).
TEST_CASE("self-connection: a host's connections to its own service complete on every stack")
{
    for (const char* profile : {"ns3-stock", "winnt-4.0", "win95", "lanman-dos-2.2", "linux"})
    {
        DYNAMIC_SECTION(profile)
        {
            Ns3Fixture fixture;
            std::string out = RunSelfConnect(std::string("self-") + profile,
                                             {std::string("hosts.box.stack.profile=") + profile});
            auto rows = ReadCsv(out + "/connections.csv");
            int mine = 0;
            for (const auto& r : rows)
            {
                if (r.at("host") != "box")
                {
                    continue;
                }
                ++mine;
                INFO("conn_id " << r.at("conn_id"));
                CHECK(r.at("remote_host") == "box");
                CHECK(r.at("remote_address") == "10.1.0.1");
                CHECK(r.at("outcome") == "established");
                CHECK(r.at("syns_sent") == "1");
                CHECK(r.at("bytes_sent") == "200");
                CHECK(r.at("bytes_received") == "200");
                CHECK(r.at("close") == "normal");
                CHECK_FALSE(r.at("closed_s").empty());
            }
            CHECK(mine == 3);
            // Nothing of it on the wire: box's LAN capture holds the 24-byte pcap
            // file header only.
            CHECK(std::filesystem::file_size(out + "/pcap/box-1.pcap") == 24);
        }
    }
}

TEST_CASE("self-connection: a LAN Manager workstation can be its own domain controller")
{
    Ns3Fixture fixture;
    std::string out = RunSelfConnect("self-dc", {});
    auto rows = ReadCsv(out + "/commands.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].at("command") == "net logon alice secret");
    CHECK(rows[0].at("result") == "ok");
    CHECK(rows[0].at("detail").find("server=ws") != std::string::npos);
    CHECK(rows[1].at("result") == "ok");
}
