// LegacyTcpSocket: state entry and clean-up, closing and aborting.
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-socket.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpSocketLifecycle");

void
LegacyTcpSocket::SetState(LegacyTcpState to, const char* why)
{
    NS_LOG_INFO("node " << (m_node ? m_node->GetId() : 0) << " connection " << m_connectionId
                        << ": " << LegacyTcpStateName(m_state) << " -> " << LegacyTcpStateName(to)
                        << " (" << why << ")");
    m_state = to;
}

void
LegacyTcpSocket::FailConnect(LegacyTcpError error, bool scheduleCallback)
{
    m_error = error;
    NS_LOG_INFO("connection " << m_connectionId << ": " << LegacyTcpStateName(m_state)
                              << " -> CLOSED (connect failed, " << LegacyTcpErrorName(error)
                              << ")");
    LegacyTcpEvent failed = NewEvent(LegacyTcpEventType::ConnectFailed);
    failed.error = error;
    Emit(failed);
    EnterClosed(LegacyTcpCause::Error);
    m_closeNotified = true;
    if (scheduleCallback)
    {
        // The event holds a Ptr to this socket (alive until the callback); its
        // EventId is not kept, or socket -> EventId -> EventImpl -> socket is a
        // cycle that leaks the socket, its stack and its node.
        m_notifyPending = true;
        Simulator::ScheduleNow(&LegacyTcpSocket::NotifyConnectionFailedLater,
                               Ptr<LegacyTcpSocket>(this));
    }
    else
    {
        NotifyConnectionFailed();
    }
}

void
LegacyTcpSocket::NotifyConnectionFailedLater()
{
    if (!m_notifyPending)
    {
        return; // disposed meanwhile
    }
    m_notifyPending = false;
    NotifyConnectionFailed();
}

void
LegacyTcpSocket::CancelTimers()
{
    m_retxEvent.Cancel();
    m_delAckEvent.Cancel();
    m_swsEvent.Cancel();
    m_connectDeadline.Cancel();
}

void
LegacyTcpSocket::EnterClosed(LegacyTcpCause cause)
{
    // The one clean-up of a connection: every timer, then what it holds of the
    // stack (INET's stateEntered: "all timers need to be cancelled" on CLOSED).
    CancelTimers();
    if (m_holdings.IsWaitingForBlock())
    {
        m_poolWaitEvent.Cancel();
        m_holdings.StopWaiting(m_connectionId);
    }
    LegacyTcpFourTuple key = GetKey();
    m_holdings.Unregister(key);
    if (m_state == LEGACY_TCP_LISTEN)
    {
        m_tcp->RemoveListener(m_localPort);
    }
    m_holdings.ReleasePort(m_localPort);
    m_localPort = 0; // a later Connect() on this socket takes a new port
    m_listener = nullptr;
    m_reassembly.clear();
    if (m_state != LEGACY_TCP_CLOSED)
    {
        SetState(LEGACY_TCP_CLOSED, cause == LegacyTcpCause::Error ? LegacyTcpErrorName(m_error)
                                                                   : LegacyTcpCauseName(cause));
    }
    if (m_holdings.FreeBlock(m_connectionId, key))
    {
        LegacyTcpEvent closed =
            LegacyTcpEvent::For(LegacyTcpEventType::Closed, m_connectionId, key);
        closed.cause = cause;
        closed.error = m_error;
        Emit(closed);
    }
}

void
LegacyTcpSocket::LoseState()
{
    // Rule LT-POWER-OFF: a reboot keeps nothing; the application is gone with it.
    m_closeNotified = true;
    EnterClosed(LegacyTcpCause::PowerOff);
}

void
LegacyTcpSocket::ReturnToTimeWait(const char* why)
{
    // RFC 1122 4.2.2.13 (2): "returns to TIME-WAIT state if the SYN turns out to be
    // an old duplicate". The record gets the block and the port back.
    CancelTimers();
    m_holdings.ReturnToTimeWait(GetKey(), m_reopenRecord);
    m_listener = nullptr;
    SetState(LEGACY_TCP_CLOSED, why);
}

