#ifndef LEGACY_TCP_L4_PROTOCOL_H
#define LEGACY_TCP_L4_PROTOCOL_H

#include "clock-isn-generator.h"
#include "connection-block-pool.h"
#include "ephemeral-port-allocator.h"
#include "host-timer-clock.h"
#include "lazy-hash-map.h"
#include "legacy-tcp-connection-state.h"
#include "legacy-tcp-error.h"
#include "legacy-tcp-event.h"
#include "legacy-tcp-four-tuple.h"
#include "ns3/callback.h"
#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/tcp-header.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"
#include "time-wait-table.h"

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace ns3
{

class Ipv4;
class Node;
class Socket;
class Packet;
class LegacyTcpSocket;

/**
 * \brief A host's legacy TCP stack: an IpL4Protocol (protocol 6) that replaces
 * ns-3's TcpL4Protocol.
 *
 * It owns the per-host resources of a 1990s stack (connection-block pool,
 * ephemeral ports, ISN clock, timer ticks, compact TIME-WAIT records),
 * demultiplexes segments with hash maps, answers unmatched segments with RFC 793
 * resets and carries every tunable as an attribute, so a stack profile is an
 * attribute set. Its connections (LegacyTcpSocket) read the attributes as one
 * Config snapshot and reach the stack only through the public services below, as
 * ns-3's TcpSocketBase reaches TcpL4Protocol. The implementation is split by
 * kind of work: legacy-tcp-l4-protocol.cc (attributes, object life),
 * legacy-tcp-l4-services.cc (what connections ask for), legacy-tcp-l4-input.cc
 * (segment arrival: demultiplexing, unmatched segments, TIME-WAIT). See
 * models/legacy-tcp/doc/legacy-tcp.md.
 */
class LegacyTcpL4Protocol : public IpL4Protocol
{
  public:
    static const uint8_t PROT_NUMBER = 6; //!< TCP

    /// What a connect does when no connection block is free.
    enum PoolPolicy
    {
        POOL_FAIL, //!< fail at once with no_tcb
        POOL_WAIT  //!< wait (FIFO) for a freed block up to PoolWaitTimeout
    };

    /// What happens to a SYN for a listener when no block is free.
    enum PoolFullSyn
    {
        SYN_REFUSE, //!< answer with a reset
        SYN_DROP    //!< drop silently (the peer retransmits)
    };

    /// Initial sequence number selection.
    enum IsnMode
    {
        ISN_CLOCK,  //!< RFC 793 4-microsecond clock plus a per-host offset and increment
        ISN_ZERO,   //!< always 0 (stock ns-3)
        ISN_HASHED, //!< RFC 6528: the clock plus a keyed hash of the 4-tuple
    };

    /// Order in which ephemeral ports are handed out.
    enum PortSelection
    {
        PORTS_SEQUENTIAL, //!< cycle from the last port (BSD, Windows)
        PORTS_HASHED      //!< hashed per destination, even ports first (Linux)
    };

    /// Reaction to a RST|ACK acknowledging our SYN.
    enum ConnectRetryPolicy
    {
        RETRY_WINSOCK, //!< re-send the SYN after RstRetryInterval (Q175523)
        RETRY_UNIX     //!< fail at once with ECONNREFUSED
    };

    /// What an ICMP destination unreachable does to a connect in SYN-SENT.
    enum IcmpPolicy
    {
        ICMP_IGNORE,  //!< nothing (the SYN schedule runs on)
        ICMP_RFC1122, //!< RFC 1122 4.2.3.9: port/protocol unreachable abort, others soft
        ICMP_SOFT,    //!< 4.4BSD: remembered; the connect fails with it when retries run out
        ICMP_ABORT    //!< Linux tcp_v4_err: every unreachable ends the connect at once
    };

    /**
     * \brief The stack's tunables as its connections read them: one field per
     * attribute (see GetTypeId for units, defaults and sources).
     */
    struct Config
    {
        PoolPolicy poolPolicy{POOL_FAIL};               //!< PoolPolicy
        Time poolWaitTimeout;                           //!< PoolWaitTimeout
        PoolFullSyn poolFullSyn{SYN_REFUSE};            //!< PoolFullSyn
        Time msl;                                       //!< Msl
        Time timeWaitDelay;                             //!< TimeWaitDelay
        bool timeWaitReopen{true};                      //!< TimeWaitReopen
        uint32_t reopenIsnMargin{65536};                //!< ReopenIsnMargin
        IsnMode isnMode{ISN_CLOCK};                     //!< IsnMode
        uint32_t isnIncrement{64000};                   //!< IsnIncrement
        ConnectRetryPolicy retryPolicy{RETRY_WINSOCK};  //!< ConnectRetryPolicy
        Time rstRetryInterval;                          //!< RstRetryInterval
        Time synInitialTimeout;                         //!< SynInitialTimeout
        Time synTimeoutCap;                             //!< SynTimeoutCap
        uint32_t maxConnectRetransmissions{3};          //!< MaxConnectRetransmissions
        uint32_t synLinearRetries{0};                   //!< SynLinearRetries
        Time connectTimeout;                            //!< ConnectTimeout
        Time synExpiryTime;                             //!< SynExpiryTime
        uint16_t segmentSize{1460};                     //!< SegmentSize
        uint32_t receiveWindow{8760};                   //!< ReceiveWindow
        uint32_t sendBufferSize{8760};                  //!< SendBufferSize
        Time initialRto;                                //!< InitialRto
        Time minRto;                                    //!< MinRto
        Time rtoTick;                                   //!< RtoTick
        Time maxRto;                                    //!< MaxRto
        uint32_t maxDataRetransmissions{5};             //!< MaxDataRetransmissions
        Time delayedAckTimeout;                         //!< DelayedAckTimeout
        Time delayedAckTick;                            //!< DelayedAckTick
        uint32_t quickAcks{0};                          //!< QuickAcks
        bool delayFinAck{false};                        //!< DelayFinAck
        bool nagle{true};                               //!< Nagle
        bool senderSws{true};                           //!< SenderSwsAvoidance
        Time swsOverrideTimeout;                        //!< SwsOverrideTimeout
        LegacyTcpErrorCodes errorCodes{ERRORS_WINSOCK}; //!< ErrorCodes
        bool halfDuplexClose{false};                    //!< HalfDuplexClose
        IcmpPolicy icmpUnreachable{ICMP_RFC1122};       //!< IcmpUnreachable
    };

    /// Signature of "ConnectionEvent".
    typedef void (*ConnectionEventTracedCallback)(const LegacyTcpEvent& event);
    /// Signature of "BlockTaken", "BlockFreed" and "PoolExhausted".
    typedef void (*BlockTracedCallback)(uint64_t connectionId, uint32_t blocksInUse);

    /**
     * \brief Get the type ID. \return the object TypeId
     */
    static TypeId GetTypeId();

    LegacyTcpL4Protocol();
    /**
     * \brief A stack with the prototype's attribute values and none of its state, for
     * another node (CopyObject; LegacyTcpStackHelper builds each node's stack so, not
     * through the attribute system, which costs about 350,000 instructions a stack).
     * Its IsnOffset and ClockPhase are copies of the prototype's variables, made at
     * their first draw (with the stream AssignStreams gives them). Trace sinks are
     * not copied. \param prototype a stack of no node
     */
    LegacyTcpL4Protocol(const LegacyTcpL4Protocol& prototype);
    ~LegacyTcpL4Protocol() override;

    /** \brief Set the node. \param node the node */
    void SetNode(Ptr<Node> node);
    /** \return the node */
    Ptr<Node> GetNode() const;

    /** \return a new, unbound LegacyTcpSocket */
    Ptr<Socket> CreateSocket();

    /**
     * \brief Assign fixed random variable stream numbers to the ISN offset and the
     * timer clock's phase.
     * \param stream first stream index \return the number of streams used (2)
     */
    int64_t AssignStreams(int64_t stream);

    /** \return the number of connection blocks in use */
    uint32_t GetBlocksInUse() const;
    /** \return the number of TIME-WAIT records */
    uint32_t GetTimeWaitCount() const;
    /** \return the number of synchronised or connecting connections */
    uint32_t GetConnectionCount() const;
    /**
     * \brief Read one connection as an observer outside the stack (a test, a
     * crafted-segment probe). \param key its 4-tuple, seen from this host
     * \return its socket's or TIME-WAIT record's state, if it exists
     */
    std::optional<LegacyTcpConnectionState> GetConnectionState(const LegacyTcpFourTuple& key) const;
    /**
     * \return the newest connection (largest id; sockets and TIME-WAIT records) on
     * local port \p localPort whose remote end has address \p remote, if any
     */
    std::optional<LegacyTcpConnectionState> FindConnectionState(uint16_t localPort,
                                                                Ipv4Address remote) const;
    /// What a power-off lost.
    struct PowerOffLosses
    {
        uint32_t connections{0}; //!< connections, synchronised or connecting
        uint32_t listeners{0};   //!< listening sockets
        uint32_t timeWait{0};    //!< TIME-WAIT records
    };
    /**
     * \brief The host is switched off (rule LT-POWER-OFF): a reboot keeps no TCP
     * state, so every connection, listener and TIME-WAIT record is gone without a
     * segment on the wire or a callback to an application (they are off too), each
     * reported as closed with cause power_off, its block and port freed. Until
     * PowerOn() every segment that reaches the stack is dropped and none is sent.
     * \return what was lost
     */
    PowerOffLosses PowerOff();
    /** \brief The host is switched on again, with no connections. */
    void PowerOn();
    /** \return false between PowerOff() and PowerOn() */
    bool IsPoweredOn() const;
    /** \return the TIME-WAIT length: TimeWaitDelay, or 2 x Msl if that is 0 */
    Time GetTimeWaitDuration() const;
    /** \return the error numbering of this stack's socket API */
    LegacyTcpErrorCodes GetErrorCodes() const;
    /** \return the tunables, as the connections read them (at every use) */
    const Config&
    GetConfig() const
    {
        return *m_config;
    }

    // IpL4Protocol
    int GetProtocolNumber() const override;
    enum IpL4Protocol::RxStatus Receive(Ptr<Packet> p, const Ipv4Header& header,
                                        Ptr<Ipv4Interface> incomingInterface) override;
    enum IpL4Protocol::RxStatus Receive(Ptr<Packet> p, const Ipv6Header& header,
                                        Ptr<Ipv6Interface> incomingInterface) override;
    void ReceiveIcmp(Ipv4Address icmpSource, uint8_t icmpTtl, uint8_t icmpType, uint8_t icmpCode,
                     uint32_t icmpInfo, Ipv4Address payloadSource, Ipv4Address payloadDestination,
                     const uint8_t payload[8]) override;
    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override;
    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override;
    IpL4Protocol::DownTargetCallback GetDownTarget() const override;
    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override;

    // --- Services for the stack's connections (legacy-tcp-l4-services.cc) ---

    /** \return a new connection id (never 0) */
    uint64_t NextConnectionId();
    /** \return a new ISN \param key the connection's 4-tuple */
    SequenceNumber32 NextIsn(const LegacyTcpFourTuple& key);
    /**
     * \brief Delay of a timer set now on this host's timer clock.
     * \param timeout nominal timeout \param tick clock period (0 = exact)
     * \return the delay
     */
    Time TimerDelay(Time timeout, Time tick);

    /**
     * \brief Take a block for a connection.
     * \param id the connection \param key its 4-tuple (for the events)
     * \return false (and pool_exhausted) if none is free
     */
    bool TakeBlock(uint64_t id, const LegacyTcpFourTuple& key);
    /**
     * \brief Free a connection's block; if a connection waits for one, the block
     * passes to it (its grant callback runs).
     * \param id the connection \param key its 4-tuple
     */
    void FreeBlock(uint64_t id, const LegacyTcpFourTuple& key);
    /**
     * \brief Queue a connection for a block (FIFO).
     * \param id the connection \param grant run when a block passes to it
     */
    void WaitForBlock(uint64_t id, Callback<void> grant);
    /** \brief Take a connection out of the queue for a block. \param id the connection */
    void StopWaitingForBlock(uint64_t id);
    /**
     * \brief Announce that a freed block passed to a waiting connection.
     * \param id the connection \param key its 4-tuple
     */
    void NotifyBlockGranted(uint64_t id, const LegacyTcpFourTuple& key);

    /**
     * \param remote destination address \param remotePort destination port
     * \return a free ephemeral port with a reference taken, or 0
     */
    uint16_t AllocatePort(Ipv4Address remote = Ipv4Address::GetAny(), uint16_t remotePort = 0);
    /** \param port a port \return true if held by anything */
    bool IsPortInUse(uint16_t port) const;
    /** \brief Reference a port. \param port the port */
    void AcquirePort(uint16_t port);
    /** \brief Drop a port reference. \param port the port */
    void ReleasePort(uint16_t port);

    /** \brief Register a connection. \param key tuple \param socket the connection */
    void AddConnection(const LegacyTcpFourTuple& key, Ptr<LegacyTcpSocket> socket);
    /** \brief Unregister a connection. \param key tuple */
    void RemoveConnection(const LegacyTcpFourTuple& key);
    /** \param key tuple \return true if a connection or TIME-WAIT record has it */
    bool IsTupleInUse(const LegacyTcpFourTuple& key) const;
    /**
     * \brief Register a listener. \param port port \param socket listener
     * \return false if the port already has one
     */
    bool AddListener(uint16_t port, Ptr<LegacyTcpSocket> socket);
    /** \brief Unregister a listener. \param port the port */
    void RemoveListener(uint16_t port);

    /**
     * \brief Move a connection to a compact TIME-WAIT record; the record takes
     * over the block and the port, and the connection leaves the map.
     * \param key tuple \param record sequence state
     */
    void EnterTimeWait(const LegacyTcpFourTuple& key, const TimeWaitRecord& record);
    /**
     * \brief Put a reopened connection's record back (old duplicate SYN). The
     * record takes the block and port back. \param key tuple \param record it
     */
    void ReturnToTimeWait(const LegacyTcpFourTuple& key, const TimeWaitRecord& record);

    /** \param destination where to \return the source address to use */
    Ipv4Address SelectSource(Ipv4Address destination) const;
    /**
     * \brief Send a segment.
     * \param payload data (may be empty) \param header TCP header (ports, flags ...)
     * \param source local address \param destination remote address
     */
    void SendSegment(Ptr<Packet> payload, TcpHeader header, Ipv4Address source,
                     Ipv4Address destination);
    /**
     * \brief The one builder of resets (RFC 793 p.36): <SEQ=seq><CTL=RST>, or with
     * withAck <SEQ=seq><ACK=ack><CTL=RST,ACK>; window 0. Emits rst_sent.
     * \param key the connection's 4-tuple (local and remote ends)
     * \param seq SEQ \param ack ACK (withAck only) \param withAck set the ACK bit
     * \param id the connection (0 = none) \param cause why (rst_sent)
     * \param state the connection's state, for LegacyTcpCause::InState
     */
    void SendRst(const LegacyTcpFourTuple& key, SequenceNumber32 seq, SequenceNumber32 ack,
                 bool withAck, uint64_t id, LegacyTcpCause cause,
                 LegacyTcpState state = LEGACY_TCP_CLOSED);
    /**
     * \brief RFC 793 p.36, a reset for a segment that belongs to no connection:
     * "If the incoming segment has an ACK field, the reset takes its sequence
     * number from the ACK field of the segment, otherwise the reset has sequence
     * number zero and the ACK field is set to the sum of the sequence number and
     * segment length of the incoming segment." Never a reset for a reset.
     * \param h the segment \param dataLength its payload \param key its 4-tuple
     * seen from here \param cause why (rst_sent)
     */
    void SendRstFor(const TcpHeader& h, uint32_t dataLength, const LegacyTcpFourTuple& key,
                    LegacyTcpCause cause);
    /** \brief Fire the ConnectionEvent trace. \param event what happened */
    void Emit(const LegacyTcpEvent& event);

  protected:
    void DoDispose() override;
    void NotifyNewAggregate() override;

  private:
    /// Attribute accessor for one Config field (legacy-tcp-l4-protocol.cc).
    template<class V, class T> class ConfigAccessor;
    /** \return an accessor for a Config field \param field the field */
    template<class V, class T>
    static Ptr<const AttributeAccessor> MakeConfigAccessor(T Config::*field);

    /** \brief BlockTaken/BlockFreed on both traces. \param inUse blocks in use after */
    void EmitBlockEvent(LegacyTcpEventType type, uint64_t id, const LegacyTcpFourTuple& key,
                        uint32_t inUse);

    // --- segment arrival (legacy-tcp-l4-input.cc) ---
    /** \brief Segment for a TIME-WAIT record (RFC 793 p.69-73, RFC 1122 4.2.2.13). */
    void ReceiveTimeWait(const LegacyTcpFourTuple& key, TimeWaitRecord& record, Ptr<Packet> p,
                         const TcpHeader& h);
    /** \brief Send the ACK of an unacceptable segment in TIME-WAIT (RFC 793 p.69). */
    void SendTimeWaitAck(const LegacyTcpFourTuple& key, const TimeWaitRecord& record);
    /** \brief A TIME-WAIT record expired. */
    void TimeWaitExpired(const LegacyTcpFourTuple& key, const TimeWaitRecord& record);
    /**
     * \brief A TIME-WAIT record is gone (expired, or lost at power-off): free its
     * port and block, report it closed. \param key the connection \param record
     * its record \param cause why
     */
    void ReleaseTimeWait(const LegacyTcpFourTuple& key, const TimeWaitRecord& record,
                         LegacyTcpCause cause);
    /** \brief Find a listener for a local port and address. */
    Ptr<LegacyTcpSocket> FindListener(uint16_t port, Ipv4Address local) const;

    /** \return the tunables to set: this stack's own copy from now on */
    Config& MutableConfig();

    // --- attribute setters keeping components in sync ---
    void SetConnectionBlocks(uint32_t blocks);
    uint32_t GetConnectionBlocks() const;
    void SetPortMin(uint16_t port);
    uint16_t GetPortMin() const;
    void SetPortMax(uint16_t port);
    uint16_t GetPortMax() const;
    void SetIsnOffset(Ptr<RandomVariableStream> variable);
    Ptr<RandomVariableStream> GetIsnOffset() const;
    void SetClockPhase(Ptr<RandomVariableStream> variable);
    Ptr<RandomVariableStream> GetClockPhase() const;
    void SetPortSelection(PortSelection selection);
    PortSelection GetPortSelection() const;

    Ptr<Node> m_node;                                //!< the node
    Ptr<Ipv4> m_ipv4;                                //!< the node's, found at the first segment
    IpL4Protocol::DownTargetCallback m_downTarget;   //!< IPv4 send
    IpL4Protocol::DownTargetCallback6 m_downTarget6; //!< IPv6 send (unused)

    /// The plain attributes, shared by the stacks copied from one prototype until
    /// one of them is set (one copy instead of 216 bytes per host).
    std::shared_ptr<Config> m_config{std::make_shared<Config>()};
    uint32_t m_connectionBlocks{0};                  //!< ConnectionBlocks
    uint16_t m_portMin{1025};                        //!< EphemeralPortMin
    uint16_t m_portMax{5000};                        //!< EphemeralPortMax
    PortSelection m_portSelection{PORTS_SEQUENTIAL}; //!< PortSelection

    ConnectionBlockPool m_pool;     //!< connection blocks and their waiters
    EphemeralPortAllocator m_ports; //!< ports
    ClockIsnGenerator m_isn;        //!< ISN clock (and IsnOffset)
    HostTimerClock m_clock;         //!< timer ticks (and ClockPhase)
    TimeWaitTable m_timeWait;       //!< TIME-WAIT records
    uint64_t m_lastConnectionId{0}; //!< last id handed out
    bool m_poweredOn{true};         //!< false between PowerOff and PowerOn

    LazyHashMap<LegacyTcpFourTuple, Ptr<LegacyTcpSocket>, LegacyTcpFourTupleHash>
        m_connections;                                       //!< by 4-tuple
    LazyHashMap<uint16_t, Ptr<LegacyTcpSocket>> m_listeners; //!< by local port

    TracedValue<uint32_t> m_blocksInUse;                     //!< BlocksInUse
    TracedCallback<uint64_t, uint32_t> m_blockTakenTrace;    //!< BlockTaken
    TracedCallback<uint64_t, uint32_t> m_blockFreedTrace;    //!< BlockFreed
    TracedCallback<uint64_t, uint32_t> m_poolExhaustedTrace; //!< PoolExhausted
    TracedCallback<const LegacyTcpEvent&> m_eventTrace;      //!< ConnectionEvent
};

} // namespace ns3

#endif
