// LegacyTcpSocket: segment arrival, per state (RFC 793 "SEGMENT ARRIVES", p.65-76).
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-socket.h"
#include "ns3/icmpv4.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/tcp-option-rfc793.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpSocketInput");

void
LegacyTcpSocket::ReceiveSegment(Ptr<Packet> p, const TcpHeader& h, Ipv4Address from, Ipv4Address to)
{
    if (h.GetFlags() & TcpHeader::RST)
    {
        ++m_rstsReceived;
    }
    switch (m_state)
    {
    case LEGACY_TCP_LISTEN:
        ProcessListen(h, p->GetSize(), from, to);
        break;
    case LEGACY_TCP_SYN_SENT:
        ProcessSynSent(h);
        break;
    case LEGACY_TCP_CLOSED:
    case LEGACY_TCP_TIME_WAIT:
        // Not registered any more: a connection in TIME-WAIT is a compact record of
        // the stack, and its segments go to LegacyTcpL4Protocol::ReceiveTimeWait
        // (legacy-tcp-l4-input.cc).
        break;
    default:
        ProcessSynchronized(p, h);
        break;
    }
}

void
LegacyTcpSocket::ReadMss(const TcpHeader& h)
{
    m_tcb.peerMss = 536; // RFC 1122 4.2.2.6: default send MSS without the option
    if (h.HasOption(TcpOption::MSS))
    {
        Ptr<const TcpOptionMSS> mss = DynamicCast<const TcpOptionMSS>(h.GetOption(TcpOption::MSS));
        if (mss && mss->GetMSS() > 0)
        {
            m_tcb.peerMss = mss->GetMSS();
        }
    }
}

void
LegacyTcpSocket::ReceiveIcmpError(uint8_t type, uint8_t code, SequenceNumber32 seq)
{
    // Only about a segment still in flight (RFC 5927 4.1: SND.UNA =< seq < SND.NXT),
    // and only while connecting.
    if (type != Icmpv4Header::ICMPV4_DEST_UNREACH || m_state != LEGACY_TCP_SYN_SENT ||
        seq < m_tcb.sndUna || !(seq < m_tcb.sndMax) ||
        code == Icmpv4DestinationUnreachable::ICMPV4_FRAG_NEEDED)
    {
        return;
    }
    // RFC 1122 4.2.3.9: "Destination Unreachable -- codes 0, 1, 5 ... soft error
    // conditions, TCP MUST NOT abort the connection"; "codes 2-4 ... SHOULD abort".
    bool hard = code == Icmpv4DestinationUnreachable::ICMPV4_PROTOCOL_UNREACHABLE ||
                code == Icmpv4DestinationUnreachable::ICMPV4_PORT_UNREACHABLE;
    LegacyTcpError error = hard ? LegacyTcpError::Refused : LegacyTcpError::Unreachable;
    LegacyTcpEvent icmp = NewEvent(LegacyTcpEventType::IcmpUnreachable);
    icmp.icmpCode = code;
    Emit(icmp);
    switch (Cfg().icmpUnreachable)
    {
    case LegacyTcpL4Protocol::ICMP_IGNORE:
        return;
    case LegacyTcpL4Protocol::ICMP_ABORT:
        // Linux tcp_v4_err, SYN-SENT: "sk->sk_err = err; ... tcp_done(sk)".
        FailConnect(error, false);
        return;
    case LegacyTcpL4Protocol::ICMP_RFC1122:
        if (hard)
        {
            FailConnect(error, false);
            return;
        }
        m_softError = error;
        return;
    case LegacyTcpL4Protocol::ICMP_SOFT:
        // 4.4BSD tcp_notify: "If connection hasn't completed, has retransmitted
        // several times, and receives a second error, give up now."
        if (m_synRetries > 3 && m_softError != LegacyTcpError::None)
        {
            FailConnect(error, false);
            return;
        }
        m_softError = error;
        return;
    }
}