void
LegacyTcpSocket::Abort(LegacyTcpError error, bool sendRst, LegacyTcpCause cause, bool notify)
{
    m_error = error;
    if (sendRst)
    {
        // RFC 793 p.62 ABORT: "send a reset segment: <SEQ=SND.NXT><CTL=RST>".
        SendRst(m_tcb.sndNxt, m_tcb.rcvNxt, true);
    }
    LegacyTcpEvent aborted = NewEvent(LegacyTcpEventType::Aborted);
    aborted.error = error;
    Emit(aborted);
    EnterClosed(cause);
    m_closeNotified = true;
    if (notify)
    {
        NotifyErrorClose();
    }
}

void
LegacyTcpSocket::NotifyNormalCloseOnce()
{
    if (!m_closeNotified)
    {
        m_closeNotified = true;
        NotifyNormalClose();
    }
}

void
LegacyTcpSocket::EnterTimeWait()
{
    // RFC 1122 4.2.2.13: "When a connection is closed actively, it MUST linger in
    // TIME-WAIT state for a time 2xMSL". The stack keeps a compact record holding
    // the block and the port; this socket object is detached from it.
    CancelTimers();
    SetState(LEGACY_TCP_TIME_WAIT, "2MSL timer started");
    LegacyTcpEvent entered = NewEvent(LegacyTcpEventType::TimeWaitEnter);
    entered.duration = m_tcp->GetTimeWaitDuration();
    Emit(entered);
    TimeWaitRecord record;
    record.sndNxt = m_tcb.sndMax;
    record.rcvNxt = m_tcb.rcvNxt;
    record.connectionId = m_connectionId;
    m_holdings.MoveToTimeWait(GetKey(), record);
    m_listener = nullptr;
    m_reassembly.clear();
    NotifyNormalCloseOnce();
}

void
LegacyTcpSocket::QueueFin()
{
    m_shutdownSend = true;
    m_finQueued = true;
    if (m_state == LEGACY_TCP_ESTABLISHED || m_state == LEGACY_TCP_SYN_RCVD)
    {
        SetState(LEGACY_TCP_FIN_WAIT_1, "close");
    }
    else if (m_state == LEGACY_TCP_CLOSE_WAIT)
    {
        SetState(LEGACY_TCP_LAST_ACK, "close");
    }
    SendPending();
}

// --- closing ---

int
LegacyTcpSocket::Close()
{
    m_closeCalled = true;
    switch (m_state)
    {
    case LEGACY_TCP_CLOSED:
        // A block may be held: granted by the pool, ContinueActiveOpen not run yet.
        if (m_holdings.HoldsAnything())
        {
            EnterClosed(LegacyTcpCause::ApplicationClose);
        }
        return 0;
    case LEGACY_TCP_LISTEN:
        EnterClosed(LegacyTcpCause::ListenerClosed);
        return 0;
    case LEGACY_TCP_SYN_SENT:
        m_closeNotified = true;
        EnterClosed(LegacyTcpCause::ClosedWhileConnecting);
        return 0;
    case LEGACY_TCP_SYN_RCVD:
    case LEGACY_TCP_ESTABLISHED:
    case LEGACY_TCP_CLOSE_WAIT:
        if (Cfg().halfDuplexClose && m_rxBuffer->GetSize() > 0)
        {
            // RFC 1122 4.2.2.13: "If such a host issues a CLOSE call while received
            // data is still pending in TCP ... its TCP should send an RST to show
            // that data was lost."
            Abort(LegacyTcpError::Aborted, true, LegacyTcpCause::UnreadDataAtClose);
            return 0;
        }
        QueueFin();
        return 0;
    default:
        return 0; // already closing
    }
}

int
LegacyTcpSocket::ShutdownSend()
{
    if (m_state == LEGACY_TCP_ESTABLISHED || m_state == LEGACY_TCP_SYN_RCVD ||
        m_state == LEGACY_TCP_CLOSE_WAIT)
    {
        QueueFin();
    }
    m_shutdownSend = true;
    return 0;
}

int
LegacyTcpSocket::ShutdownRecv()
{
    m_shutdownRecv = true;
    return 0;
}

} // namespace ns3
