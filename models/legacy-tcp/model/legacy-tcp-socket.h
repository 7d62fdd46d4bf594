#ifndef LEGACY_TCP_SOCKET_H
#define LEGACY_TCP_SOCKET_H

#include "legacy-tcp-error.h"
#include "legacy-tcp-four-tuple.h"
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
class LegacyTcpL4Protocol;

/// RFC 793 connection states.
enum LegacyTcpState
{
    LEGACY_TCP_CLOSED,
    LEGACY_TCP_LISTEN,
    LEGACY_TCP_SYN_SENT,
    LEGACY_TCP_SYN_RCVD,
    LEGACY_TCP_ESTABLISHED,
    LEGACY_TCP_CLOSE_WAIT,
    LEGACY_TCP_LAST_ACK,
    LEGACY_TCP_FIN_WAIT_1,
    LEGACY_TCP_FIN_WAIT_2,
    LEGACY_TCP_CLOSING,
    LEGACY_TCP_TIME_WAIT
};

/**
 * \param state a state \return its RFC 793 name, e.g. "SYN_SENT"
 */
const char* LegacyTcpStateName(LegacyTcpState state);

/**
 * \brief One connection of a LegacyTcpL4Protocol stack, with the full ns-3
 * Socket API (stock applications work through LegacyTcpSocketFactory).
 *
 * The implementation is split by kind of input: legacy-tcp-socket.cc
 * (application calls), legacy-tcp-socket-input.cc (segment arrival per state),
 * legacy-tcp-socket-timers.cc (timers), legacy-tcp-socket-output.cc (senders).
 * All configuration is read from the stack's attributes.
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

  protected:
    void DoDispose() override;

  private:
    friend class LegacyTcpL4Protocol;

    // --- legacy-tcp-socket.cc: application side and lifecycle ---
    /** \return the 4-tuple */
    LegacyTcpFourTuple GetKey() const;
    /** \brief Change state and log it. \param to new state \param why reason */
    void SetState(LegacyTcpState to, const char* why);
    /** \brief Emit a ConnectionEvent. \param name name \param detail detail */
    void Event(const std::string& name, const std::string& detail = "");
    /** \brief Continue a connect once a block is held. */
    void ContinueActiveOpen();
    /** \brief The pool handed this waiting socket a block. */
    void GrantPoolBlock();
    /** \brief Fail a connect: clean up, event, callback (now or scheduled). */
    void FailConnect(LegacyTcpError error, bool scheduleCallback);
    /** \brief Deferred ConnectionFailed callback. */
    void NotifyConnectionFailedLater();
    /**
     * \brief Release everything and go to CLOSED.
     * \param why log reason
     */
    void ReleaseAndClose(const char* why);
    /**
     * \brief Abort: optionally send RST, go to CLOSED, fire ErrorClose (even after
     * NormalClose: the application learns that data was lost).
     * \param error error \param sendRst send RST \param why log reason
     * \param notify fire ErrorClose
     */
    void Abort(LegacyTcpError error, bool sendRst, const char* why, bool notify = true);
    /** \brief Queue our FIN and move to FIN_WAIT_1 / LAST_ACK. */
    void QueueFin();
    /** \brief Enter TIME-WAIT: hand the connection to the stack's compact record. */
    void EnterTimeWait();
    /** \brief NormalClose once. */
    void NotifyNormalCloseOnce();
    /** \brief Cancel every timer. */
    void CancelTimers();
    /** \brief Set up the TCB for a new incarnation. \param iss initial send sequence */
    void InitTcb(SequenceNumber32 iss);

    // --- legacy-tcp-socket-input.cc: segment arrival ---
    /**
     * \brief A segment for this socket.
     * \param p payload \param h header \param from remote \param to local
     */
    void ReceiveSegment(Ptr<Packet> p, const TcpHeader& h, Ipv4Address from, Ipv4Address to);
    /** \brief LISTEN: a SYN may create a connection. */
    void ProcessListen(const TcpHeader& h, uint32_t dataLength, Ipv4Address from, Ipv4Address to);
    /**
     * \brief Create a connection for a SYN (listener), also for an RFC 1122 reopen.
     * \param h the SYN \param from remote \param to local
     * \param reopen the TIME-WAIT record being reopened, or nullptr
     * \return true if a connection was created
     */
    bool ForkOnSyn(const TcpHeader& h, Ipv4Address from, Ipv4Address to,
                   const TimeWaitRecord* reopen);
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
    /** \brief Take an RTT sample. \param rtt the sample */
    void UpdateRtt(Time rtt);

    // --- legacy-tcp-socket-output.cc: senders ---
    /** \return a header with ports and the receive window set */
    TcpHeader MakeHeader(uint8_t flags, SequenceNumber32 seq, SequenceNumber32 ack) const;
    /** \brief Send SYN (or SYN|ACK) with MSS option. */
    void SendSyn(bool withAck);
    /** \brief Send a bare ACK. */
    void SendAck();
    /** \brief Send a reset <SEQ=seq><ACK=ack>. */
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
    mutable enum SocketErrno m_errno
    {
        ERROR_NOTERROR
    }; //!< ns-3 errno

    Ipv4Address m_localAddress;  //!< local address (Any until known)
    uint16_t m_localPort{0};     //!< local port (0 until chosen)
    Ipv4Address m_remoteAddress; //!< remote address
    uint16_t m_remotePort{0};    //!< remote port

    // --- resources held ---
    bool m_portHeld{false};          //!< holds a reference on m_localPort
    bool m_blockHeld{false};         //!< holds a connection block
    bool m_registered{false};        //!< in the stack's connection map
    bool m_poolWaiting{false};       //!< queued for a block
    Time m_poolWaitStart;            //!< when the wait began
    Ptr<LegacyTcpSocket> m_listener; //!< listener that created us, until accepted
    bool m_reopened{false};          //!< created by an RFC 1122 reopen
    TimeWaitRecord m_reopenRecord;   //!< the record to return to on an old duplicate

    // --- TCB (RFC 793 names) ---
    SequenceNumber32 m_iss;    //!< ISS
    SequenceNumber32 m_sndUna; //!< SND.UNA
    SequenceNumber32 m_sndNxt; //!< SND.NXT
    SequenceNumber32 m_sndMax; //!< highest sequence number sent + 1
    SequenceNumber32 m_sndWl1; //!< SND.WL1
    SequenceNumber32 m_sndWl2; //!< SND.WL2
    uint32_t m_sndWnd{0};      //!< SND.WND
    uint32_t m_maxSndWnd{0};   //!< largest window the peer offered (RFC 1122 4.2.3.4)
    SequenceNumber32 m_irs;    //!< IRS
    SequenceNumber32 m_rcvNxt; //!< RCV.NXT
    uint16_t m_peerMss{536};   //!< peer's MSS (RFC 1122 default 536)
    Ptr<Packet> m_txBuffer;    //!< unacknowledged and unsent data
    SequenceNumber32 m_txHead; //!< sequence number of m_txBuffer's first byte
    bool m_finQueued{false};   //!< FIN to be sent after the data
    bool m_finSent{false};     //!< FIN sent at least once
    Ptr<Packet> m_rxBuffer;    //!< in-order data not yet read
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
    uint32_t m_dataRetries{0};      //!< consecutive data retransmissions
    Time m_rto;                     //!< current RTO
    Time m_srtt;                    //!< smoothed RTT
    Time m_rttVar;                  //!< RTT variation
    bool m_rttValid{false};         //!< have a sample
    bool m_timing{false};           //!< timing a segment (Karn)
    SequenceNumber32 m_rttSeq;      //!< the timed sequence number
    Time m_rttStart;                //!< when it was sent
    uint32_t m_unackedSegments{0};  //!< in-order segments not yet acknowledged
    uint32_t m_segmentsReceived{0}; //!< in-order data segments received (quick ACKs)
};

} // namespace ns3

#endif
