// LegacyTcpSocket: segment arrival on a listener (RFC 793 p.65-66, LISTEN), the
// passive open, and the RFC 1122 reopen of a connection in TIME-WAIT.
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-socket.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpSocketPassive");

void
LegacyTcpSocket::ProcessListen(const TcpHeader& h, uint32_t /* dataLength */, Ipv4Address from,
                               Ipv4Address to)
{
    uint8_t flags = h.GetFlags();
    // RFC 793 p.65: "An incoming RST should be ignored."
    if (flags & TcpHeader::RST)
    {
        return;
    }
    // "Any acknowledgment is bad if it arrives on a connection still in the LISTEN
    // state. An acceptable reset segment should be formed: <SEQ=SEG.ACK><CTL=RST>"
    if (flags & TcpHeader::ACK)
    {
        m_tcp->SendRstFor(
            h, 0, LegacyTcpFourTuple::Make(to, h.GetDestinationPort(), from, h.GetSourcePort()),
            LegacyTcpCause::AckInListen);
        return;
    }
    if (flags & TcpHeader::SYN)
    {
        ForkOnSyn(h, from, to, nullptr);
    }
}

bool
LegacyTcpSocket::ForkOnSyn(const TcpHeader& h, Ipv4Address from, Ipv4Address to,
                           const TimeWaitRecord* reopen)
{
    LegacyTcpFourTuple key =
        LegacyTcpFourTuple::Make(to, h.GetDestinationPort(), from, h.GetSourcePort());
    // <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> as for a CLOSED connection.
    auto refuse = [&](LegacyTcpCause cause) { m_tcp->SendRstFor(h, 0, key, cause); };

    Ptr<LegacyTcpSocket> child = CopyObject<LegacyTcpSocket>(this);
    child->m_connectionId = m_tcp->NextConnectionId();
    child->m_localAddress = to;
    child->m_localPort = h.GetDestinationPort();
    child->m_remoteAddress = from;
    child->m_remotePort = h.GetSourcePort();

    if (!reopen)
    {
        // Rule LT-POOL: a SYN accepted on a listener takes a block. RFC 793 p.36:
        // without a TCB "the connection does not exist (CLOSED)" and "SYNs addressed
        // to a non-existent connection are rejected by this means" (a reset).
        if (!child->m_holdings.TakeBlock(child->m_connectionId, key))
        {
            if (Cfg().poolFullSyn == LegacyTcpL4Protocol::SYN_REFUSE)
            {
                refuse(LegacyTcpCause::PoolExhausted);
            }
            return false;
        }
    }
    if (!NotifyConnectionRequest(InetSocketAddress(from, h.GetSourcePort())))
    {
        if (!reopen)
        {
            child->m_holdings.FreeBlock(child->m_connectionId, key);
            refuse(LegacyTcpCause::RefusedByApplication);
        }
        return false;
    }
    if (reopen)
    {
        child->m_holdings.AdoptFromTimeWait(); // the record's block and port reference
    }
    else
    {
        child->m_holdings.SharePort(child->m_localPort);
    }
    child->m_listener = this;
    child->m_holdings.Register(key, child);

    SequenceNumber32 iss = m_tcp->NextIsn(key);
    if (reopen)
    {
        // RFC 1122 4.2.2.13 (1): the new ISN must be "larger than the largest sequence
        // number it used on the previous connection incarnation".
        SequenceNumber32 floor = reopen->sndNxt + Cfg().reopenIsnMargin;
        if (!(iss > floor))
        {
            iss = floor;
        }
        child->m_reopened = true;
        child->m_reopenRecord = *reopen;
        LegacyTcpEvent reopened = child->NewEvent(LegacyTcpEventType::ReopenAccepted);
        reopened.previousConnectionId = reopen->connectionId;
        reopened.sequence = iss.GetValue();
        child->Emit(reopened);
    }
    child->InitTcb(iss);
    child->m_tcb.irs = h.GetSequenceNumber();
    child->m_tcb.rcvNxt = h.GetSequenceNumber() + 1;
    child->SetSendWindow(h.GetWindowSize());
    child->m_tcb.sndWl1 = h.GetSequenceNumber();
    child->m_tcb.sndWl2 = h.GetAckNumber();
    child->ReadMss(h);
    child->SetState(LEGACY_TCP_SYN_RCVD, "SYN on listener");
    LegacyTcpEvent received = child->NewEvent(LegacyTcpEventType::SynReceived);
    received.sequence = h.GetSequenceNumber().GetValue();
    child->Emit(received);
    child->m_lastSynTime = Simulator::Now();
    child->SendSyn(true);
    LegacyTcpEvent synAck = child->NewEvent(LegacyTcpEventType::SynAckSent);
    synAck.sequence = iss.GetValue();
    child->Emit(synAck);
    return true;
}

} // namespace ns3
