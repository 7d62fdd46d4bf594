#include "crafted-segment-application.h"

#include "legacy-tcp-l4-protocol.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/log.h"
#include "ns3/node-list.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CraftedSegmentApplication");

NS_OBJECT_ENSURE_REGISTERED(CraftedSegmentApplication);

TypeId
CraftedSegmentApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::CraftedSegmentApplication")
            .SetParent<Application>()
            .SetGroupName("Applications")
            .AddConstructor<CraftedSegmentApplication>()
            .AddAttribute("Remote", "The target: address (InetSocketAddress) and port.",
                          AddressValue(), MakeAddressAccessor(&CraftedSegmentApplication::m_remote),
                          MakeAddressChecker())
            .AddAttribute("SourcePort",
                          "This host's port when it speaks as itself. Default: assumption, "
                          "a port above every profile's ephemeral range (1025-5000 on "
                          "Windows) and below Linux's (32768-60999).",
                          UintegerValue(20000),
                          MakeUintegerAccessor(&CraftedSegmentApplication::m_sourcePort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("Spoof",
                          "Claimed source host: the segments come from the remote end of "
                          "the target's newest connection with it; 0.0.0.0 = this host.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&CraftedSegmentApplication::m_spoof),
                          MakeIpv4AddressChecker())
            .AddTraceSource("Sent", "A scripted segment was sent (step, header, payload).",
                            MakeTraceSourceAccessor(&CraftedSegmentApplication::m_sentTrace),
                            "ns3::CraftedSegmentApplication::SegmentTracedCallback")
            .AddTraceSource("Reply",
                            "The target sent a segment to the claimed source (last step "
                            "sent, header, payload).",
                            MakeTraceSourceAccessor(&CraftedSegmentApplication::m_replyTrace),
                            "ns3::CraftedSegmentApplication::SegmentTracedCallback")
            .AddTraceSource("Skipped", "A step could not be sent (step, reason).",
                            MakeTraceSourceAccessor(&CraftedSegmentApplication::m_skippedTrace),
                            "ns3::CraftedSegmentApplication::SkippedTracedCallback");
    return tid;
}

CraftedSegmentApplication::CraftedSegmentApplication()
    : m_sourcePort(20000)
{
}

CraftedSegmentApplication::~CraftedSegmentApplication() = default;

void
CraftedSegmentApplication::SetScript(const std::vector<CraftedSegment>& script)
{
    m_script = script;
}

void
CraftedSegmentApplication::DoDispose()
{
    m_target = nullptr;
    m_targetTcp = nullptr;
    m_silenced = nullptr;
    Application::DoDispose();
}

void
CraftedSegmentApplication::StartApplication()
{
    InetSocketAddress remote = InetSocketAddress::ConvertFrom(m_remote);
    m_targetAddress = remote.GetIpv4();
    m_targetPort = remote.GetPort();
    for (uint32_t i = 0; i < NodeList::GetNNodes() && !m_target; ++i)
    {
        Ptr<Node> node = NodeList::GetNode(i);
        Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
        if (node != GetNode() && ipv4 && ipv4->GetInterfaceForAddress(m_targetAddress) >= 0)
        {
            m_target = node;
        }
    }
    if (m_target)
    {
        m_targetTcp = m_target->GetObject<LegacyTcpL4Protocol>();
        m_target->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "Tx", MakeCallback(&CraftedSegmentApplication::TargetTx, this));
    }
    Ptr<Ipv4> ipv4 = GetNode()->GetObject<Ipv4>();
    if (m_spoof == Ipv4Address::GetAny())
    {
        // Speaking as this host: its own TCP would reset every reply it did not
        // expect, so it leaves the IP layer until the application stops.
        m_silenced = ipv4->GetProtocol(TcpL4Protocol::PROT_NUMBER);
        if (m_silenced)
        {
            ipv4->Remove(m_silenced);
        }
    }
    for (uint32_t i = 0; i < m_script.size(); ++i)
    {
        m_events.push_back(
            Simulator::Schedule(m_script[i].at, &CraftedSegmentApplication::SendStep, this, i));
    }
}

void
CraftedSegmentApplication::StopApplication()
{
    for (auto& e : m_events)
    {
        e.Cancel();
    }
    m_events.clear();
    if (m_target)
    {
        m_target->GetObject<Ipv4L3Protocol>()->TraceDisconnectWithoutContext(
            "Tx", MakeCallback(&CraftedSegmentApplication::TargetTx, this));
    }
    if (m_silenced)
    {
        GetNode()->GetObject<Ipv4>()->Insert(m_silenced);
        m_silenced = nullptr;
    }
}

Ipv4Address
CraftedSegmentApplication::OwnAddress() const
{
    Ptr<Ipv4> ipv4 = GetNode()->GetObject<Ipv4>();
    Ipv4Header probe;
    probe.SetDestination(m_targetAddress);
    probe.SetProtocol(TcpL4Protocol::PROT_NUMBER);
    Socket::SocketErrno error;
    Ptr<Ipv4Route> route = ipv4->GetRoutingProtocol()->RouteOutput(nullptr, probe, nullptr, error);
    return route ? route->GetSource() : Ipv4Address::GetAny();
}