void
LegacyTcpSocket::ProcessSynSent(const TcpHeader& h)
{
    uint8_t flags = h.GetFlags();
    bool hasAck = flags & TcpHeader::ACK;
    // RFC 793 p.66: "If SEG.ACK =< ISS, or SEG.ACK > SND.NXT, send a reset (unless
    // the RST bit is set, if so drop the segment and return) <SEQ=SEG.ACK><CTL=RST>"
    if (hasAck && (h.GetAckNumber() <= m_tcb.iss || h.GetAckNumber() > m_tcb.sndMax))
    {
        if (!(flags & TcpHeader::RST))
        {
            SendRst(h.GetAckNumber(), SequenceNumber32(0), false);
        }
        return;
    }
    if (flags & TcpHeader::RST)
    {
        // RFC 793 p.37: "In the SYN-SENT state (a RST received in response to an
        // initial SYN), the RST is acceptable if the ACK field acknowledges the SYN."
        // p.67: "If the ACK was acceptable then signal the user 'error: connection
        // reset', drop the segment, enter CLOSED state ... Otherwise (no ACK) drop
        // the segment and return."
        if (hasAck)
        {
            LegacyTcpEvent reset = NewEvent(LegacyTcpEventType::RstReceived);
            reset.state = LEGACY_TCP_SYN_SENT;
            Emit(reset);
            HandleConnectRst();
        }
        return;
    }
    if (!(flags & TcpHeader::SYN))
    {
        return;
    }
    m_tcb.irs = h.GetSequenceNumber();
    m_tcb.rcvNxt = m_tcb.irs + 1;
    ReadMss(h);
    if (hasAck)
    {
        m_tcb.sndUna = h.GetAckNumber();
        SetSendWindow(h.GetWindowSize());
        m_tcb.sndWl1 = h.GetSequenceNumber();
        m_tcb.sndWl2 = h.GetAckNumber();
        m_retxEvent.Cancel();
        if (m_synsSent == 1)
        {
            // Karn: only an unrepeated SYN
            m_rtt.Sample(Simulator::Now() - m_lastSynTime, Cfg().minRto, Cfg().maxRto);
        }
        SetState(LEGACY_TCP_ESTABLISHED, "SYN|ACK");
        LegacyTcpEvent established = NewEvent(LegacyTcpEventType::Established);
        established.synsSent = m_synsSent;
        established.sequence = m_tcb.irs.GetValue();
        Emit(established);
        SendAck();
        NotifyConnectionSucceeded();
        SendPending();
        return;
    }
    // Simultaneous open (RFC 793 figure 8).
    SetState(LEGACY_TCP_SYN_RCVD, "simultaneous SYN");
    LegacyTcpEvent received = NewEvent(LegacyTcpEventType::SynReceived);
    received.sequence = m_tcb.irs.GetValue();
    Emit(received);
    SendSyn(true);
    LegacyTcpEvent synAck = NewEvent(LegacyTcpEventType::SynAckSent);
    synAck.sequence = m_tcb.iss.GetValue();
    Emit(synAck);
}

void
LegacyTcpSocket::HandleConnectRst()
{
    auto policy = Cfg().retryPolicy;
    if (policy == LegacyTcpL4Protocol::RETRY_UNIX)
    {
        // Q175523: "with other implementations of TCP, such as those commonly found
        // in many UNIX systems, the connect() fails immediately upon the receipt of
        // the first ACK/RST packet".
        FailConnect(LegacyTcpError::Refused, false);
        return;
    }
    if (m_synRetries >= Cfg().maxConnectRetransmissions)
    {
        // Rule LT-CONNECT-RETRY-COUNT: retries spent and the last answer was a RST: refused.
        FailConnect(LegacyTcpError::Refused, false);
        return;
    }
    // Q175523: "Since an ACK/RST was received from the target host, the TCP layer
    // knows that the target host is indeed reachable and will not double the
    // time-out value ... Instead, the pending connection will wait for the base
    // connection's time-out value and reissue another SYN packet". The wait runs
    // from the SYN's transmission, so the SYNs leave RstRetryInterval apart.
    m_retxEvent.Cancel();
    Time due = m_lastSynTime + Cfg().rstRetryInterval;
    Time delay = due > Simulator::Now() ? due - Simulator::Now() : Time(0);
    m_retxEvent = Simulator::Schedule(delay, &LegacyTcpSocket::RetrySynAfterRst, this);
}

