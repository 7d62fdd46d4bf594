#ifndef LEGACY_TCP_SOCKET_H
#define LEGACY_TCP_SOCKET_H

#include "connection-holdings.h"
#include "legacy-tcp-error.h"
#include "legacy-tcp-four-tuple.h"
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-rtt-estimator.h"
#include "legacy-tcp-state.h"
#include "legacy-tcp-tcb.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/sequence-number.h"
#include "ns3/socket.h"
#include "ns3/tcp-header.h"
#include "ns3/traced-value.h"
#include "time-wait-table.h"

#include <map>
#include <string>

namespace ns3
{

class Node;
class Packet;

/**
 * \brief One connection of a LegacyTcpL4Protocol stack, with the full ns-3
 * Socket API (stock applications work through LegacyTcpSocketFactory).
 *
 * The implementation is split by kind of input: legacy-tcp-socket.cc
 * (application calls), legacy-tcp-socket-input.cc (segment arrival per state),
 * legacy-tcp-socket-timers.cc (timers), legacy-tcp-socket-output.cc (senders),
 * legacy-tcp-socket-lifecycle.cc (state entry and clean-up). The socket reads the
 * stack's tunables as one Config snapshot and reaches the stack only through its
 * public services; what it holds of the stack (block, port, map entry) has one
 * owner, ConnectionHoldings.
 */
class LegacyTcpSocket : public Socket
{
  public:
    /// Signature of the "State" trace source.
    typedef void (*StateTracedCallback)(LegacyTcpState oldState, LegacyTcpState newState);

    /**
     * \brief Get the type ID. \return the object TypeId
     */
    static TypeId GetTypeId();

    LegacyTcpSocket();
    /**
     * \brief Fork constructor for a listener's new connection: copies the
     * listener's Socket callbacks (close, accept), resets the others.
     * \param listener the listener
     */
    LegacyTcpSocket(const LegacyTcpSocket& listener);
    ~LegacyTcpSocket() override;

    /** \brief Attach to a stack. \param tcp the stack \param id connection id */
    void SetTcp(Ptr<LegacyTcpL4Protocol> tcp, uint64_t id);

    // Socket API
    enum SocketErrno GetErrno() const override;
    enum SocketType GetSocketType() const override;
    Ptr<Node> GetNode() const override;
    int Bind(const Address& address) override;
    int Bind() override;
    int Bind6() override;
    int Close() override;
    int ShutdownSend() override;
    int ShutdownRecv() override;
    int Connect(const Address& address) override;
    int Listen() override;
    uint32_t GetTxAvailable() const override;
    int Send(Ptr<Packet> p, uint32_t flags) override;
    int SendTo(Ptr<Packet> p, uint32_t flags, const Address& toAddress) override;
    uint32_t GetRxAvailable() const override;
    Ptr<Packet> Recv(uint32_t maxSize, uint32_t flags) override;
    Ptr<Packet> RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress) override;
    int GetSockName(Address& address) const override;
    int GetPeerName(Address& address) const override;
    bool SetAllowBroadcast(bool allowBroadcast) override;
    bool GetAllowBroadcast() const override;

    // Legacy extensions
    /** \return the per-host connection id (unique, never 0) */
    uint64_t GetConnectionId() const;
    /** \return why the connection failed or aborted */
    LegacyTcpError GetError() const;
    /** \return the error as the stack's API numbers it (ErrorCodes attribute) */
    LegacyTcpErrorCode GetErrorCode() const;
    /** \return the numbering of the stack's errors (its ErrorCodes attribute) */
    LegacyTcpErrorCodes GetErrorCodes() const;
    /** \return the number of SYNs sent by the last connect (first + retries) */
    uint32_t GetSynsSent() const;
    /** \return the number of resets received */
    uint32_t GetRstsReceived() const;
    /** \return the state name, e.g. "ESTABLISHED" */
    std::string GetStateName() const;
    /** \return the state */
    LegacyTcpState GetState() const;
    /** \return the initial send sequence number of the current connection */
    SequenceNumber32 GetIss() const;
    /** \return the 4-tuple, state and sequence variables of the connection */
    LegacyTcpConnectionState GetConnectionState() const;

