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

/// The routing of a star's nodes: ns-3's default (static and global routing),
/// hashed routing first in a list, or hashed routing alone.
enum class Routing
{
    Default,
    List,
    Alone
};

Star
MakeStar(uint32_t n, Routing routing, const char* base)
{
    Star star;
    star.nodes.Create(n + 1);
    InternetStackHelper internet;
    if (routing == Routing::List)
    {
        internet.SetRoutingHelper(Ipv4HashedRoutingHelper::MakeListRouting());
    }
    else if (routing == Routing::Alone)
    {
        internet.SetRoutingHelper(Ipv4HashedRoutingHelper());
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
Route(Ptr<Node> node, Ipv4Address destination, Socket::SocketErrno* error = nullptr)
{
    Ipv4Header header;
    header.SetDestination(destination);
    Socket::SocketErrno err = Socket::ERROR_NOTERROR;
    Ptr<Ipv4Route> route = node->GetObject<Ipv4>()->GetRoutingProtocol()->RouteOutput(
        Create<Packet>(), header, nullptr, err);
    if (error)
    {
        *error = err;
    }
    return route;
}

// What RouteInput did with one packet: the callbacks it called and its answer.
struct InputOutcome
{
    int delivered{0};
    int forwarded{0};
    int errors{0};
    Socket::SocketErrno lastError{Socket::ERROR_NOTERROR};
    bool answered{false};
};

InputOutcome* g_outcome = nullptr;

void
Deliver(Ptr<const Packet>, const Ipv4Header&, uint32_t)
{
    ++g_outcome->delivered;
}

void
Forward(Ptr<Ipv4Route>, Ptr<const Packet>, const Ipv4Header&)
{
    ++g_outcome->forwarded;
}

void
Multicast(Ptr<Ipv4MulticastRoute>, Ptr<const Packet>, const Ipv4Header&)
{
    ++g_outcome->forwarded;
}

void
Error(Ptr<const Packet>, const Ipv4Header&, Socket::SocketErrno error)
{
    ++g_outcome->errors;
    g_outcome->lastError = error;
}

InputOutcome
Input(Ptr<Node> node, Ipv4Address destination)
{
    InputOutcome outcome;
    g_outcome = &outcome;
    Ipv4Header header;
    header.SetDestination(destination);
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    outcome.answered = ipv4->GetRoutingProtocol()->RouteInput(
        Create<Packet>(), header, ipv4->GetNetDevice(1), MakeCallback(&Forward),
        MakeCallback(&Multicast), MakeCallback(&Deliver), MakeCallback(&Error));
    g_outcome = nullptr;
    return outcome;
}
} // namespace

TEST_CASE("scaling: hashed routing returns the routes static routing returns")
{
    retrotcp::test::Ns3Fixture fixture;
    Star hashed = MakeStar(50, Routing::List, "10.0.0.0");
    Star plain = MakeStar(50, Routing::Default, "10.1.0.0");
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
    Star star = MakeStar(2, Routing::List, "10.0.0.0");
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

TEST_CASE("scaling: hashed routing alone routes, delivers and refuses as under a list")
{
    retrotcp::test::Ns3Fixture fixture;
    Star list = MakeStar(3, Routing::List, "10.0.0.0");
    Star alone = MakeStar(3, Routing::Alone, "10.1.0.0");
    REQUIRE(DynamicCast<Ipv4HashedRouting>(
        alone.nodes.Get(1)->GetObject<Ipv4>()->GetRoutingProtocol()));
    const uint32_t shift = 1 << 16; // alone's addresses: 10.1/16 for list's 10.0/16

    // Output: the same route to every neighbour, to 127.0.0.1 (static routing's
    // route for 127.0.0.0/8 under the list) and none off the LAN, with the list's
    // error.
    for (size_t i = 0; i < list.leafAddresses.size(); ++i)
    {
        Ptr<Ipv4Route> a = Route(list.nodes.Get(0), list.leafAddresses[i]);
        Ptr<Ipv4Route> b =
            Route(alone.nodes.Get(0), Ipv4Address(list.leafAddresses[i].Get() + shift));
        REQUIRE(a);
        REQUIRE(b);
        CHECK(a->GetSource().Get() + shift == b->GetSource().Get());
        CHECK(a->GetOutputDevice()->GetIfIndex() == b->GetOutputDevice()->GetIfIndex());
    }
    Ptr<Ipv4Route> a = Route(list.nodes.Get(1), Ipv4Address::GetLoopback());
    Ptr<Ipv4Route> b = Route(alone.nodes.Get(1), Ipv4Address::GetLoopback());
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->GetSource() == Ipv4Address::GetLoopback());
    CHECK(b->GetSource() == a->GetSource());
    CHECK(b->GetGateway() == a->GetGateway());
    CHECK(DynamicCast<LoopbackNetDevice>(a->GetOutputDevice()));
    CHECK(DynamicCast<LoopbackNetDevice>(b->GetOutputDevice()));
    Socket::SocketErrno errA = Socket::ERROR_NOTERROR;
    Socket::SocketErrno errB = Socket::ERROR_NOTERROR;
    CHECK_FALSE(Route(list.nodes.Get(1), Ipv4Address("192.168.7.7"), &errA));
    CHECK_FALSE(Route(alone.nodes.Get(1), Ipv4Address("192.168.7.7"), &errB));
    CHECK(errA == Socket::ERROR_NOROUTETOHOST);
    CHECK(errB == errA);

    // Input at a leaf: its own address and the broadcasts are delivered once;
    // another address is neither delivered nor routed (ns-3 hosts forward by
    // default; there is no route off the /30), and once forwarding is off, it gets
    // the list's error. At the hub, a packet for another leaf is forwarded.
    Ipv4Address own = list.leafAddresses[0];
    struct Probe
    {
        uint32_t node;
        Ipv4Address destination;
        bool forwarding;
        int delivered;
        int forwarded;
        int errors;
    };
    for (const Probe& probe :
         {Probe{1, own, true, 1, 0, 0}, Probe{1, Ipv4Address::GetBroadcast(), true, 1, 0, 0},
          Probe{1, Ipv4Address(own.Get() | 3), true, 1, 0, 0}, // /30 broadcast
          Probe{1, list.leafAddresses[1], true, 0, 0, 0},
          // the hub's end of the leaf's own link: forwarded back out of the
          // interface it came in on, as static routing forwards it
          Probe{1, Ipv4Address(own.Get() - 1), true, 0, 1, 0},
          Probe{0, list.leafAddresses[1], true, 0, 1, 0},
          Probe{1, list.leafAddresses[1], false, 0, 0, 1}, Probe{1, own, false, 1, 0, 0}})
    {
        INFO("node " << probe.node << ", destination " << probe.destination << ", forwarding "
                     << probe.forwarding);
        Ipv4Address shifted = probe.destination.IsBroadcast()
                                  ? probe.destination
                                  : Ipv4Address(probe.destination.Get() + shift);
        for (Star* star : {&list, &alone})
        {
            star->nodes.Get(probe.node)->GetObject<Ipv4>()->SetForwarding(1, probe.forwarding);
        }
        InputOutcome x = Input(list.nodes.Get(probe.node), probe.destination);
        InputOutcome y = Input(alone.nodes.Get(probe.node), shifted);
        CHECK(x.delivered == probe.delivered);
        CHECK(x.forwarded == probe.forwarded);
        CHECK(x.errors == probe.errors);
        CHECK(y.delivered == x.delivered);
        CHECK(y.forwarded == x.forwarded);
        CHECK(y.errors == x.errors);
        CHECK(y.lastError == x.lastError);
        CHECK(y.answered == x.answered);
    }
}