void
LegacyTcpSocket::ProcessSynchronized(Ptr<Packet> p, const TcpHeader& h)
{
    uint8_t flags = h.GetFlags();
    SequenceNumber32 seq = h.GetSequenceNumber();
    uint32_t dataLen = p->GetSize();
    uint32_t segLen =
        dataLen + ((flags & TcpHeader::SYN) ? 1 : 0) + ((flags & TcpHeader::FIN) ? 1 : 0);

    // Our SYN-ACK was lost and the peer repeats its SYN: repeat the SYN-ACK.
    if (m_state == LEGACY_TCP_SYN_RCVD && (flags & TcpHeader::SYN) && !(flags & TcpHeader::ACK) &&
        seq == m_tcb.irs)
    {
        SendSyn(true);
        return;
    }

    // RFC 793 p.69, first: check the sequence number.
    uint32_t wnd = GetAdvertisedWindow();
    bool acceptable;
    if (segLen == 0)
    {
        acceptable =
            (wnd == 0) ? seq == m_tcb.rcvNxt : (seq >= m_tcb.rcvNxt && seq < m_tcb.rcvNxt + wnd);
    }
    else if (wnd == 0)
    {
        acceptable = false;
    }
    else
    {
        SequenceNumber32 last = seq + (segLen - 1);
        acceptable = (seq >= m_tcb.rcvNxt && seq < m_tcb.rcvNxt + wnd) ||
                     (last >= m_tcb.rcvNxt && last < m_tcb.rcvNxt + wnd) ||
                     (seq < m_tcb.rcvNxt && last >= m_tcb.rcvNxt + wnd);
    }
    if (!acceptable)
    {
        // "If an incoming segment is not acceptable, an acknowledgment should be
        // sent in reply (unless the RST bit is set, if so drop the segment)"
        if (!(flags & TcpHeader::RST))
        {
            SendAck();
        }
        return;
    }

    // Second: the RST bit.
    if (flags & TcpHeader::RST)
    {
        LegacyTcpEvent reset = NewEvent(LegacyTcpEventType::RstReceived);
        reset.state = m_state;
        Emit(reset);
        ProcessRst();
        return;
    }

    // Fourth: a SYN in the window is an error (p.71): "send a reset, any outstanding
    // RECEIVEs and SEND should receive 'reset' responses ... enter the CLOSED state".
    if (flags & TcpHeader::SYN)
    {
        Abort(LegacyTcpError::Reset, true, LegacyTcpCause::SynInWindow);
        return;
    }

    // Fifth: the ACK field. "if the ACK bit is off drop the segment and return".
    if (!(flags & TcpHeader::ACK))
    {
        return;
    }
    if (!ProcessAck(h))
    {
        return;
    }

    // Seventh: the segment text.
    if (dataLen > 0)
    {
        if (m_state == LEGACY_TCP_ESTABLISHED || m_state == LEGACY_TCP_FIN_WAIT_1 ||
            m_state == LEGACY_TCP_FIN_WAIT_2)
        {
            if (m_closeCalled && Cfg().halfDuplexClose)
            {
                // RFC 1122 4.2.2.13: "or if new data is received after CLOSE is
                // called, its TCP should send an RST to show that data was lost."
                Abort(LegacyTcpError::Aborted, true, LegacyTcpCause::DataAfterClose);
                return;
            }
            ProcessData(p, seq);
        }
    }

    // Eighth: the FIN bit (processed once every byte before it has arrived).
    if (flags & TcpHeader::FIN)
    {
        SequenceNumber32 finSeq = seq + dataLen;
        if (finSeq == m_tcb.rcvNxt)
        {
            ProcessFin();
        }
        else if (finSeq > m_tcb.rcvNxt)
        {
            m_peerFinPending = true;
            m_peerFinSeq = finSeq;
        }
        else if (m_state == LEGACY_TCP_CLOSE_WAIT || m_state == LEGACY_TCP_CLOSING ||
                 m_state == LEGACY_TCP_LAST_ACK)
        {
            SendAck(); // a repeated FIN: "Remain in the ... state" and acknowledge
        }
    }
}

void
LegacyTcpSocket::ProcessRst()
{
    switch (m_state)
    {
    case LEGACY_TCP_SYN_RCVD:
        if (m_reopened)
        {
            Emit(LegacyTcpEventType::ReopenOldDuplicate);
            ReturnToTimeWait("RST, old duplicate SYN, record back to TIME_WAIT");
            return;
        }
        if (m_listener)
        {
            // RFC 793 p.70: "If this connection was initiated with a passive OPEN
            // ... then return this connection to LISTEN state"; the listener is
            // still there, so this connection simply goes away.
            m_closeNotified = true;
            EnterClosed(LegacyTcpCause::PassiveOpenReset);
            return;
        }
        // Active open that went through simultaneous open: "connection refused".
        FailConnect(LegacyTcpError::Refused, false);
        return;
    case LEGACY_TCP_ESTABLISHED:
    case LEGACY_TCP_FIN_WAIT_1:
    case LEGACY_TCP_FIN_WAIT_2:
    case LEGACY_TCP_CLOSE_WAIT:
        // RFC 793 p.70: "any outstanding RECEIVEs and SEND should receive 'reset'
        // responses ... enter the CLOSED state". RFC 1122: the application "MUST be
        // informed whether it closed normally or was aborted": ErrorClose.
        Abort(LegacyTcpError::Reset, false, LegacyTcpCause::PeerReset);
        return;
    default:
        // CLOSING, LAST_ACK: "enter the CLOSED state, delete the TCB, and return."
        EnterClosed(LegacyTcpCause::ResetWhileClosing);
        NotifyNormalCloseOnce();
        return;
    }
}