    /** \return the local address (Any until known) */
    Ipv4Address GetLocalAddress() const;

    // --- Called by the stack (LegacyTcpL4Protocol) only ---

    /**
     * \internal
     * \brief A segment for this connection or listener (legacy-tcp-socket-input.cc).
     * \param p payload \param h header \param from remote \param to local
     */
    void ReceiveSegment(Ptr<Packet> p, const TcpHeader& h, Ipv4Address from, Ipv4Address to);
    /**
     * \internal
     * \brief On a listener: create a connection for a SYN, also for an RFC 1122
     * reopen from TIME-WAIT.
     * \param h the SYN \param from remote \param to local
     * \param reopen the TIME-WAIT record being reopened, or nullptr
     * \return true if a connection was created
     */
    bool ForkOnSyn(const TcpHeader& h, Ipv4Address from, Ipv4Address to,
                   const TimeWaitRecord* reopen);
    /**
     * \internal
     * \brief The stack is going away: cancel every timer; nothing more happens.
     */
    void Abandon();
    /**
     * \internal
     * \brief The host's power went off: closed where it stands (power_off), no
     * segment, no callback; a later Close() does nothing.
     */
    void LoseState();
    /**
     * \internal
     * \brief An ICMP error about a segment of this connection (RFC 1122 4.2.3.9).
     * \param type ICMP type \param code ICMP code \param seq the segment's sequence number
     */
    void ReceiveIcmpError(uint8_t type, uint8_t code, SequenceNumber32 seq);

  protected:
    void DoDispose() override;

  private:
    /// The stack's tunables.
    const LegacyTcpL4Protocol::Config& Cfg() const;

    // --- legacy-tcp-socket.cc: application calls ---
    /** \return the 4-tuple */
    LegacyTcpFourTuple GetKey() const;
    /** \return an event of this connection (id, 4-tuple) \param type what happened */
    LegacyTcpEvent NewEvent(LegacyTcpEventType type) const;
    /** \brief Fire the stack's ConnectionEvent trace. \param event what happened */
    void Emit(const LegacyTcpEvent& event) const;
    /** \brief Fire an event that carries nothing but its type. \param type what */
    void Emit(LegacyTcpEventType type) const;
    /** \brief pool_wait_end with the time waited. \param cause Granted or Timeout */
    void EmitPoolWaitEnd(LegacyTcpCause cause) const;
    /** \brief syn_retransmit with the retry count. \param cause Timeout or Reset */
    void EmitSynRetransmit(LegacyTcpCause cause) const;
    /** \brief Continue a connect once a block is held. */
    void ContinueActiveOpen();
    /** \brief The pool handed this waiting socket a block. */
    void GrantPoolBlock();
    /** \brief Set up the TCB for a new incarnation. \param iss initial send sequence */
    void InitTcb(SequenceNumber32 iss);

    // --- legacy-tcp-socket-lifecycle.cc: state entry and clean-up ---
    /** \brief Change state and log it. \param to new state \param why reason */
    void SetState(LegacyTcpState to, const char* why);
    /**
     * \brief Enter CLOSED: the one clean-up of a connection (timers, queue, map,
     * listener, port, then the block). \param why log reason
     */
    void EnterClosed(LegacyTcpCause cause);
    /**
     * \brief Enter TIME-WAIT: the stack's compact record takes over the block and
     * the port; this socket is detached from it.
     */
    void EnterTimeWait();
    /**
     * \brief A reopened connection goes back to its TIME-WAIT record (old duplicate
     * SYN, or the SYN-ACK never answered). \param why log reason
     */
    void ReturnToTimeWait(const char* why);
    /** \brief Fail a connect: clean up, event, callback (now or scheduled). */
    void FailConnect(LegacyTcpError error, bool scheduleCallback);
    /** \brief Deferred ConnectionFailed callback. */
    void NotifyConnectionFailedLater();
    /**
     * \brief Abort: optionally send RST, go to CLOSED, fire ErrorClose (even after
     * NormalClose: the application learns that data was lost).
     * \param error error \param sendRst send RST \param why log reason
     * \param notify fire ErrorClose
     */
    void Abort(LegacyTcpError error, bool sendRst, LegacyTcpCause cause, bool notify = true);
    /** \brief Queue our FIN and move to FIN_WAIT_1 / LAST_ACK. */
    void QueueFin();
    /** \brief NormalClose once. */
    void NotifyNormalCloseOnce();
    /** \brief Cancel every timer. */
    void CancelTimers();

