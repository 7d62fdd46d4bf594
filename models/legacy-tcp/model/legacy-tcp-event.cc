#include "legacy-tcp-event.h"

namespace ns3
{

LegacyTcpEvent
LegacyTcpEvent::For(LegacyTcpEventType type, uint64_t id, const LegacyTcpFourTuple& key)
{
    LegacyTcpEvent event;
    event.type = type;
    event.connectionId = id;
    event.localAddress = Ipv4Address(key.localAddress);
    event.localPort = key.localPort;
    event.remoteAddress = Ipv4Address(key.remoteAddress);
    event.remotePort = key.remotePort;
    return event;
}

const char*
LegacyTcpEventName(LegacyTcpEventType type)
{
    switch (type)
    {
    case LegacyTcpEventType::BlockTaken:
        return "block_taken";
    case LegacyTcpEventType::BlockFreed:
        return "block_freed";
    case LegacyTcpEventType::PoolExhausted:
        return "pool_exhausted";
    case LegacyTcpEventType::PoolWaitStart:
        return "pool_wait_start";
    case LegacyTcpEventType::PoolWaitEnd:
        return "pool_wait_end";
    case LegacyTcpEventType::PortExhausted:
        return "port_exhausted";
    case LegacyTcpEventType::SynSent:
        return "syn_sent";
    case LegacyTcpEventType::SynRetransmit:
        return "syn_retransmit";
    case LegacyTcpEventType::SynReceived:
        return "syn_received";
    case LegacyTcpEventType::SynAckSent:
        return "synack_sent";
    case LegacyTcpEventType::RstSent:
        return "rst_sent";
    case LegacyTcpEventType::RstReceived:
        return "rst_received";
    case LegacyTcpEventType::IcmpUnreachable:
        return "icmp_unreachable";
    case LegacyTcpEventType::Established:
        return "established";
    case LegacyTcpEventType::FinSent:
        return "fin_sent";
    case LegacyTcpEventType::FinReceived:
        return "fin_received";
    case LegacyTcpEventType::TimeWaitEnter:
        return "time_wait_enter";
    case LegacyTcpEventType::TimeWaitExit:
        return "time_wait_exit";
    case LegacyTcpEventType::TimeWaitFinReacked:
        return "time_wait_fin_reacked";
    case LegacyTcpEventType::ReopenAccepted:
        return "reopen_accepted";
    case LegacyTcpEventType::ReopenRejected:
        return "reopen_rejected";
    case LegacyTcpEventType::ReopenOldDuplicate:
        return "reopen_old_duplicate";
    case LegacyTcpEventType::ConnectDeadline:
        return "connect_deadline";
    case LegacyTcpEventType::ConnectFailed:
        return "connect_failed";
    case LegacyTcpEventType::Aborted:
        return "aborted";
    case LegacyTcpEventType::Closed:
        return "closed";
    }
    return "unknown";
}

const char*
LegacyTcpCauseName(LegacyTcpCause cause)
{
    switch (cause)
    {
    case LegacyTcpCause::None:
    case LegacyTcpCause::InState:
    case LegacyTcpCause::Error:
        return "";
    case LegacyTcpCause::Timeout:
        return "timeout";
    case LegacyTcpCause::Reset:
        return "rst";
    case LegacyTcpCause::Granted:
        return "granted";
    case LegacyTcpCause::PassiveOpen:
        return "passive";
    case LegacyTcpCause::NoConnection:
        return "no_connection";
    case LegacyTcpCause::AckInListen:
        return "ack_in_listen";
    case LegacyTcpCause::PoolExhausted:
        return "pool_exhausted";
    case LegacyTcpCause::RefusedByApplication:
        return "refused_by_application";
    case LegacyTcpCause::ReopenDisabled:
        return "disabled";
    case LegacyTcpCause::OldSequence:
        return "old_sequence";
    case LegacyTcpCause::NoListener:
        return "no_listener";
    case LegacyTcpCause::FinAcked:
        return "ack_of_fin";
    case LegacyTcpCause::ApplicationClose:
        return "close";
    case LegacyTcpCause::ListenerClosed:
        return "close_listener";
    case LegacyTcpCause::ClosedWhileConnecting:
        return "close_while_connecting";
    case LegacyTcpCause::PassiveOpenReset:
        return "rst_passive_open_abandoned";
    case LegacyTcpCause::ResetWhileClosing:
        return "rst_while_closing";
    case LegacyTcpCause::PeerReset:
        return "rst_connection_reset";
    case LegacyTcpCause::SynInWindow:
        return "syn_in_window";
    case LegacyTcpCause::DataAfterClose:
        return "data_after_close_half_duplex";
    case LegacyTcpCause::UnreadDataAtClose:
        return "close_with_unread_data_half_duplex";
    case LegacyTcpCause::SynAckRetriesExhausted:
        return "syn_ack_retransmissions_exhausted";
    case LegacyTcpCause::DataRetriesExhausted:
        return "data_retransmissions_exhausted";
    case LegacyTcpCause::TimeWaitEnded:
        return "time_wait";
    case LegacyTcpCause::PowerOff:
        return "power_off";
    }
    return "unknown";
}

namespace
{

// The cause as events.csv writes it: its word, the state's or the error's name.
std::string
CauseText(const LegacyTcpEvent& e)
{
    switch (e.cause)
    {
    case LegacyTcpCause::InState:
        return LegacyTcpStateName(e.state);
    case LegacyTcpCause::Error:
        return LegacyTcpErrorName(e.error);
    default:
        return LegacyTcpCauseName(e.cause);
    }
}

std::string
Seconds(Time t)
{
    return std::to_string(t.GetSeconds());
}

} // namespace

// Every detail is in events.csv's grammar: KEY=VALUE pairs, lower-case keys, bare
// values (docs/results-format.md, "The detail grammar").
std::string
LegacyTcpEventDetail(const LegacyTcpEvent& e)
{
    using T = LegacyTcpEventType;
    switch (e.type)
    {
    case T::BlockTaken:
    case T::BlockFreed:
        return "in_use=" + std::to_string(e.blocksInUse);
    case T::PoolExhausted:
        return "capacity=" + std::to_string(e.poolCapacity);
    case T::PoolWaitEnd:
        return "result=" + CauseText(e) + " waited=" + Seconds(e.duration);
    case T::SynSent:
        return "iss=" + std::to_string(e.sequence);
    case T::SynRetransmit:
        return "retry=" + std::to_string(e.retry) + " reason=" + CauseText(e);
    case T::SynReceived:
        return "irs=" + std::to_string(e.sequence);
    case T::SynAckSent:
        return e.retry == 0 ? "iss=" + std::to_string(e.sequence)
                            : "retry=" + std::to_string(e.retry);
    case T::RstSent:
        return (e.cause == LegacyTcpCause::InState ? "state=" : "reason=") + CauseText(e);
    case T::RstReceived:
        return std::string("state=") + LegacyTcpStateName(e.state);
    case T::IcmpUnreachable:
        return "code=" + std::to_string(e.icmpCode);
    case T::Established:
        return e.cause == LegacyTcpCause::PassiveOpen
                   ? "open=" + CauseText(e)
                   : "syns=" + std::to_string(e.synsSent) + " irs=" + std::to_string(e.sequence);
    case T::TimeWaitEnter:
        return "duration=" + Seconds(e.duration);
    case T::ReopenAccepted:
        return "old_id=" + std::to_string(e.previousConnectionId) +
               " iss=" + std::to_string(e.sequence);
    case T::ReopenRejected:
    case T::Closed:
        return "reason=" + CauseText(e);
    case T::Aborted:
        return std::string("reason=") + LegacyTcpErrorName(e.error);
    case T::ConnectDeadline:
        return "after=" + Seconds(e.duration);
    case T::ConnectFailed:
        return std::string("outcome=") + LegacyTcpErrorName(e.error);
    case T::PoolWaitStart:
    case T::PortExhausted:
    case T::FinSent:
    case T::FinReceived:
    case T::TimeWaitExit:
    case T::TimeWaitFinReacked:
    case T::ReopenOldDuplicate:
        return "";
    }
    return "";
}

} // namespace ns3
