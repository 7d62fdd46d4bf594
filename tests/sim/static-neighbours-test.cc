// Static neighbour tables on a shared LAN (scenarios/shared-lan-static-arp.json):
// no ARP on the wire and no ARP delay before a first SYN, against the same
// scenario with ARP.
#include "ns3-fixture.h"
#include "scenario-run.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>

using namespace retrotcp;
using namespace retrotcp::test;

namespace
{

// Frames of an Ethernet PCAP with EtherType 0x0806 (ARP).
int
ArpFrames(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    char header[24];
    REQUIRE(in.read(header, sizeof header));
    int arp = 0;
    char record[16];
    while (in.read(record, sizeof record))
    {
        uint32_t length = 0;
        std::memcpy(&length, record + 8, 4); // incl_len, little-endian (ns-3 writes host order)
        std::string frame(length, '\0');
        REQUIRE(in.read(&frame[0], length));
        arp += length >= 14 && static_cast<uint8_t>(frame[12]) == 0x08 &&
               static_cast<uint8_t>(frame[13]) == 0x06;
    }
    return arp;
}

ScenarioRun
Run(const std::vector<std::string>& overrides)
{
    Ns3Fixture fixture;
    return ScenarioRun::Of("scenarios/shared-lan-static-arp.json", overrides);
}

} // namespace

TEST_CASE("static-neighbours: a shared LAN with static ARP tables sends no ARP",
          "[neighbours][scenario]")
{
    // Rule LAN-STATIC-NEIGHBOURS: "address_resolution": "static" fills every host's
    // ARP cache with every station of its LAN before the run, on a shared LAN as
    // on a switched one: the first segment to a neighbour leaves at once.
    ScenarioRun fixed = Run({});
    ScenarioRun arp = Run({"network.lans.lan0.address_resolution=arp"});
    for (const char* host : {"server", "c-nt", "c-linux", "c-bsd"})
    {
        CAPTURE(host);
        CHECK(ArpFrames(fixed.folder + "/pcap/" + host + "-1.pcap") == 0);
        CHECK(ArpFrames(arp.folder + "/pcap/" + host + "-1.pcap") > 0);
    }
    for (const char* host : {"c-nt", "c-linux", "c-bsd"})
    {
        CAPTURE(host);
        Row a = fixed.Call(host, 139);
        Row b = arp.Call(host, 139);
        CHECK(a.at("outcome") == "established");
        CHECK(b.at("outcome") == "established");
        CHECK(a.at("bytes_received") == "1000");
        // The first SYN on the wire: at the call with static tables (the segment
        // may still wait for the shared medium), after the ARP exchange without.
        auto firstSyn = [](const ScenarioRun& run, const std::string& h) {
            for (const auto& s : run.Segments(h))
            {
                if (s.Has(fit::kSyn))
                {
                    return Seconds(s);
                }
            }
            FAIL("no SYN in the capture of " << h);
            return 0.0;
        };
        CHECK(firstSyn(fixed, host) - 1.0 < 0.003);
        CHECK(firstSyn(arp, host) > firstSyn(fixed, host));
        CHECK(TimeToOutcome(a) < TimeToOutcome(b));
    }
    // NT 4.0 alone on the medium first: one round trip, 0.1134 ms (two 64-byte
    // frames at 10 Mb/s plus 2 x 5 us), against 13.3 ms with ARP (seed 1).
    CHECK(TimeToOutcome(fixed.Call("c-nt", 139)) == Approx(0.0001134).margin(1e-9));
}
