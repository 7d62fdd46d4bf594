// LegacyTcpSocket: timers (SYN retry, retransmission, delayed ACK, pool wait).
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-socket.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpSocketTimers");

// Timer events hold a raw `this` and are cancelled when the connection closes. A
// handler that closes it (gives up, aborts) makes the stack drop its reference,
// which can be the last one (a passive connection not yet accepted, a socket its
// application has let go), so every handler holds a reference while it runs.

Time
LegacyTcpSocket::GetSynTimeout(uint32_t doublings) const
{
    // Q175523: "The retransmission time-out is doubled with each successive
    // retransmission in a given connect attempt"; Windows 95: "up to a maximum of 2
    // minutes" (SynTimeoutCap).
    // Linux tcp_retransmit_timer(): in SYN_SENT the RTO is doubled only once
    // "total_rto > sysctl_tcp_syn_linear_timeouts" (SynLinearRetries).
    uint32_t linear = Cfg().synLinearRetries;
    doublings = doublings > linear ? doublings - linear : 0;
    Time timeout = Cfg().synInitialTimeout;
    Time cap = Cfg().synTimeoutCap;
    for (uint32_t i = 0; i < doublings && i < 40; ++i)
    {
        timeout = timeout * 2;
        if (cap.IsStrictlyPositive() && timeout >= cap)
        {
            break;
        }
    }
    if (cap.IsStrictlyPositive() && timeout > cap)
    {
        timeout = cap;
    }
    return timeout;
}

void
LegacyTcpSocket::RetransmitTimeout()
{
    Ptr<LegacyTcpSocket> self(this); // alive until the handler returns
    switch (m_state)
    {
    case LEGACY_TCP_SYN_SENT:
        SynTimeout();
        return;
    case LEGACY_TCP_SYN_RCVD: {
        // SYN-ACK retransmission, same schedule and limit as the SYN.
        if (m_synRetries >= Cfg().maxConnectRetransmissions)
        {
            if (m_reopened)
            {
                ReturnToTimeWait("SYN|ACK unanswered, record back to TIME_WAIT");
                return;
            }
            // A passive connection never accepted has nobody to tell.
            Abort(LegacyTcpError::TimedOut, false, LegacyTcpCause::SynAckRetriesExhausted,
                  m_listener == nullptr);
            return;
        }
        ++m_synRetries;
        ++m_synDoublings;
        SendSyn(true);
        LegacyTcpEvent synAck = NewEvent(LegacyTcpEventType::SynAckSent);
        synAck.retry = m_synRetries;
        Emit(synAck);
        return;
    }
    case LEGACY_TCP_ESTABLISHED:
    case LEGACY_TCP_CLOSE_WAIT:
    case LEGACY_TCP_FIN_WAIT_1:
    case LEGACY_TCP_CLOSING:
    case LEGACY_TCP_LAST_ACK:
        break;
    default:
        return;
    }
    if (m_tcb.sndUna == m_tcb.sndMax)
    {
        // Nothing outstanding. With a zero window and data waiting, probe it with one
        // byte (RFC 1122 4.2.2.17); probes are not counted as retransmissions.
        if (m_tcb.sndWnd == 0 && m_tcb.sndNxt < GetDataEnd())
        {
            SendData(m_tcb.sndNxt, 1, false);
            m_tcb.sndNxt = m_tcb.sndNxt + 1;
            m_tcb.sndMax = m_tcb.sndNxt;
            m_rtt.Backoff(Cfg().maxRto);
        }
        return;
    }
    // NT TcpMaxDataRetransmissions: give up after that many retransmissions.
    if (m_dataRetries >= Cfg().maxDataRetransmissions)
    {
        Abort(LegacyTcpError::TimedOut, true, LegacyTcpCause::DataRetriesExhausted);
        return;
    }
    ++m_dataRetries;
    m_rtt.StopTiming();          // Karn
    m_rtt.Backoff(Cfg().maxRto); // exponential backoff
    m_tcb.sndNxt = m_tcb.sndUna; // go back (BSD)
    NS_LOG_LOGIC("retransmission " << m_dataRetries << " from " << m_tcb.sndUna << ", RTO "
                                   << m_rtt.GetRto().GetSeconds() << " s");
    SendPending();
    if (m_tcb.sndNxt == m_tcb.sndUna)
    {
        // The window closed under us: resend the first unacknowledged byte (or the
        // FIN) anyway.
        bool data = GetDataEnd() > m_tcb.sndUna;
        SendData(m_tcb.sndUna, data ? 1 : 0, !data);
        m_tcb.sndNxt = m_tcb.sndUna + 1;
    }
}

void
LegacyTcpSocket::SynTimeout()
{
    // Rule LT-CONNECT-RETRY-COUNT: one retry counter for both kinds of retry; spent on an
    // unanswered SYN: timed_out (WSAETIMEDOUT).
    if (m_synRetries >= Cfg().maxConnectRetransmissions)
    {
        // 4.4BSD tcp_timers: "tcp_drop(tp, tp->t_softerror ? tp->t_softerror :
        // ETIMEDOUT)": an ICMP soft error seen meanwhile is what the connect reports.
        FailConnect(m_softError != LegacyTcpError::None ? m_softError : LegacyTcpError::TimedOut,
                    false);
        return;
    }
    ++m_synRetries;
    ++m_synDoublings;
    EmitSynRetransmit(LegacyTcpCause::Timeout);
    SendSyn(false);
}

void
LegacyTcpSocket::RetrySynAfterRst()
{
    Ptr<LegacyTcpSocket> self(this); // alive until the handler returns
    if (m_state != LEGACY_TCP_SYN_SENT)
    {
        return;
    }
    // Same port, same ISN; the SYN timeout is not doubled.
    ++m_synRetries;
    EmitSynRetransmit(LegacyTcpCause::Reset);
    SendSyn(false);
}

void
LegacyTcpSocket::ConnectDeadline()
{
    Ptr<LegacyTcpSocket> self(this); // alive until the handler returns
    // BSD's connection-establishment timer (TCPTV_KEEP_INIT, 75 s): "if the
    // connection is not established within this time, drop it".
    if (m_state != LEGACY_TCP_SYN_SENT)
    {
        return;
    }
    m_retxEvent.Cancel();
    LegacyTcpEvent deadline = NewEvent(LegacyTcpEventType::ConnectDeadline);
    deadline.duration = Cfg().connectTimeout;
    Emit(deadline);
    FailConnect(LegacyTcpError::TimedOut, false);
}

void
LegacyTcpSocket::DelayedAckTimeout()
{
    Ptr<LegacyTcpSocket> self(this); // alive until the handler returns
    if (m_holdings.IsRegistered())
    {
        SendAck();
    }
}

void
LegacyTcpSocket::SwsOverrideTimeout()
{
    Ptr<LegacyTcpSocket> self(this); // alive until the handler returns
    // RFC 1122 4.2.3.4: "(4) data is PUSHed and the override timeout occurs."
    SendPending(true);
}

void
LegacyTcpSocket::PoolWaitTimeout()
{
    Ptr<LegacyTcpSocket> self(this); // alive until the handler returns
    if (!m_holdings.IsWaitingForBlock())
    {
        return;
    }
    m_holdings.StopWaiting(m_connectionId);
    EmitPoolWaitEnd(LegacyTcpCause::Timeout);
    FailConnect(LegacyTcpError::NoTcb, false);
}

} // namespace ns3
