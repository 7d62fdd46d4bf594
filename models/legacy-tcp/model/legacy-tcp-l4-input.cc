// LegacyTcpL4Protocol: segment arrival (demultiplexing, unmatched segments, TIME-WAIT).
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-socket.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpL4Input");

enum IpL4Protocol::RxStatus
LegacyTcpL4Protocol::Receive(Ptr<Packet> p, const Ipv4Header& ipHeader,
                             Ptr<Ipv4Interface> /* incomingInterface */)
{
    if (!m_poweredOn)
    {
        return IpL4Protocol::RX_OK; // switched off: nothing is there to answer
    }
    Ipv4Address remote = ipHeader.GetSource();
    Ipv4Address local = ipHeader.GetDestination();
    TcpHeader h;
    if (Node::ChecksumEnabled())
    {
        h.EnableChecksums();
        h.InitializeChecksum(remote, local, PROT_NUMBER);
    }
    // One deserialisation (the checksum is computed as the header is read); a
    // segment that fails it is dropped, so it does not matter that it is consumed.
    p->RemoveHeader(h);
    if (!h.IsChecksumOk())
    {
        NS_LOG_INFO("bad checksum, segment dropped");
        return IpL4Protocol::RX_CSUM_FAILED;
    }
    NS_LOG_LOGIC("recv " << remote << " -> " << local << " " << h);

    // Hash demultiplexing: connection, then TIME-WAIT record, then listener.
    LegacyTcpFourTuple key =
        LegacyTcpFourTuple::Make(local, h.GetDestinationPort(), remote, h.GetSourcePort());
    auto it = m_connections.find(key);
    if (it != m_connections.end())
    {
        Ptr<LegacyTcpSocket> socket = it->second; // keep alive while it runs
        socket->ReceiveSegment(p, h, remote, local);
        return IpL4Protocol::RX_OK;
    }
    TimeWaitRecord* record = m_timeWait.Find(key);
    if (record)
    {
        ReceiveTimeWait(key, *record, p, h);
        return IpL4Protocol::RX_OK;
    }
    Ptr<LegacyTcpSocket> listener = FindListener(h.GetDestinationPort(), local);
    if (listener)
    {
        listener->ReceiveSegment(p, h, remote, local);
        return IpL4Protocol::RX_OK;
    }
    // RFC 793 p.36: "If the connection does not exist (CLOSED) then a reset is sent
    // in response to any incoming segment except another reset."
    SendRstFor(h, p->GetSize(), key, LegacyTcpCause::NoConnection);
    return IpL4Protocol::RX_ENDPOINT_CLOSED;
}