std::optional<uint32_t>
CraftedSegmentApplication::Resolve(const CraftedNumber& n, std::string& reason) const
{
    uint32_t base = 0;
    if (n.NeedsReply())
    {
        if (!m_reply)
        {
            reason = "no_reply";
            return std::nullopt;
        }
        uint8_t f = m_reply->GetFlags();
        uint32_t next = m_reply->GetSequenceNumber().GetValue() + m_replyLength +
                        ((f & TcpHeader::SYN) ? 1 : 0) + ((f & TcpHeader::FIN) ? 1 : 0);
        base = n.base == CraftedBase::ReplySeq   ? m_reply->GetSequenceNumber().GetValue()
               : n.base == CraftedBase::ReplyAck ? m_reply->GetAckNumber().GetValue()
                                                 : next;
    }
    else if (n.NeedsTarget())
    {
        if (!m_targetTcp)
        {
            reason = "no_legacy_stack";
            return std::nullopt;
        }
        auto s = m_targetTcp->GetConnectionState(LegacyTcpFourTuple::Make(
            m_targetAddress, m_targetPort, m_claimedAddress, m_claimedPort));
        if (!s)
        {
            reason = "no_connection";
            return std::nullopt;
        }
        switch (n.base)
        {
        case CraftedBase::TargetSndUna:
            base = s->sndUna.GetValue();
            break;
        case CraftedBase::TargetSndNxt:
            base = s->sndNxt.GetValue();
            break;
        case CraftedBase::TargetRcvNxt:
            base = s->rcvNxt.GetValue();
            break;
        case CraftedBase::TargetIss:
            base = s->iss.GetValue();
            break;
        default:
            base = s->irs.GetValue();
            break;
        }
    }
    return static_cast<uint32_t>(base + static_cast<uint64_t>(n.offset));
}

void
CraftedSegmentApplication::SendStep(uint32_t index)
{
    const CraftedSegment& step = m_script[index];
    uint32_t number = index + 1;
    if (!m_target)
    {
        m_skippedTrace(number, "no_target");
        return;
    }
    if (m_spoof == Ipv4Address::GetAny())
    {
        m_claimedAddress = OwnAddress();
        m_claimedPort = m_sourcePort;
    }
    else
    {
        // The remote end of the target's newest connection with the claimed host.
        auto s =
            m_targetTcp ? m_targetTcp->FindConnectionState(m_targetPort, m_spoof) : std::nullopt;
        if (!s)
        {
            m_skippedTrace(number, m_targetTcp ? "no_connection" : "no_legacy_stack");
            return;
        }
        m_claimedAddress = m_spoof;
        m_claimedPort = s->key.remotePort;
    }
    std::string reason;
    auto seq = Resolve(step.seq, reason);
    auto ack =
        (step.flags & TcpHeader::ACK) ? Resolve(step.ack, reason) : std::optional<uint32_t>(0);
    if (!seq || !ack)
    {
        m_skippedTrace(number, reason);
        return;
    }
    TcpHeader h;
    h.SetSourcePort(m_claimedPort);
    h.SetDestinationPort(m_targetPort);
    h.SetFlags(step.flags);
    h.SetSequenceNumber(SequenceNumber32(*seq));
    h.SetAckNumber(SequenceNumber32(*ack));
    h.SetWindowSize(step.window);
    h.EnableChecksums();
    h.InitializeChecksum(m_claimedAddress, m_targetAddress, TcpL4Protocol::PROT_NUMBER);
    Ptr<Packet> packet = Create<Packet>(step.length);
    packet->AddHeader(h);

    Ptr<Ipv4> ipv4 = GetNode()->GetObject<Ipv4>();
    Ipv4Header probe;
    probe.SetDestination(m_targetAddress);
    probe.SetProtocol(TcpL4Protocol::PROT_NUMBER);
    Socket::SocketErrno error;
    Ptr<Ipv4Route> route = ipv4->GetRoutingProtocol()->RouteOutput(packet, probe, nullptr, error);
    if (!route)
    {
        m_skippedTrace(number, "no_route");
        return;
    }
    m_lastStep = number;
    m_sentTrace(number, h, step.length);
    ipv4->Send(packet, m_claimedAddress, m_targetAddress, TcpL4Protocol::PROT_NUMBER, route);
}

void
CraftedSegmentApplication::TargetTx(Ptr<const Packet> packet, Ptr<Ipv4>, uint32_t)
{
    if (m_lastStep == 0)
    {
        return;
    }
    Ptr<Packet> copy = packet->Copy();
    Ipv4Header ip;
    copy->RemoveHeader(ip);
    if (ip.GetProtocol() != TcpL4Protocol::PROT_NUMBER || ip.GetDestination() != m_claimedAddress ||
        ip.GetFragmentOffset() != 0)
    {
        return;
    }
    TcpHeader h;
    copy->RemoveHeader(h);
    if (h.GetSourcePort() != m_targetPort || h.GetDestinationPort() != m_claimedPort)
    {
        return;
    }
    m_reply = h;
    m_replyLength = copy->GetSize();
    m_replyTrace(m_lastStep, h, m_replyLength);
}

} // namespace ns3
