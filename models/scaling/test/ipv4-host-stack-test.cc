#include "ipv4-host-address-helper.h"
#include "ipv4-host-stack-helper.h"
#include "ns3-fixture.h"
#include "ns3/arp-l3-protocol.h"
#include "ns3/global-router-interface.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-hashed-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/queue-disc.h"
#include "ns3/random-variable-stream.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/traffic-control-layer.h"
#include "ns3/udp-l4-protocol.h"
#include "time-registry.h"

#include <catch2/catch.hpp>
#include <malloc.h>
#include <vector>

using namespace ns3;

namespace
{
int64_t
ArpJitterStream(Ptr<Node> node)
{
    PointerValue jitter;
    node->GetObject<ArpL3Protocol>()->GetAttribute("RequestJitter", jitter);
    return jitter.Get<RandomVariableStream>()->GetStream();
}
} // namespace

TEST_CASE("scaling: an IPv4 host stack has neither IPv6 nor, unless asked, UDP and TCP")
{
    retrotcp::test::Ns3Fixture fixture;
    NodeContainer nodes;
    nodes.Create(2);
    Ipv4HostStackHelper plain;
    plain.SetUdp(false);
    plain.SetTcp(false);
    plain.Install(nodes.Get(0));
    Ipv4HostStackHelper().Install(nodes.Get(1));
    for (uint32_t i = 0; i < 2; ++i)
    {
        Ptr<Node> n = nodes.Get(i);
        CHECK(n->GetObject<Ipv4>());
        CHECK(n->GetObject<ArpL3Protocol>());
        CHECK(n->GetObject<TrafficControlLayer>());
        CHECK_FALSE(n->GetObject<Ipv6>());
        CHECK(bool(n->GetObject<UdpL4Protocol>()) == (i == 1));
        CHECK(bool(n->GetObject<TcpL4Protocol>()) == (i == 1));
    }
}

TEST_CASE("scaling: the IPv4 host stack numbers random streams as InternetStackHelper with IPv6")
{
    retrotcp::test::Ns3Fixture fixture;
    NodeContainer stock;
    stock.Create(3);
    InternetStackHelper internet;
    internet.SetRoutingHelper(Ipv4HashedRoutingHelper::MakeListRouting());
    internet.Install(stock);
    NodeContainer host;
    host.Create(3);
    Ipv4HostStackHelper().Install(host);

    const int64_t used = internet.AssignStreams(stock, 100);
    CHECK(used == 15); // per node: global routing, IPv6 fragments, ARP, ICMPv6 (2)
    CHECK(Ipv4HostStackHelper::AssignStreams(host, 100) == used);
    // Without global routing its number stays reserved.
    NodeContainer connectedOnly;
    connectedOnly.Create(3);
    Ipv4HostStackHelper noGlobal;
    noGlobal.SetRoutingHelper(Ipv4HashedRoutingHelper::MakeListRouting(false));
    noGlobal.Install(connectedOnly);
    CHECK(Ipv4HostStackHelper::AssignStreams(connectedOnly, 100) == used);
    for (uint32_t i = 0; i < 3; ++i)
    {
        INFO("node " << i);
        CHECK(ArpJitterStream(host.Get(i)) == ArpJitterStream(stock.Get(i)));
        CHECK(ArpJitterStream(connectedOnly.Get(i)) == ArpJitterStream(stock.Get(i)));
        CHECK(ArpJitterStream(host.Get(i)) == 102 + 5 * i);
        CHECK_FALSE(connectedOnly.Get(i)->GetObject<GlobalRouter>());
    }
}

TEST_CASE("scaling: Ipv4HostAddressHelper numbers as Ipv4AddressHelper, without a queue disc")
{
    retrotcp::test::Ns3Fixture fixture;
    NodeContainer nodes;
    nodes.Create(4);
    Ipv4HostStackHelper().Install(nodes);
    PointToPointHelper p2p;
    NetDeviceContainer a = p2p.Install(nodes.Get(0), nodes.Get(1));
    NetDeviceContainer b = p2p.Install(nodes.Get(2), nodes.Get(3));
    Ipv4HostAddressHelper hostAddresses("10.1.0.0", "255.255.255.252");
    Ipv4AddressHelper stockAddresses("10.2.0.0", "255.255.255.252");
    Ipv4InterfaceContainer mine = hostAddresses.Assign(a);
    Ipv4InterfaceContainer theirs = stockAddresses.Assign(b);
    for (uint32_t i = 0; i < 2; ++i)
    {
        // ns-3's address generator refuses an address twice: another network.
        CHECK(theirs.GetAddress(i).Get() - mine.GetAddress(i).Get() == (1U << 16));
        Ptr<Ipv4> ipv4 = mine.Get(i).first;
        uint32_t interface = mine.Get(i).second;
        CHECK(ipv4->IsUp(interface));
        CHECK(ipv4->GetMetric(interface) == 1);
        CHECK(ipv4->GetAddress(interface, 0).GetMask() == Ipv4Mask("255.255.255.252"));
        CHECK_FALSE(
            nodes.Get(i)->GetObject<TrafficControlLayer>()->GetRootQueueDiscOnDevice(a.Get(i)));
        CHECK(
            nodes.Get(2 + i)->GetObject<TrafficControlLayer>()->GetRootQueueDiscOnDevice(b.Get(i)));
    }
    CHECK(hostAddresses.NewNetwork() == Ipv4Address("10.1.0.4"));
    CHECK(stockAddresses.NewNetwork() == Ipv4Address("10.2.0.4"));
}

TEST_CASE("scaling: after EndTimeRegistry a Time costs no heap and the clock has not moved")
{
    retrotcp::test::Ns3Fixture fixture;
    CHECK(EndTimeRegistry());
    CHECK(Simulator::Now().IsZero());
    CHECK(Simulator::GetEventCount() == 0);
    std::vector<Time> times;
    times.reserve(100000);
    struct mallinfo2 before = mallinfo2();
    for (int i = 0; i < 100000; ++i)
    {
        times.emplace_back(Seconds(i)); // each was a set entry of ~40 bytes before
    }
    struct mallinfo2 after = mallinfo2();
    CHECK(after.uordblks - before.uordblks < 100000);
    // With an event pending it does nothing (a run would execute the event).
    bool ran = false;
    Simulator::Schedule(Seconds(1), [&ran]() { ran = true; });
    CHECK_FALSE(EndTimeRegistry());
    CHECK_FALSE(ran);
}
