// LegacyTcpSocket: segment senders (SYN, ACK, RST, data and FIN).
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-socket.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/tcp-option-rfc793.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpSocketOutput");

uint32_t
LegacyTcpSocket::GetAdvertisedWindow() const
{
    // Advertised window = ReceiveWindow minus unread bytes.
    uint32_t buffered = m_rxBuffer->GetSize();
    uint32_t size = Cfg().receiveWindow;
    uint32_t wnd = buffered >= size ? 0 : size - buffered;
    return std::min<uint32_t>(wnd, 65535);
}

SequenceNumber32
LegacyTcpSocket::GetDataEnd() const
{
    return m_txHead + m_txBuffer->GetSize();
}

TcpHeader
LegacyTcpSocket::MakeHeader(uint8_t flags, SequenceNumber32 seq, SequenceNumber32 ack) const
{
    TcpHeader h;
    h.SetSourcePort(m_localPort);
    h.SetDestinationPort(m_remotePort);
    h.SetFlags(flags);
    h.SetSequenceNumber(seq);
    h.SetAckNumber(ack);
    h.SetWindowSize(static_cast<uint16_t>(GetAdvertisedWindow()));
    return h;
}

void
LegacyTcpSocket::SendSyn(bool withAck)
{
    // Rule LT-WIRE-OPTIONS: MSS option on SYN and SYN-ACK; no timestamps, SACK or
    // window scaling (none existed in these stacks).
    uint8_t flags = TcpHeader::SYN | (withAck ? TcpHeader::ACK : 0);
    TcpHeader h = MakeHeader(flags, m_tcb.iss, withAck ? m_tcb.rcvNxt : SequenceNumber32(0));
    Ptr<TcpOptionMSS> mss = CreateObject<TcpOptionMSS>();
    mss->SetMSS(Cfg().segmentSize);
    h.AppendOption(mss);
    m_lastAdvertisedWindow = GetAdvertisedWindow();
    ++m_synsSent;
    m_lastSynTime = Simulator::Now();
    m_tcp->SendSegment(nullptr, h, m_localAddress, m_remoteAddress);
    m_retxEvent.Cancel();
    Time timeout = GetSynTimeout(m_synDoublings);
    m_retxEvent = Simulator::Schedule(timeout, &LegacyTcpSocket::RetransmitTimeout, this);
}

void
LegacyTcpSocket::SendAck()
{
    m_delAckEvent.Cancel();
    m_unackedSegments = 0;
    m_lastAdvertisedWindow = GetAdvertisedWindow();
    m_tcp->SendSegment(nullptr, MakeHeader(TcpHeader::ACK, m_tcb.sndNxt, m_tcb.rcvNxt),
                       m_localAddress, m_remoteAddress);
}

void
LegacyTcpSocket::ScheduleAck(bool now)
{
    Time delay = Cfg().delayedAckTimeout;
    // RFC 1122 4.2.3.2: "an ACK should be generated for at least every second
    // full-sized segment"; otherwise delay it (at most 0.5 s). Linux acknowledges
    // the first segments of a connection at once (quick ACK mode).
    if (now || delay.IsZero() || m_unackedSegments >= 2 || m_segmentsReceived <= Cfg().quickAcks)
    {
        SendAck();
        return;
    }
    if (!m_delAckEvent.IsRunning())
    {
        // On a ticking clock (4.4BSD's 200 ms fast timeout, NT's 100 ms ticks) the
        // ACK leaves at a tick, not a fixed time after the segment.
        m_delAckEvent = Simulator::Schedule(m_tcp->TimerDelay(delay, Cfg().delayedAckTick),
                                            &LegacyTcpSocket::DelayedAckTimeout, this);
    }
}

void
LegacyTcpSocket::SendRst(SequenceNumber32 seq, SequenceNumber32 ack, bool withAck)
{
    m_tcp->SendRst(GetKey(), seq, ack, withAck, m_connectionId, LegacyTcpCause::InState, m_state);
}

void
LegacyTcpSocket::ArmRetransmit()
{
    if (!m_retxEvent.IsRunning())
    {
        m_retxEvent = Simulator::Schedule(m_tcp->TimerDelay(m_rtt.GetRto(), Cfg().rtoTick),
                                          &LegacyTcpSocket::RetransmitTimeout, this);
    }
}