enum IpL4Protocol::RxStatus
LegacyTcpL4Protocol::Receive(Ptr<Packet> /* p */, const Ipv6Header& /* header */,
                             Ptr<Ipv6Interface> /* incomingInterface */)
{
    // Legacy stacks are IPv4 only.
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

void
LegacyTcpL4Protocol::ReceiveIcmp(Ipv4Address icmpSource, uint8_t /* icmpTtl */, uint8_t icmpType,
                                 uint8_t icmpCode, uint32_t /* icmpInfo */,
                                 Ipv4Address payloadSource, Ipv4Address payloadDestination,
                                 const uint8_t payload[8])
{
    // RFC 792: the error carries our IP header and the first 8 bytes of our segment:
    // source port, destination port, sequence number.
    uint16_t sport = uint16_t(payload[0] << 8 | payload[1]);
    uint16_t dport = uint16_t(payload[2] << 8 | payload[3]);
    uint32_t seq = uint32_t(payload[4]) << 24 | uint32_t(payload[5]) << 16 |
                   uint32_t(payload[6]) << 8 | uint32_t(payload[7]);
    LegacyTcpFourTuple key =
        LegacyTcpFourTuple::Make(payloadSource, sport, payloadDestination, dport);
    auto it = m_connections.find(key);
    if (it == m_connections.end())
    {
        return;
    }
    NS_LOG_LOGIC("ICMP type " << unsigned(icmpType) << " code " << unsigned(icmpCode) << " from "
                              << icmpSource);
    Ptr<LegacyTcpSocket> socket = it->second; // keep alive while it runs
    socket->ReceiveIcmpError(icmpType, icmpCode, SequenceNumber32(seq));
}

void
LegacyTcpL4Protocol::ReceiveTimeWait(const LegacyTcpFourTuple& key, TimeWaitRecord& record,
                                     Ptr<Packet> p, const TcpHeader& h)
{
    uint8_t flags = h.GetFlags();
    Ipv4Address local(key.localAddress);
    Ipv4Address remote(key.remoteAddress);
    // RFC 793 p.69: "If an incoming segment is not acceptable, an acknowledgment
    // should be sent in reply (unless the RST bit is set ...): <SEQ=SND.NXT>
    // <ACK=RCV.NXT><CTL=ACK>". A SYN that cannot reopen the connection is such a
    // segment; it does not restart the 2 MSL timer.
    auto reject = [&](const TimeWaitRecord& r, LegacyTcpCause cause) {
        LegacyTcpEvent event =
            LegacyTcpEvent::For(LegacyTcpEventType::ReopenRejected, r.connectionId, key);
        event.cause = cause;
        Emit(event);
        SendTimeWaitAck(key, r);
    };
    if (flags & TcpHeader::RST)
    {
        // RFC 1337 ("TIME-WAIT assassination"): ignore resets in TIME-WAIT.
        NS_LOG_LOGIC("RST ignored in TIME_WAIT");
        return;
    }
    if ((flags & TcpHeader::SYN) && !(flags & TcpHeader::ACK))
    {
        // RFC 1122 4.2.2.13: "it MAY accept a new SYN from the remote TCP to reopen
        // the connection directly from TIME-WAIT state, if it: (1) assigns its
        // initial sequence number for the new connection to be larger than the
        // largest sequence number it used on the previous connection incarnation,
        // and (2) returns to TIME-WAIT state if the SYN turns out to be an old
        // duplicate."
        if (!m_config->timeWaitReopen)
        {
            reject(record, LegacyTcpCause::ReopenDisabled);
            return;
        }
        if (!(h.GetSequenceNumber() > record.rcvNxt))
        {
            reject(record, LegacyTcpCause::OldSequence);
            return;
        }
        Ptr<LegacyTcpSocket> listener = FindListener(key.localPort, local);
        if (!listener)
        {
            reject(record, LegacyTcpCause::NoListener);
            return;
        }
        TimeWaitRecord old;
        m_timeWait.Remove(key, old);
        if (!listener->ForkOnSyn(h, remote, local, &old))
        {
            m_timeWait.Restore(key, old);
            // `record` went with the removal: answer from the restored copy.
            reject(old, LegacyTcpCause::RefusedByApplication);
        }
        return;
    }
    if (flags & TcpHeader::FIN)
    {
        // RFC 793 p.73: in TIME-WAIT "the only thing that can arrive in this state is
        // a retransmission of the remote FIN. Acknowledge it, and restart the 2 MSL
        // timeout."
        SendTimeWaitAck(key, record);
        m_timeWait.Restart(key, GetTimeWaitDuration());
        Emit(LegacyTcpEvent::For(LegacyTcpEventType::TimeWaitFinReacked, record.connectionId, key));
        return;
    }
    if (p->GetSize() > 0 || (flags & TcpHeader::SYN))
    {
        SendTimeWaitAck(key, record); // not acceptable: RFC 793 p.69, as above
    }
}

void
LegacyTcpL4Protocol::SendTimeWaitAck(const LegacyTcpFourTuple& key, const TimeWaitRecord& record)
{
    TcpHeader ack;
    ack.SetSourcePort(key.localPort);
    ack.SetDestinationPort(key.remotePort);
    ack.SetFlags(TcpHeader::ACK);
    ack.SetSequenceNumber(record.sndNxt);
    ack.SetAckNumber(record.rcvNxt);
    ack.SetWindowSize(static_cast<uint16_t>(std::min<uint32_t>(m_config->receiveWindow, 65535)));
    SendSegment(nullptr, ack, Ipv4Address(key.localAddress), Ipv4Address(key.remoteAddress));
}

Ptr<LegacyTcpSocket>
LegacyTcpL4Protocol::FindListener(uint16_t port, Ipv4Address local) const
{
    auto it = m_listeners.find(port);
    if (it == m_listeners.end())
    {
        return nullptr;
    }
    Ipv4Address bound = it->second->GetLocalAddress();
    if (bound != Ipv4Address::GetAny() && bound != local)
    {
        return nullptr;
    }
    return it->second;
}

void
LegacyTcpL4Protocol::TimeWaitExpired(const LegacyTcpFourTuple& key, const TimeWaitRecord& record)
{
    NS_LOG_INFO("connection " << record.connectionId << ": TIME_WAIT -> CLOSED (2MSL timer)");
    Emit(LegacyTcpEvent::For(LegacyTcpEventType::TimeWaitExit, record.connectionId, key));
    ReleaseTimeWait(key, record, LegacyTcpCause::TimeWaitEnded);
}

void
LegacyTcpL4Protocol::ReleaseTimeWait(const LegacyTcpFourTuple& key, const TimeWaitRecord& record,
                                     LegacyTcpCause cause)
{
    // The record's end, whatever ends it: its port and block are free again.
    m_ports.Release(key.localPort);
    FreeBlock(record.connectionId, key);
    LegacyTcpEvent closed =
        LegacyTcpEvent::For(LegacyTcpEventType::Closed, record.connectionId, key);
    closed.cause = cause;
    Emit(closed);
}

} // namespace ns3
