// Outages (scenarios/outages.json): a host switched off and on (rule SCN-HOST-POWER)
// and a WAN link down and up (rule SCN-LINK-OUTAGE), checked in the result files
// and on the simulated wire.
#include "test-util.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace retrotcp::test;

namespace
{

using Row = std::map<std::string, std::string>;

// tshark's view of a capture: "time eth.src arp.opcode ip.src tcp.flags.str".
struct Frame
{
    double time{0};
    std::string mac;
    int arp{0}; // 1 request, 2 reply, 0 not ARP
    std::string ip;
    std::string flags;
};

std::vector<Frame>
Frames(const std::string& pcap)
{
    auto r = RunCommand("tshark -n -r '" + pcap +
                            "' -T fields -E separator=, -e frame.time_epoch -e eth.src "
                            "-e arp.opcode -e ip.src -e tcp.flags.str",
                        false);
    REQUIRE(r.status == 0);
    std::vector<Frame> frames;
    std::istringstream in(r.output);
    std::string line;
    while (std::getline(in, line))
    {
        std::istringstream f(line);
        std::string field[5];
        for (auto& x : field)
        {
            std::getline(f, x, ',');
        }
        frames.push_back({std::stod(field[0]), field[1], field[2].empty() ? 0 : std::stoi(field[2]),
                          field[3], field[4]});
    }
    return frames;
}

std::vector<double>
SynTimes(const std::vector<Frame>& frames, const std::string& from, double after)
{
    std::vector<double> out;
    for (const auto& f : frames)
    {
        if (f.ip == from && f.flags.find("S") != std::string::npos &&
            f.flags.find("A") == std::string::npos && f.time >= after)
        {
            out.push_back(f.time);
        }
    }
    return out;
}

const Row&
Call(const std::vector<Row>& rows, const std::string& host, const std::string& port)
{
    for (const auto& r : rows)
    {
        if (r.at("host") == host && r.at("local_port") == port)
        {
            return r;
        }
    }
    FAIL("no call of " << host << " from port " << port);
    return rows.front();
}

bool
HasEvent(const std::vector<Row>& events, const std::string& time, const std::string& host,
         const std::string& event, const std::string& detail)
{
    for (const auto& e : events)
    {
        if (e.at("time_s") == time && e.at("host") == host && e.at("event") == event &&
            e.at("detail") == detail)
        {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("outages: a server switched off loses its connections, is silent, and comes back",
          "[outage][power]")
{
    // Rule SCN-HOST-POWER: "hosts powered off and on (no answers, ARP unanswered,
    // state lost at power-off as a reboot loses it)".
    std::string out = RunInTempDir("scenarios/outages.json", "outages", {}, true);
    auto calls = ReadCsv(out + "/connections.csv");
    auto events = ReadCsv(out + "/events.csv");

    CHECK(HasEvent(events, "10.000000000", "server", "host_power_off",
                   "connections=1 listeners=1 time_wait=0"));
    CHECK(HasEvent(events, "10.000000000", "server", "closed", "reason=power_off"));
    CHECK(HasEvent(events, "40.000000000", "server", "host_power_on", ""));
    CHECK(HasEvent(events, "40.000000000", "server", "service_up", "port=80"));

    // The server sends nothing while it is off.
    auto server = Frames(out + "/pcap/server-1.pcap");
    std::string serverMac;
    for (const auto& f : server)
    {
        if (f.ip == "10.1.0.1")
        {
            serverMac = f.mac;
        }
    }
    REQUIRE_FALSE(serverMac.empty());
    for (const auto& f : server)
    {
        if (f.mac == serverMac)
        {
            CHECK_FALSE((f.time >= 10 && f.time < 40));
        }
    }

    // The connection held across the power-off: its FIN goes unanswered until the
    // rebooted server resets it.
    const Row& held = Call(calls, "held", "1025");
    CHECK(held.at("outcome") == "reset");
    CHECK(held.at("error_code") == "10054");
    CHECK(std::stod(held.at("closed_s")) > 40);
    CHECK(std::stod(held.at("closed_s")) < 45);

    // A host new to the server: its ARP requests go unanswered, timed_out after
    // NT 4.0's 45 s.
    const Row& newcomer = Call(calls, "newcomer", "1025");
    CHECK(newcomer.at("outcome") == "timed_out");
    CHECK(newcomer.at("end_s") == "60.000000000");
    int requests = 0;
    for (const auto& f : Frames(out + "/pcap/newcomer-1.pcap"))
    {
        if (f.time >= 15 && f.time < 60)
        {
            CHECK(f.arp != 2); // no reply
            requests += f.arp == 1;
        }
    }
    CHECK(requests >= 1);

    // A host that knows the server's address: SYNs at 25, 28, 34 s lost, the one
    // at 46 s answered by the rebooted server.
    const Row& late = Call(calls, "caller", "1026");
    CHECK(late.at("outcome") == "established");
    CHECK(late.at("syns_sent") == "4");
    auto syns = SynTimes(Frames(out + "/pcap/caller-1.pcap"), "10.1.0.3", 20);
    REQUIRE(syns.size() == 4);
    CHECK(syns[0] == Approx(25));
    CHECK(syns[3] == Approx(46));
    CHECK(std::stod(late.at("end_s")) == Approx(46.002).margin(0.001));
}

TEST_CASE("outages: a WAN link down loses the frames both ways, and carries them again when up",
          "[outage][link]")
{
    // Rule SCN-LINK-OUTAGE: "WAN links down and up, in windows like the service
    // schedule".
    std::string out = RunInTempDir("scenarios/outages.json", "outages-link", {}, true);
    auto events = ReadCsv(out + "/events.csv");
    CHECK(HasEvent(events, "60.000000000", "wan0", "link_down", ""));
    CHECK(HasEvent(events, "70.000000000", "wan0", "link_up", ""));
    const Row& remote = Call(ReadCsv(out + "/connections.csv"), "remote", "1025");
    CHECK(remote.at("outcome") == "established");
    CHECK(remote.at("syns_sent") == "3");
    auto syns = SynTimes(Frames(out + "/pcap/remote-1.pcap"), "10.2.0.1", 0);
    REQUIRE(syns.size() == 3);
    CHECK(syns[0] == Approx(62).margin(0.01)); // after an ARP exchange with the router
    CHECK(syns[1] == Approx(65));
    CHECK(syns[2] == Approx(71));
    // Only the SYN sent after the link came up reached the server.
    auto atServer = SynTimes(Frames(out + "/pcap/server-1.pcap"), "10.2.0.1", 0);
    REQUIRE(atServer.size() == 1);
    CHECK(atServer[0] > 71);
}
