#ifndef LEGACY_TCP_EVENT_H
#define LEGACY_TCP_EVENT_H

#include "legacy-tcp-error.h"
#include "legacy-tcp-four-tuple.h"
#include "legacy-tcp-state.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <string>

namespace ns3
{

/// What happened to a connection (or to the stack's pool). Each has a fixed
/// events.csv name: LegacyTcpEventName().
enum class LegacyTcpEventType : uint8_t
{
    BlockTaken,         //!< block_taken: a connection block is taken (blocksInUse)
    BlockFreed,         //!< block_freed: a block returns to the pool (blocksInUse)
    PoolExhausted,      //!< pool_exhausted: no free block (poolCapacity)
    PoolWaitStart,      //!< pool_wait_start: a connect waits for a block
    PoolWaitEnd,        //!< pool_wait_end: the wait ends (cause Granted or Timeout, waited)
    PortExhausted,      //!< port_exhausted: no ephemeral port is free
    SynSent,            //!< syn_sent: the first SYN (sequence = ISS)
    SynRetransmit,      //!< syn_retransmit: a SYN re-sent (retry, cause Timeout or Reset)
    SynReceived,        //!< syn_received: a SYN accepted (sequence = IRS)
    SynAckSent,         //!< synack_sent: SYN|ACK sent (retry 0: first, sequence = ISS)
    RstSent,            //!< rst_sent: a reset sent (cause; InState: state)
    RstReceived,        //!< rst_received: a reset accepted (state it arrived in)
    IcmpUnreachable,    //!< icmp_unreachable: an ICMP destination unreachable (icmpCode)
    Established,        //!< established: active (synsSent, sequence = IRS) or PassiveOpen
    FinSent,            //!< fin_sent
    FinReceived,        //!< fin_received
    TimeWaitEnter,      //!< time_wait_enter: TIME-WAIT for duration (2 x MSL)
    TimeWaitExit,       //!< time_wait_exit: the 2 MSL timer expired
    TimeWaitFinReacked, //!< time_wait_fin_reacked: a FIN re-sent by the peer is ACKed
    ReopenAccepted,     //!< reopen_accepted: a SYN reopens TIME-WAIT (previousConnectionId,
                        //!< sequence = new ISS)
    ReopenRejected,     //!< reopen_rejected: a SYN cannot reopen TIME-WAIT (cause)
    ReopenOldDuplicate, //!< reopen_old_duplicate: a reopened connection reverts (RFC 1122)
    ConnectDeadline,    //!< connect_deadline: the connect timeout expires (duration)
    ConnectFailed,      //!< connect_failed: the connect fails (error)
    Aborted,            //!< aborted: the connection is aborted (error)
    Closed              //!< closed: the block is freed, the connection is gone (cause, error)
};

/// Why: the cause an event carries (None if its type says it all).
enum class LegacyTcpCause : uint8_t
{
    None,
    Timeout,                //!< "timeout": a timer expired (syn_retransmit, pool_wait_end)
    Reset,                  //!< "rst": after a RST|ACK (syn_retransmit)
    Granted,                //!< "granted": a block was granted (pool_wait_end)
    PassiveOpen,            //!< "passive": established from SYN-RECEIVED
    InState,                //!< rst_sent by a connection in the event's state
    NoConnection,           //!< "no_connection": segment for no connection (rst_sent)
    AckInListen,            //!< "ack_in_listen": an ACK to a listener (rst_sent)
    PoolExhausted,          //!< "pool_exhausted": no block for a passive open (rst_sent)
    RefusedByApplication,   //!< "refused_by_application": the listener said no
    ReopenDisabled,         //!< "disabled": TimeWaitReopen is off (reopen_rejected)
    OldSequence,            //!< "old_sequence": the SYN's ISN is not larger (reopen_rejected)
    NoListener,             //!< "no_listener": nothing listens on the port (reopen_rejected)
    Error,                  //!< closed by the event's error (its name)
    FinAcked,               //!< "ack_of_fin": LAST-ACK or CLOSING ends
    ApplicationClose,       //!< "close": the application closes a closed/idle socket
    ListenerClosed,         //!< "close_listener"
    ClosedWhileConnecting,  //!< "close_while_connecting"
    PassiveOpenReset,       //!< "rst_passive_open_abandoned"
    ResetWhileClosing,      //!< "rst_while_closing"
    PeerReset,              //!< "rst_connection_reset"
    SynInWindow,            //!< "syn_in_window"
    DataAfterClose,         //!< "data_after_close_half_duplex"
    UnreadDataAtClose,      //!< "close_with_unread_data_half_duplex"
    SynAckRetriesExhausted, //!< "syn_ack_retransmissions_exhausted"
    DataRetriesExhausted,   //!< "data_retransmissions_exhausted"
    TimeWaitEnded,          //!< "time_wait": TIME-WAIT ran out
    PowerOff                //!< "power_off": the host was switched off (PowerOff)
};

/**
 * \brief One connection-lifecycle event of a legacy TCP stack, typed.
 *
 * Emitted through LegacyTcpL4Protocol's "ConnectionEvent" trace source. `type` says
 * what happened; the fields after the 4-tuple are set for the types that carry them
 * (see LegacyTcpEventType) and are zero otherwise. LegacyTcpEventName() and
 * LegacyTcpEventDetail() give the events.csv text.
 */
struct LegacyTcpEvent
{
    LegacyTcpEventType type{LegacyTcpEventType::Closed}; //!< what happened
    uint64_t connectionId{0};  //!< per-host connection serial; 0 = stack-wide event
    Ipv4Address localAddress;  //!< local address (may be 0.0.0.0)
    uint16_t localPort{0};     //!< local port (0 if not yet chosen)
    Ipv4Address remoteAddress; //!< remote address
    uint16_t remotePort{0};    //!< remote port

    LegacyTcpCause cause{LegacyTcpCause::None}; //!< why
    LegacyTcpError error{LegacyTcpError::None}; //!< the error (failed, aborted, closed)
    LegacyTcpState state{LEGACY_TCP_CLOSED};    //!< state (rst_received, rst_sent)
    uint32_t retry{0};                          //!< which re-send (1, 2, ...)
    uint32_t synsSent{0};                       //!< SYNs sent before established
    uint32_t sequence{0};                       //!< ISS or IRS (see the type)
    uint32_t blocksInUse{0};                    //!< blocks in use after the event
    uint32_t poolCapacity{0};                   //!< TCPCONNECTIONS
    uint8_t icmpCode{0};                        //!< ICMP code
    uint64_t previousConnectionId{0};           //!< the TIME-WAIT connection reopened
    Time duration;                              //!< TIME-WAIT length, wait, deadline

    /**
     * \param type what happened \param id connection serial
     * \param key the connection's 4-tuple \return the event, other fields zero
     */
    static LegacyTcpEvent For(LegacyTcpEventType type, uint64_t id, const LegacyTcpFourTuple& key);
};

/// \return the events.csv name of \p type, e.g. "syn_retransmit"
const char* LegacyTcpEventName(LegacyTcpEventType type);

/// \return the text of \p cause, e.g. "rst" or "ACK of FIN" ("" for None, InState, Error)
const char* LegacyTcpCauseName(LegacyTcpCause cause);

/**
 * \return the events.csv detail of \p event: "retry=2 reason=rst", "in_use=3",
 * "refused", ... ("" when the type carries nothing)
 */
std::string LegacyTcpEventDetail(const LegacyTcpEvent& event);

} // namespace ns3

#endif
