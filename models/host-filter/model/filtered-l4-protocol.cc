#include "filtered-l4-protocol.h"

#include "ns3/icmpv4.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/tcp-header.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FilteredL4Protocol");
NS_OBJECT_ENSURE_REGISTERED(FilteredL4Protocol);

TypeId
FilteredL4Protocol::GetTypeId()
{
    static TypeId tid = TypeId("ns3::FilteredL4Protocol")
                            .SetParent<IpL4Protocol>()
                            .SetGroupName("RetroTcp")
                            .AddConstructor<FilteredL4Protocol>();
    return tid;
}

void
FilteredL4Protocol::Wrap(Ptr<IpL4Protocol> inner, Ptr<HostPacketFilter> filter)
{
    m_inner = inner;
    m_filter = filter;
    m_down = inner->GetDownTarget();
    m_down6 = inner->GetDownTarget6();
    inner->SetDownTarget(MakeCallback(&FilteredL4Protocol::SendOut, this));
}

Ptr<IpL4Protocol>
FilteredL4Protocol::GetInner() const
{
    return m_inner;
}

void
FilteredL4Protocol::DoDispose()
{
    m_inner = nullptr;
    m_filter = nullptr;
    m_down = IpL4Protocol::DownTargetCallback();
    m_down6 = IpL4Protocol::DownTargetCallback6();
    IpL4Protocol::DoDispose();
}

int
FilteredL4Protocol::GetProtocolNumber() const
{
    return m_inner->GetProtocolNumber();
}

enum IpL4Protocol::RxStatus
FilteredL4Protocol::Receive(Ptr<Packet> p, const Ipv4Header& header,
                            Ptr<Ipv4Interface> incomingInterface)
{
    HostPacketFilter::Decision decision;
    PacketFilterRule::Action action = m_filter->Decide(PacketFilterRule::IN, header, p, decision);
    switch (action)
    {
    case PacketFilterRule::ACCEPT:
        return m_inner->Receive(p, header, incomingInterface);
    case PacketFilterRule::DROP:
        m_filter->NotifyDropped(decision);
        return IpL4Protocol::RX_OK;
    case PacketFilterRule::REJECT_RESET:
        m_filter->NotifyRejected(decision);
        if (header.GetProtocol() == 6)
        {
            SendReset(header, p);
            return IpL4Protocol::RX_OK;
        }
        // UDP has no reset: the port is closed, as an unbound UDP port answers.
        return IpL4Protocol::RX_ENDPOINT_UNREACH;
    case PacketFilterRule::REJECT_PORT_UNREACH:
        m_filter->NotifyRejected(decision);
        // The IPv4 layer answers RX_ENDPOINT_UNREACH with ICMP port unreachable
        // (RFC 1122 3.2.2.1), as for a UDP port nobody listens on.
        return IpL4Protocol::RX_ENDPOINT_UNREACH;
    case PacketFilterRule::REJECT_HOST_UNREACH:
        m_filter->NotifyRejected(decision);
        SendUnreachable(header, p, Icmpv4DestinationUnreachable::ICMPV4_HOST_UNREACHABLE);
        return IpL4Protocol::RX_OK;
    }
    return IpL4Protocol::RX_OK;
}

enum IpL4Protocol::RxStatus
FilteredL4Protocol::Receive(Ptr<Packet> p, const Ipv6Header& header,
                            Ptr<Ipv6Interface> incomingInterface)
{
    return m_inner->Receive(p, header, incomingInterface); // IPv6 is not filtered
}

void
FilteredL4Protocol::ReceiveIcmp(Ipv4Address icmpSource, uint8_t icmpTtl, uint8_t icmpType,
                                uint8_t icmpCode, uint32_t icmpInfo, Ipv4Address payloadSource,
                                Ipv4Address payloadDestination, const uint8_t payload[8])
{
    m_inner->ReceiveIcmp(icmpSource, icmpTtl, icmpType, icmpCode, icmpInfo, payloadSource,
                         payloadDestination, payload);
}

