#include "host-packet-filter.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/tcp-header.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/udp-header.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HostPacketFilter");
NS_OBJECT_ENSURE_REGISTERED(HostPacketFilter);

TypeId
HostPacketFilter::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HostPacketFilter")
            .SetParent<Object>()
            .SetGroupName("RetroTcp")
            .AddConstructor<HostPacketFilter>()
            .AddTraceSource("Dropped", "A packet was dropped by a rule.",
                            MakeTraceSourceAccessor(&HostPacketFilter::m_droppedTrace),
                            "ns3::HostPacketFilter::DecisionTracedCallback")
            .AddTraceSource("Rejected", "A packet was rejected (answered) by a rule.",
                            MakeTraceSourceAccessor(&HostPacketFilter::m_rejectedTrace),
                            "ns3::HostPacketFilter::DecisionTracedCallback");
    return tid;
}

const char*
PacketFilterActionName(PacketFilterRule::Action action)
{
    switch (action)
    {
    case PacketFilterRule::DROP:
        return "drop";
    case PacketFilterRule::REJECT_RESET:
        return "reject-reset";
    case PacketFilterRule::REJECT_PORT_UNREACH:
        return "reject-port-unreachable";
    case PacketFilterRule::REJECT_HOST_UNREACH:
        return "reject-host-unreachable";
    case PacketFilterRule::ACCEPT:
        return "accept";
    }
    return "accept";
}

void
HostPacketFilter::AddRule(const PacketFilterRule& rule)
{
    m_rules.push_back(rule);
}

const std::vector<PacketFilterRule>&
HostPacketFilter::GetRules() const
{
    return m_rules;
}

PacketFilterRule::Action
HostPacketFilter::Decide(PacketFilterRule::Direction direction, const Ipv4Header& ip,
                         Ptr<const Packet> packet, Decision& decision) const
{
    const uint8_t protocol = ip.GetProtocol();
    uint16_t source = 0;
    uint16_t destination = 0;
    uint8_t flags = 0;
    if (protocol == 6)
    {
        TcpHeader tcp;
        if (packet->PeekHeader(tcp) == 0)
        {
            return PacketFilterRule::ACCEPT;
        }
        source = tcp.GetSourcePort();
        destination = tcp.GetDestinationPort();
        flags = tcp.GetFlags();
    }
    else if (protocol == 17)
    {
        UdpHeader udp;
        if (packet->PeekHeader(udp) == 0)
        {
            return PacketFilterRule::ACCEPT;
        }
        source = udp.GetSourcePort();
        destination = udp.GetDestinationPort();
    }
    else
    {
        return PacketFilterRule::ACCEPT;
    }
    const bool in = direction == PacketFilterRule::IN;
    decision.direction = direction;
    decision.protocol = protocol;
    decision.localAddress = in ? ip.GetDestination() : ip.GetSource();
    decision.remoteAddress = in ? ip.GetSource() : ip.GetDestination();
    decision.localPort = in ? destination : source;
    decision.remotePort = in ? source : destination;
    decision.tcpFlags = flags;
    const Time now = Simulator::Now();
    for (uint32_t i = 0; i < m_rules.size(); ++i)
    {
        const PacketFilterRule& r = m_rules[i];
        bool matches = (r.direction == PacketFilterRule::BOTH || r.direction == direction) &&
                       (r.protocol == PacketFilterRule::ANY ||
                        (r.protocol == PacketFilterRule::TCP) == (protocol == 6)) &&
                       decision.localPort >= r.localFirst && decision.localPort <= r.localLast &&
                       decision.remotePort >= r.remoteFirst &&
                       decision.remotePort <= r.remoteLast &&
                       (!r.synOnly ||
                        (protocol == 6 && (flags & TcpHeader::SYN) && !(flags & TcpHeader::ACK))) &&
                       now >= r.from && (r.until.IsNegative() || now < r.until);
        if (matches)
        {
            decision.rule = i;
            decision.action = r.action;
            return r.action;
        }
    }
    return PacketFilterRule::ACCEPT;
}

void
HostPacketFilter::NotifyDropped(const Decision& decision) const
{
    NS_LOG_LOGIC("rule " << decision.rule << " drops " << decision.remoteAddress << ":"
                         << decision.remotePort << " <-> :" << decision.localPort);
    m_droppedTrace(decision);
}

void
HostPacketFilter::NotifyRejected(const Decision& decision) const
{
    NS_LOG_LOGIC("rule " << decision.rule << " rejects " << decision.remoteAddress << ":"
                         << decision.remotePort << " -> :" << decision.localPort);
    m_rejectedTrace(decision);
}

} // namespace ns3
