// Connected routes by hash on a server with one point-to-point link per client.
//
// A star of 1,000 leaves around one server, each link its own /30. ns-3's
// Ipv4StaticRouting would scan every connected route for every packet the server
// sends; Ipv4HashedRouting (installed first in the list by
// Ipv4HashedRoutingHelper::MakeListRouting) finds the route in one probe per
// prefix length and falls through to static routing for anything else. The
// example prints what it knows and the routes it returns for a few leaves, and
// leaves an address on no connected network to the next protocol.
//
// Usage: hashed-routing-star [--leaves=1000]
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/scaling-module.h"

#include <iostream>

using namespace ns3;

namespace
{

void
PrintRoute(Ptr<Node> server, Ipv4Address destination)
{
    Ipv4Header header;
    header.SetDestination(destination);
    Socket::SocketErrno error;
    Ptr<Ipv4Route> route = server->GetObject<Ipv4>()->GetRoutingProtocol()->RouteOutput(
        Create<Packet>(), header, nullptr, error);
    std::cout << "  to " << destination << ": ";
    if (route)
    {
        std::cout << "interface " << route->GetOutputDevice()->GetIfIndex() << ", source "
                  << route->GetSource() << ", gateway " << route->GetGateway() << "\n";
    }
    else
    {
        std::cout << "no route\n";
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t leaves = 1000;
    CommandLine cmd(__FILE__);
    cmd.AddValue("leaves", "clients around the server", leaves);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(leaves + 1);
    InternetStackHelper internet;
    internet.SetRoutingHelper(Ipv4HashedRoutingHelper::MakeListRouting());
    internet.Install(nodes);
    PointToPointHelper link;
    Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.252");
    std::vector<Ipv4Address> leafAddresses;
    for (uint32_t i = 1; i <= leaves; ++i)
    {
        Ipv4InterfaceContainer ifs = addresses.Assign(link.Install(nodes.Get(0), nodes.Get(i)));
        addresses.NewNetwork();
        leafAddresses.push_back(ifs.GetAddress(1));
    }

    Ptr<Ipv4ListRouting> list =
        DynamicCast<Ipv4ListRouting>(nodes.Get(0)->GetObject<Ipv4>()->GetRoutingProtocol());
    int16_t priority = 0;
    Ptr<Ipv4HashedRouting> hashed =
        DynamicCast<Ipv4HashedRouting>(list->GetRoutingProtocol(0, priority));
    PrintRoute(nodes.Get(0), leafAddresses.front()); // builds the tables
    std::cout << "server: " << list->GetNRoutingProtocols()
              << " routing protocols, the first Ipv4HashedRouting (priority " << priority
              << ") with " << hashed->GetNConnectedNetworks() << " connected networks\n";
    PrintRoute(nodes.Get(0), leafAddresses[leaves / 2]);
    PrintRoute(nodes.Get(0), leafAddresses.back());
    PrintRoute(nodes.Get(0), Ipv4Address("192.168.7.7"));
    Simulator::Destroy();
    return 0;
}