bool
LegacyTcpSocket::ProcessAck(const TcpHeader& h)
{
    SequenceNumber32 ack = h.GetAckNumber();
    if (m_state == LEGACY_TCP_SYN_RCVD)
    {
        // p.72: "If SND.UNA =< SEG.ACK =< SND.NXT then enter ESTABLISHED state ...
        // If the segment acknowledgment is not acceptable, form a reset segment".
        if (!(ack > m_tcb.sndUna && ack <= m_tcb.sndMax))
        {
            SendRst(ack, SequenceNumber32(0), false);
            return false;
        }
        m_retxEvent.Cancel();
        if (m_synsSent <= 1)
        {
            m_rtt.Sample(Simulator::Now() - m_lastSynTime, Cfg().minRto, Cfg().maxRto);
        }
        m_tcb.sndUna = ack;
        SetSendWindow(h.GetWindowSize());
        m_tcb.sndWl1 = h.GetSequenceNumber();
        m_tcb.sndWl2 = ack;
        m_reopened = false; // the reopen is confirmed
        SetState(LEGACY_TCP_ESTABLISHED, "ACK of SYN");
        LegacyTcpEvent established = NewEvent(LegacyTcpEventType::Established);
        established.cause = LegacyTcpCause::PassiveOpen;
        Emit(established);
        Ptr<LegacyTcpSocket> listener = m_listener;
        m_listener = nullptr;
        if (listener)
        {
            m_accepted = true;
            listener->NotifyNewConnectionCreated(this,
                                                 InetSocketAddress(m_remoteAddress, m_remotePort));
        }
        else
        {
            NotifyConnectionSucceeded(); // simultaneous open
        }
        if (m_state != LEGACY_TCP_ESTABLISHED)
        {
            return false; // the application closed it in the callback
        }
        SendPending();
        return true;
    }

    // ESTABLISHED and later: "If the ACK is for something not yet sent (SEG.ACK >
    // SND.NXT) then send an ACK, drop the segment, and return."
    if (ack > m_tcb.sndMax)
    {
        SendAck();
        return false;
    }
    if (ack > m_tcb.sndUna)
    {
        SequenceNumber32 dataEnd = GetDataEnd();
        SequenceNumber32 dataAcked = ack > dataEnd ? dataEnd : ack;
        uint32_t bytes = dataAcked > m_txHead ? dataAcked - m_txHead : 0;
        if (bytes > 0)
        {
            m_txBuffer->RemoveAtStart(bytes);
            m_txHead = dataAcked;
        }
        m_rtt.OnAck(ack, Simulator::Now(), Cfg().minRto, Cfg().maxRto);
        m_tcb.sndUna = ack;
        if (m_tcb.sndNxt < m_tcb.sndUna)
        {
            m_tcb.sndNxt = m_tcb.sndUna;
        }
        m_dataRetries = 0;
        m_retxEvent.Cancel();
        if (m_tcb.sndUna < m_tcb.sndMax)
        {
            ArmRetransmit();
        }
        if (bytes > 0)
        {
            NotifyDataSent(bytes);
            if (GetTxAvailable() > 0 && !m_shutdownSend)
            {
                NotifySend(GetTxAvailable());
            }
        }
    }
    // "If SND.UNA =< SEG.ACK =< SND.NXT, the send window should be updated. If
    // (SND.WL1 < SEG.SEQ or (SND.WL1 = SEG.SEQ and SND.WL2 =< SEG.ACK))"
    if (m_tcb.sndWl1 < h.GetSequenceNumber() ||
        (m_tcb.sndWl1 == h.GetSequenceNumber() && m_tcb.sndWl2 <= ack))
    {
        SetSendWindow(h.GetWindowSize());
        m_tcb.sndWl1 = h.GetSequenceNumber();
        m_tcb.sndWl2 = ack;
    }

    bool finAcked = m_finSent && ack == GetDataEnd() + 1;
    switch (m_state)
    {
    case LEGACY_TCP_FIN_WAIT_1:
        if (finAcked)
        {
            SetState(LEGACY_TCP_FIN_WAIT_2, "ACK of FIN");
        }
        break;
    case LEGACY_TCP_CLOSING:
        if (finAcked)
        {
            EnterTimeWait();
            return false;
        }
        break;
    case LEGACY_TCP_LAST_ACK:
        if (finAcked)
        {
            // Our close completes: CLOSED.
            EnterClosed(LegacyTcpCause::FinAcked);
            NotifyNormalCloseOnce();
            return false;
        }
        break;
    default:
        break;
    }
    SendPending();
    return m_holdings.IsRegistered();
}