void
FilteredL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_down = cb;
}

void
FilteredL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_down6 = cb;
    if (m_inner)
    {
        m_inner->SetDownTarget6(cb);
    }
}

IpL4Protocol::DownTargetCallback
FilteredL4Protocol::GetDownTarget() const
{
    return m_down;
}

IpL4Protocol::DownTargetCallback6
FilteredL4Protocol::GetDownTarget6() const
{
    return m_down6;
}

void
FilteredL4Protocol::SendOut(Ptr<Packet> packet, Ipv4Address source, Ipv4Address destination,
                            uint8_t protocol, Ptr<Ipv4Route> route)
{
    Ipv4Header ip;
    ip.SetSource(source);
    ip.SetDestination(destination);
    ip.SetProtocol(protocol);
    HostPacketFilter::Decision decision;
    if (m_filter->Decide(PacketFilterRule::OUT, ip, packet, decision) != PacketFilterRule::ACCEPT)
    {
        // A host does not answer its own packets: every action drops outbound.
        decision.action = PacketFilterRule::DROP;
        m_filter->NotifyDropped(decision);
        return;
    }
    m_down(packet, source, destination, protocol, route);
}

void
FilteredL4Protocol::SendReset(const Ipv4Header& ip, Ptr<const Packet> segment)
{
    // RFC 793 p.36, as a closed port answers: "If the incoming segment has an ACK
    // field, the reset takes its sequence number from the ACK field of the segment,
    // otherwise the reset has sequence number zero and the ACK field is set to the
    // sum of the sequence number and segment length"; never a reset for a reset.
    TcpHeader h;
    segment->PeekHeader(h);
    uint8_t flags = h.GetFlags();
    if (flags & TcpHeader::RST)
    {
        return;
    }
    TcpHeader rst;
    rst.SetSourcePort(h.GetDestinationPort());
    rst.SetDestinationPort(h.GetSourcePort());
    rst.SetWindowSize(0);
    if (flags & TcpHeader::ACK)
    {
        rst.SetFlags(TcpHeader::RST);
        rst.SetSequenceNumber(h.GetAckNumber());
    }
    else
    {
        uint32_t length = segment->GetSize() - h.GetSerializedSize() +
                          ((flags & TcpHeader::SYN) ? 1 : 0) + ((flags & TcpHeader::FIN) ? 1 : 0);
        rst.SetFlags(TcpHeader::RST | TcpHeader::ACK);
        rst.SetSequenceNumber(SequenceNumber32(0));
        rst.SetAckNumber(h.GetSequenceNumber() + length);
    }
    if (Node::ChecksumEnabled())
    {
        rst.EnableChecksums();
        rst.InitializeChecksum(ip.GetDestination(), ip.GetSource(), 6);
    }
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(rst);
    m_down(packet, ip.GetDestination(), ip.GetSource(), 6, nullptr);
}

void
FilteredL4Protocol::SendUnreachable(const Ipv4Header& ip, Ptr<const Packet> packet, uint8_t code)
{
    // RFC 792: the original IP header and the first 8 bytes of its data.
    Ptr<Packet> reply = Create<Packet>();
    Icmpv4DestinationUnreachable unreachable;
    unreachable.SetNextHopMtu(0);
    unreachable.SetHeader(ip);
    unreachable.SetData(packet);
    reply->AddHeader(unreachable);
    Icmpv4Header icmp;
    icmp.SetType(Icmpv4Header::ICMPV4_DEST_UNREACH);
    icmp.SetCode(code);
    if (Node::ChecksumEnabled())
    {
        icmp.EnableChecksum();
    }
    reply->AddHeader(icmp);
    m_down(reply, ip.GetDestination(), ip.GetSource(), 1, nullptr);
}

} // namespace ns3