void
LegacyTcpSocket::SendData(SequenceNumber32 seq, uint32_t length, bool withFin)
{
    uint8_t flags = TcpHeader::ACK;
    Ptr<Packet> payload;
    if (length > 0)
    {
        payload = m_txBuffer->CreateFragment(seq - m_txHead, length);
        if (seq + length == GetDataEnd())
        {
            flags |= TcpHeader::PSH;
        }
    }
    if (withFin)
    {
        flags |= TcpHeader::FIN;
    }
    // Karn: time only new data.
    if (!m_rtt.IsTiming() && length > 0 && seq >= m_tcb.sndMax)
    {
        m_rtt.StartTiming(seq, Simulator::Now());
    }
    m_delAckEvent.Cancel(); // the ACK rides on this segment
    m_unackedSegments = 0;
    m_lastAdvertisedWindow = GetAdvertisedWindow();
    m_tcp->SendSegment(payload, MakeHeader(flags, seq, m_tcb.rcvNxt), m_localAddress,
                       m_remoteAddress);
    if (withFin && !m_finSent)
    {
        m_finSent = true;
        Emit(LegacyTcpEventType::FinSent);
    }
    ArmRetransmit();
}

void
LegacyTcpSocket::SetSendWindow(uint32_t window)
{
    m_tcb.sndWnd = window;
    m_tcb.maxSndWnd = std::max(m_tcb.maxSndWnd, window);
}

bool
LegacyTcpSocket::MaySend(uint32_t len, uint32_t queued, bool idle, bool force) const
{
    uint32_t mss = std::min<uint32_t>(Cfg().segmentSize, m_tcb.peerMss);
    // RFC 1122 4.2.3.4, in 4.4BSD tcp_output's order: "(1) a maximum-sized segment
    // can be sent; (2) data is PUSHed and all queued data can be sent now" (with
    // Nagle, RFC 896: only if nothing was outstanding when the send began); "(3) at
    // least a fraction Fs of the maximum window can be sent" (Fs = 1/2); (4) the
    // override timeout. A retransmission (SND.NXT < SND.MAX) always goes.
    if (len >= mss || force || m_tcb.sndNxt < m_tcb.sndMax)
    {
        return true;
    }
    if (len == queued)
    {
        return idle || !Cfg().nagle || len >= m_tcb.maxSndWnd / 2;
    }
    // Window-limited: a short segment at the window's edge with more data queued.
    return !Cfg().senderSws || len >= m_tcb.maxSndWnd / 2;
}

void
LegacyTcpSocket::SendPending(bool force)
{
    if (m_state != LEGACY_TCP_ESTABLISHED && m_state != LEGACY_TCP_CLOSE_WAIT &&
        m_state != LEGACY_TCP_FIN_WAIT_1 && m_state != LEGACY_TCP_LAST_ACK &&
        m_state != LEGACY_TCP_CLOSING)
    {
        return;
    }
    uint32_t mss = std::min<uint32_t>(Cfg().segmentSize, m_tcb.peerMss);
    const bool idle = m_tcb.sndUna == m_tcb.sndMax;
    // No congestion control (see docs): the send window is the peer's window; the
    // send buffer bounds what is queued.
    while (true)
    {
        SequenceNumber32 dataEnd = GetDataEnd();
        SequenceNumber32 wndEnd = m_tcb.sndUna + m_tcb.sndWnd;
        if (m_tcb.sndNxt < dataEnd)
        {
            if (m_tcb.sndNxt >= wndEnd)
            {
                // Zero (or full) window: the retransmission timer probes it.
                ArmRetransmit();
                return;
            }
            uint32_t queued = dataEnd - m_tcb.sndNxt;
            uint32_t len = std::min<uint32_t>({mss, queued, uint32_t(wndEnd - m_tcb.sndNxt)});
            if (!MaySend(len, queued, idle, force))
            {
                if (len < queued && !m_retxEvent.IsRunning() && !m_swsEvent.IsRunning())
                {
                    // Held by SWS avoidance with nothing outstanding: no ACK will
                    // come to release it, so the override timer will.
                    m_swsEvent = Simulator::Schedule(Cfg().swsOverrideTimeout,
                                                     &LegacyTcpSocket::SwsOverrideTimeout, this);
                }
                return;
            }
            force = false;
            bool fin = m_finQueued && m_tcb.sndNxt + len == dataEnd;
            SendData(m_tcb.sndNxt, len, fin);
            m_tcb.sndNxt = m_tcb.sndNxt + len + (fin ? 1 : 0);
        }
        else if (m_finQueued && m_tcb.sndNxt == dataEnd)
        {
            SendData(m_tcb.sndNxt, 0, true);
            m_tcb.sndNxt = m_tcb.sndNxt + 1;
        }
        else
        {
            break;
        }
        if (m_tcb.sndNxt > m_tcb.sndMax)
        {
            m_tcb.sndMax = m_tcb.sndNxt;
        }
    }
}

} // namespace ns3