void
LegacyTcpSocket::ProcessData(Ptr<Packet> p, SequenceNumber32 seq)
{
    uint32_t len = p->GetSize();
    SequenceNumber32 end = seq + len;
    if (end <= m_tcb.rcvNxt)
    {
        ScheduleAck(true); // duplicate: acknowledge at once
        return;
    }
    Ptr<Packet> data = p;
    if (seq < m_tcb.rcvNxt)
    {
        uint32_t cut = m_tcb.rcvNxt - seq;
        data = p->CreateFragment(cut, len - cut);
        seq = m_tcb.rcvNxt;
        len -= cut;
    }
    // Trim what lies beyond the window.
    uint32_t wnd = GetAdvertisedWindow();
    SequenceNumber32 wndEnd = m_tcb.rcvNxt + wnd;
    if (seq + len > wndEnd)
    {
        if (seq >= wndEnd)
        {
            ScheduleAck(true);
            return;
        }
        len = wndEnd - seq;
        data = data->CreateFragment(0, len);
    }
    if (seq != m_tcb.rcvNxt)
    {
        // Out of order: keep it for reassembly and acknowledge at once (duplicate ACK).
        auto it = m_reassembly.find(seq);
        if (it == m_reassembly.end() || it->second->GetSize() < len)
        {
            m_reassembly[seq] = data;
        }
        ScheduleAck(true);
        return;
    }
    bool filledHole = !m_reassembly.empty();
    m_rxBuffer->AddAtEnd(data);
    m_tcb.rcvNxt = m_tcb.rcvNxt + len;
    // Pull in reassembled data that is now in order.
    while (!m_reassembly.empty())
    {
        auto it = m_reassembly.begin();
        SequenceNumber32 s = it->first;
        Ptr<Packet> q = it->second;
        if (s > m_tcb.rcvNxt)
        {
            break;
        }
        m_reassembly.erase(it);
        SequenceNumber32 qEnd = s + q->GetSize();
        if (qEnd <= m_tcb.rcvNxt)
        {
            continue;
        }
        uint32_t skip = m_tcb.rcvNxt - s;
        m_rxBuffer->AddAtEnd(q->CreateFragment(skip, q->GetSize() - skip));
        m_tcb.rcvNxt = qEnd;
    }
    ++m_unackedSegments;
    ++m_segmentsReceived;
    ScheduleAck(filledHole || !m_reassembly.empty());
    if (!m_shutdownRecv)
    {
        NotifyDataRecv();
    }
    if (m_peerFinPending && m_tcb.rcvNxt == m_peerFinSeq && m_holdings.IsRegistered())
    {
        ProcessFin();
    }
}

void
LegacyTcpSocket::ProcessFin()
{
    m_peerFinPending = false;
    m_tcb.rcvNxt = m_tcb.rcvNxt + 1;
    Emit(LegacyTcpEventType::FinReceived);
    bool passive = m_state == LEGACY_TCP_SYN_RCVD || m_state == LEGACY_TCP_ESTABLISHED;
    if (passive && Cfg().delayFinAck && Cfg().delayedAckTimeout.IsStrictlyPositive())
    {
        // Linux (tcp_fin enters "pingpong" mode): the ACK of the FIN waits on the
        // delayed-ACK timer, so a close in answer leaves as one FIN|ACK.
        m_delAckEvent.Cancel();
        m_delAckEvent =
            Simulator::Schedule(m_tcp->TimerDelay(Cfg().delayedAckTimeout, Cfg().delayedAckTick),
                                &LegacyTcpSocket::DelayedAckTimeout, this);
    }
    else
    {
        SendAck(); // 4.4BSD: a FIN is acknowledged at once (TF_ACKNOW)
    }
    switch (m_state)
    {
    case LEGACY_TCP_SYN_RCVD:
    case LEGACY_TCP_ESTABLISHED:
        SetState(LEGACY_TCP_CLOSE_WAIT, "FIN");
        NotifyNormalCloseOnce();
        break;
    case LEGACY_TCP_FIN_WAIT_1:
        if (m_finSent && m_tcb.sndUna == GetDataEnd() + 1)
        {
            EnterTimeWait();
        }
        else
        {
            SetState(LEGACY_TCP_CLOSING, "FIN");
            NotifyNormalCloseOnce();
        }
        break;
    case LEGACY_TCP_FIN_WAIT_2:
        EnterTimeWait();
        break;
    default:
        break;
    }
}

} // namespace ns3