    // --- legacy-tcp-socket-input.cc: segment arrival ---
    /** \brief LISTEN: a SYN may create a connection. */
    void ProcessListen(const TcpHeader& h, uint32_t dataLength, Ipv4Address from, Ipv4Address to);
    /** \brief SYN_SENT processing (RFC 793 p.66-68). */
    void ProcessSynSent(const TcpHeader& h);
    /** \brief A RST acknowledging our SYN: the connect-retry policy. */
    void HandleConnectRst();
    /** \brief Synchronised states (RFC 793 p.69-76). */
    void ProcessSynchronized(Ptr<Packet> p, const TcpHeader& h);
    /** \brief RST in a synchronised state. */
    void ProcessRst();
    /** \brief ACK field processing. \return false if the segment is done */
    bool ProcessAck(const TcpHeader& h);
    /** \brief Segment text. \param p data \param seq its sequence number */
    void ProcessData(Ptr<Packet> p, SequenceNumber32 seq);
    /** \brief FIN at RCV.NXT. */
    void ProcessFin();
    /** \brief Take a peer's MSS option. \param h SYN or SYN-ACK */
    void ReadMss(const TcpHeader& h);

    // --- legacy-tcp-socket-output.cc: senders ---
    /** \return a header with ports and the receive window set */
    TcpHeader MakeHeader(uint8_t flags, SequenceNumber32 seq, SequenceNumber32 ack) const;
    /** \brief Send SYN (or SYN|ACK) with MSS option. */
    void SendSyn(bool withAck);
    /** \brief Send a bare ACK. */
    void SendAck();
    /** \brief Send a reset <SEQ=seq><ACK=ack> from this connection (the stack builds it). */
    void SendRst(SequenceNumber32 seq, SequenceNumber32 ack, bool withAck);
    /**
     * \brief Send what the window, Nagle and sender SWS avoidance allow (data,
     * then FIN). \param force send what the window allows (SWS override)
     */
    void SendPending(bool force = false);
    /**
     * \brief May a data segment of \p len bytes leave now (RFC 1122 4.2.3.4)?
     * \param len bytes the segment would carry \param queued bytes not yet sent
     * \param idle nothing was outstanding when this send began \param force override
     * \return true to send it
     */
    bool MaySend(uint32_t len, uint32_t queued, bool idle, bool force) const;
    /** \brief Take the peer's window. \param window SEG.WND */
    void SetSendWindow(uint32_t window);
    /** \brief Send one data segment. */
    void SendData(SequenceNumber32 seq, uint32_t length, bool withFin);
    /** \return the receive window to advertise */
    uint32_t GetAdvertisedWindow() const;
    /** \return sequence number after the last byte the application gave us */
    SequenceNumber32 GetDataEnd() const;
    /** \brief Arm the retransmission timer if not running. */
    void ArmRetransmit();
    /** \brief Schedule or send an ACK for received data. \param now ack at once */
    void ScheduleAck(bool now);

    // --- legacy-tcp-socket-timers.cc ---
    /** \return the SYN timeout after n doublings (capped) */
    Time GetSynTimeout(uint32_t doublings) const;
    /** \brief Retransmission timer (SYN, SYN-ACK, data, FIN). */
    void RetransmitTimeout();
    /** \brief SYN unanswered. */
    void SynTimeout();
    /** \brief Re-send the SYN after a RST (Winsock policy). */
    void RetrySynAfterRst();
    /** \brief ConnectTimeout reached: fail a connect still in SYN_SENT. */
    void ConnectDeadline();
    /** \brief Delayed ACK timer. */
    void DelayedAckTimeout();
    /** \brief Sender SWS override timer: send what the window allows. */
    void SwsOverrideTimeout();
    /** \brief Pool wait timeout. */
    void PoolWaitTimeout();

