#include "ipv4-host-stack-helper.h"

#include "ipv4-hashed-routing-helper.h"
#include "ns3/abort.h"
#include "ns3/arp-l3-protocol.h"
#include "ns3/global-router-interface.h"
#include "ns3/icmpv4-l4-protocol.h"
#include "ns3/ipv4-global-routing.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-list-routing-helper.h"
#include "ns3/node.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/traffic-control-layer.h"
#include "ns3/udp-l4-protocol.h"

namespace ns3
{

Ipv4HostStackHelper::Ipv4HostStackHelper()
    : m_routing(Ipv4HashedRoutingHelper::MakeListRouting().Copy())
{
}

Ipv4HostStackHelper::~Ipv4HostStackHelper() = default;

Ipv4HostStackHelper::Ipv4HostStackHelper(const Ipv4HostStackHelper& other)
    : m_routing(other.m_routing->Copy())
    , m_udp(other.m_udp)
    , m_tcp(other.m_tcp)
{
}

Ipv4HostStackHelper&
Ipv4HostStackHelper::operator=(const Ipv4HostStackHelper& other)
{
    if (this != &other)
    {
        m_routing.reset(other.m_routing->Copy());
        m_udp = other.m_udp;
        m_tcp = other.m_tcp;
    }
    return *this;
}

void
Ipv4HostStackHelper::SetRoutingHelper(const Ipv4RoutingHelper& routing)
{
    m_routing.reset(routing.Copy());
}

void
Ipv4HostStackHelper::SetUdp(bool install)
{
    m_udp = install;
}

void
Ipv4HostStackHelper::SetTcp(bool install)
{
    m_tcp = install;
}

void
Ipv4HostStackHelper::Install(Ptr<Node> node) const
{
    NS_ABORT_MSG_IF(node->GetObject<Ipv4>(), "node " << node->GetId() << " already has IPv4");
    // InternetStackHelper's order (its NotifyNewAggregate chain wires the layers).
    Ptr<ArpL3Protocol> arp = CreateObject<ArpL3Protocol>();
    node->AggregateObject(arp);
    Ptr<Ipv4L3Protocol> ipv4 = CreateObject<Ipv4L3Protocol>();
    node->AggregateObject(ipv4);
    node->AggregateObject(CreateObject<Icmpv4L4Protocol>());
    ipv4->SetRoutingProtocol(m_routing->Create(node));
    Ptr<TrafficControlLayer> tc = CreateObject<TrafficControlLayer>();
    node->AggregateObject(tc);
    if (m_udp)
    {
        node->AggregateObject(CreateObject<UdpL4Protocol>());
    }
    if (m_tcp)
    {
        node->AggregateObject(CreateObject<TcpL4Protocol>());
    }
    arp->SetTrafficControl(tc);
}

void
Ipv4HostStackHelper::Install(const NodeContainer& nodes) const
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Install(*it);
    }
}

int64_t
Ipv4HostStackHelper::AssignStreams(const NodeContainer& nodes, int64_t stream)
{
    // InternetStackHelper::AssignStreams (ns-3.37), per node: global routing, the
    // IPv6 fragment extension, ARP, ICMPv6.
    int64_t current = stream;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<GlobalRouter> router = (*it)->GetObject<GlobalRouter>();
        if (router && router->GetRoutingProtocol())
        {
            current += router->GetRoutingProtocol()->AssignStreams(current);
        }
        else
        {
            current += GLOBAL_ROUTING_STREAMS;
        }
        current += IPV6_FRAGMENT_STREAMS;
        Ptr<ArpL3Protocol> arp = (*it)->GetObject<ArpL3Protocol>();
        if (arp)
        {
            current += arp->AssignStreams(current);
        }
        current += ICMPV6_STREAMS;
    }
    return current - stream;
}

} // namespace ns3
