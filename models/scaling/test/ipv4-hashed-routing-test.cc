#include "ipv4-hashed-routing-helper.h"
#include "ipv4-hashed-routing.h"
#include "ns3-fixture.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/loopback-net-device.h"
#include "ns3/point-to-point-helper.h"

#include <catch2/catch.hpp>

using namespace ns3;

namespace
{
// A star: node 0 with one point-to-point link to each of \p n leaves.
struct Star
{
    NodeContainer nodes;
    std::vector<Ipv4Address> leafAddresses;
};

Star
MakeStar(uint32_t n, bool hashed, const char* base)
{
    Star star;
    star.nodes.Create(n + 1);
    InternetStackHelper internet;
    if (hashed)
    {
        internet.SetRoutingHelper(Ipv4HashedRoutingHelper::MakeListRouting());
    }
    internet.Install(star.nodes);
    PointToPointHelper p2p;
    Ipv4AddressHelper addresses(base, "255.255.255.252");
    for (uint32_t i = 1; i <= n; ++i)
    {
        auto ifs = addresses.Assign(p2p.Install(star.nodes.Get(0), star.nodes.Get(i)));
        addresses.NewNetwork();
        star.leafAddresses.push_back(ifs.GetAddress(1));
    }
    return star;
}

Ptr<Ipv4Route>
Route(Ptr<Node> node, Ipv4Address destination)
{
    Ipv4Header header;
    header.SetDestination(destination);
    Socket::SocketErrno err;
    return node->GetObject<Ipv4>()->GetRoutingProtocol()->RouteOutput(Create<Packet>(), header,
                                                                      nullptr, err);
}
} // namespace

TEST_CASE("scaling: hashed routing returns the routes static routing returns")
{
    retrotcp::test::Ns3Fixture fixture;
    Star hashed = MakeStar(50, true, "10.0.0.0");
    Star plain = MakeStar(50, false, "10.1.0.0");
    Ptr<Ipv4HashedRouting> protocol;
    {
        Ptr<Ipv4ListRouting> list = DynamicCast<Ipv4ListRouting>(
            hashed.nodes.Get(0)->GetObject<Ipv4>()->GetRoutingProtocol());
        int16_t priority;
        protocol = DynamicCast<Ipv4HashedRouting>(list->GetRoutingProtocol(0, priority));
        REQUIRE(protocol);
        CHECK(priority == 10);
    }
    CHECK(protocol->GetNConnectedNetworks() == 50);
    for (size_t i = 0; i < hashed.leafAddresses.size(); ++i)
    {
        Ptr<Ipv4Route> a = Route(hashed.nodes.Get(0), hashed.leafAddresses[i]);
        Ptr<Ipv4Route> b = Route(plain.nodes.Get(0), plain.leafAddresses[i]);
        REQUIRE(a);
        REQUIRE(b);
        // Same link (the plain star's addresses are 10.1/16 instead of 10.0/16).
        CHECK(a->GetSource().Get() + (1 << 16) == b->GetSource().Get());
        CHECK(a->GetGateway() == b->GetGateway());
        CHECK(a->GetOutputDevice()->GetIfIndex() == b->GetOutputDevice()->GetIfIndex());
    }
    // A destination on no connected network is left to the next protocol (static
    // routing, which has no route either).
    CHECK_FALSE(Route(hashed.nodes.Get(0), Ipv4Address("192.168.7.7")));
    CHECK_FALSE(protocol->RouteOutput(Create<Packet>(), Ipv4Header(), nullptr,
                                      *std::make_unique<Socket::SocketErrno>()));
}

TEST_CASE("scaling: a node's own addresses are routed through its loopback interface")
{
    retrotcp::test::Ns3Fixture fixture;
    Star star = MakeStar(2, true, "10.0.0.0");
    Ptr<Node> leaf = star.nodes.Get(1);
    Ptr<Ipv4Route> route = Route(leaf, star.leafAddresses[0]);
    REQUIRE(route);
    // Never on the wire: the loopback device (interface 0), the address itself as
    // the source.
    CHECK(DynamicCast<LoopbackNetDevice>(route->GetOutputDevice()));
    CHECK(route->GetSource() == star.leafAddresses[0]);
    CHECK(route->GetGateway() == Ipv4Address::GetZero());
    // A neighbour's address still goes out on the link.
    Ptr<Ipv4Route> out = Route(star.nodes.Get(0), star.leafAddresses[0]);
    REQUIRE(out);
    CHECK_FALSE(DynamicCast<LoopbackNetDevice>(out->GetOutputDevice()));
}