    // --- identity ---
    Ptr<LegacyTcpL4Protocol> m_tcp;                         //!< the stack
    Ptr<Node> m_node;                                       //!< the node
    uint64_t m_connectionId{0};                             //!< per-host id
    TracedValue<LegacyTcpState> m_state{LEGACY_TCP_CLOSED}; //!< State
    LegacyTcpError m_error{LegacyTcpError::None};           //!< last error
    LegacyTcpError m_softError{LegacyTcpError::None};       //!< ICMP soft error of the connect
    mutable enum SocketErrno m_errno
    {
        ERROR_NOTERROR
    }; //!< ns-3 errno

    Ipv4Address m_localAddress;  //!< local address (Any until known)
    uint16_t m_localPort{0};     //!< local port (0 until chosen)
    Ipv4Address m_remoteAddress; //!< remote address
    uint16_t m_remotePort{0};    //!< remote port

    // --- what the connection holds of the stack ---
    ConnectionHoldings m_holdings;   //!< block, queue place, port, map entry
    Time m_poolWaitStart;            //!< when the wait for a block began
    Ptr<LegacyTcpSocket> m_listener; //!< listener that created us, until accepted
    bool m_reopened{false};          //!< created by an RFC 1122 reopen
    TimeWaitRecord m_reopenRecord;   //!< the record to return to on an old duplicate

    // --- TCB ---
    LegacyTcpTcb m_tcb;                                   //!< sequence variables
    Ptr<Packet> m_txBuffer;                               //!< unacknowledged and unsent data
    SequenceNumber32 m_txHead;                            //!< sequence number of its first byte
    bool m_finQueued{false};                              //!< FIN to be sent after the data
    bool m_finSent{false};                                //!< FIN sent at least once
    Ptr<Packet> m_rxBuffer;                               //!< in-order data not yet read
    std::map<SequenceNumber32, Ptr<Packet>> m_reassembly; //!< out-of-order data
    bool m_peerFinPending{false};                         //!< a FIN arrived beyond a hole
    SequenceNumber32 m_peerFinSeq;                        //!< its sequence number
    uint32_t m_lastAdvertisedWindow{0};                   //!< window in our last segment
    bool m_shutdownSend{false};                           //!< no more sends
    bool m_shutdownRecv{false};                           //!< no more receives
    bool m_closeCalled{false};                            //!< Close() called
    bool m_closeNotified{false};                          //!< NormalClose or ErrorClose fired
    bool m_accepted{false}; //!< passive connection handed to the application

    // --- timers and counters ---
    EventId m_retxEvent;            //!< SYN / SYN-ACK / data / FIN retransmission
    EventId m_delAckEvent;          //!< delayed ACK
    EventId m_swsEvent;             //!< sender SWS override
    EventId m_poolWaitEvent;        //!< pool wait timeout
    bool m_notifyPending{false};    //!< deferred connect-failure callback scheduled
    EventId m_connectDeadline;      //!< ConnectTimeout of the pending connect
    uint32_t m_synRetries{0};       //!< SYN retries used (both kinds)
    uint32_t m_synDoublings{0};     //!< SYN timeouts so far (backoff exponent)
    uint32_t m_synsSent{0};         //!< SYNs sent by this connect
    uint32_t m_rstsReceived{0};     //!< resets received
    Time m_lastSynTime;             //!< when the last SYN left
    Time m_firstSynTime;            //!< when the connect's first SYN left
    uint32_t m_dataRetries{0};      //!< consecutive data retransmissions
    LegacyTcpRttEstimator m_rtt;    //!< RTO and RTT samples
    uint32_t m_unackedSegments{0};  //!< in-order segments not yet acknowledged
    uint32_t m_segmentsReceived{0}; //!< in-order data segments received (quick ACKs)
};

} // namespace ns3

#endif
