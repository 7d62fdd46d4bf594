#ifndef LEGACY_TCP_L4_PROTOCOL_H
#define LEGACY_TCP_L4_PROTOCOL_H

#include "clock-isn-generator.h"
#include "connection-block-pool.h"
#include "ephemeral-port-allocator.h"
#include "host-timer-clock.h"
#include "legacy-tcp-error.h"
#include "legacy-tcp-event.h"
#include "legacy-tcp-four-tuple.h"
#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/tcp-header.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"
#include "time-wait-table.h"

#include <string>
#include <unordered_map>

namespace ns3
{

class Node;
class Socket;
class Packet;
class LegacyTcpSocket;

/**
 * \brief A host's legacy TCP stack: an IpL4Protocol (protocol 6) that replaces
 * ns-3's TcpL4Protocol.
 *
 * It owns the per-host resources of a 1990s stack (connection-block pool,
 * ephemeral ports, ISN clock, compact TIME-WAIT records), demultiplexes segments
 * with hash maps, answers unmatched segments with RFC 793 resets and carries
 * every tunable as an attribute, so a stack profile is an attribute set. See
 * docs/models/legacy-tcp.md.
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

    /// Signature of "ConnectionEvent".
    typedef void (*ConnectionEventTracedCallback)(const LegacyTcpEvent& event);
    /// Signature of "BlockTaken", "BlockFreed" and "PoolExhausted".
    typedef void (*BlockTracedCallback)(uint64_t connectionId, uint32_t blocksInUse);

    /**
     * \brief Get the type ID. \return the object TypeId
     */
    static TypeId GetTypeId();

    LegacyTcpL4Protocol();
    ~LegacyTcpL4Protocol() override;

    /** \brief Set the node. \param node the node */
    void SetNode(Ptr<Node> node);
    /** \return the node */
    Ptr<Node> GetNode() const;

    /** \return a new, unbound LegacyTcpSocket */
    Ptr<Socket> CreateSocket();

    /**
     * \brief Assign a fixed random variable stream number to the ISN offset.
     * \param stream first stream index \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /** \return the number of connection blocks in use */
    uint32_t GetBlocksInUse() const;
    /** \return the number of TIME-WAIT records */
    uint32_t GetTimeWaitCount() const;
    /** \return the number of synchronised or connecting connections */
    uint32_t GetConnectionCount() const;
    /** \return the TIME-WAIT length: TimeWaitDelay, or 2 x Msl if that is 0 */
    Time GetTimeWaitDuration() const;
    /** \return the error numbering of this stack's socket API */
    LegacyTcpErrorCodes GetErrorCodes() const;

    // IpL4Protocol
    int GetProtocolNumber() const override;
    enum IpL4Protocol::RxStatus Receive(Ptr<Packet> p, const Ipv4Header& header,
                                        Ptr<Ipv4Interface> incomingInterface) override;
    enum IpL4Protocol::RxStatus Receive(Ptr<Packet> p, const Ipv6Header& header,
                                        Ptr<Ipv6Interface> incomingInterface) override;
    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override;
    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override;
    IpL4Protocol::DownTargetCallback GetDownTarget() const override;
    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override;

  protected:
    void DoDispose() override;
    void NotifyNewAggregate() override;

  private:
    friend class LegacyTcpSocket;

    // --- services for LegacyTcpSocket ---
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
     * \brief Take a block. \param socket the taker
     * \return false (and pool_exhausted) if none is free
     */
    bool TakeBlock(const LegacyTcpSocket& socket);
    /** \brief Free a socket's block. \param socket the holder */
    void FreeBlock(const LegacyTcpSocket& socket);
    /** \brief Free a block (connection gone). \param id connection \param key tuple */
    void FreeBlock(uint64_t id, const LegacyTcpFourTuple& key);
    /** \brief Queue a socket for a block. \param socket the waiter */
    void EnqueuePoolWaiter(Ptr<LegacyTcpSocket> socket);
    /** \brief Remove a waiter. \param socket the waiter */
    void RemovePoolWaiter(const LegacyTcpSocket& socket);
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
     * over the block and the port. \param key tuple \param record sequence state
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
     * \brief Emit a ConnectionEvent.
     * \param name event name \param id connection (0 = stack) \param key tuple
     * \param detail detail
     */
    void Emit(const std::string& name, uint64_t id, const LegacyTcpFourTuple& key,
              const std::string& detail = "");

    // --- internals ---
    /** \brief Segment for a TIME-WAIT record. */
    void ReceiveTimeWait(const LegacyTcpFourTuple& key, TimeWaitRecord& record, Ptr<Packet> p,
                         const TcpHeader& h);
    /** \brief A TIME-WAIT record expired. */
    void TimeWaitExpired(const LegacyTcpFourTuple& key, const TimeWaitRecord& record);
    /** \brief Find a listener for a local port and address. */
    Ptr<LegacyTcpSocket> FindListener(uint16_t port, Ipv4Address local) const;
    /** \brief RFC 793 reset for a segment that matches nothing. */
    void SendResetForUnmatched(const TcpHeader& h, uint32_t dataLength, Ipv4Address local,
                               Ipv4Address remote);
    /** \brief Setters keeping components in sync with attributes. */
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
    /** \brief Send the ACK of an unacceptable segment in TIME-WAIT (RFC 793 p.69). */
    void SendTimeWaitAck(const LegacyTcpFourTuple& key, const TimeWaitRecord& record);

    Ptr<Node> m_node;                                //!< the node
    IpL4Protocol::DownTargetCallback m_downTarget;   //!< IPv4 send
    IpL4Protocol::DownTargetCallback6 m_downTarget6; //!< IPv6 send (unused)

    // Attributes (see GetTypeId for units, defaults and sources).
    uint32_t m_connectionBlocks{0};                   //!< ConnectionBlocks
    PoolPolicy m_poolPolicy{POOL_FAIL};               //!< PoolPolicy
    Time m_poolWaitTimeout;                           //!< PoolWaitTimeout
    PoolFullSyn m_poolFullSyn{SYN_REFUSE};            //!< PoolFullSyn
    Time m_msl;                                       //!< Msl
    Time m_timeWaitDelay;                             //!< TimeWaitDelay
    bool m_timeWaitReopen{true};                      //!< TimeWaitReopen
    IsnMode m_isnMode{ISN_CLOCK};                     //!< IsnMode
    uint32_t m_isnIncrement{64000};                   //!< IsnIncrement
    PortSelection m_portSelection{PORTS_SEQUENTIAL};  //!< PortSelection
    uint16_t m_portMin{1025};                         //!< EphemeralPortMin
    uint16_t m_portMax{5000};                         //!< EphemeralPortMax
    ConnectRetryPolicy m_retryPolicy{RETRY_WINSOCK};  //!< ConnectRetryPolicy
    Time m_rstRetryInterval;                          //!< RstRetryInterval
    Time m_synInitialTimeout;                         //!< SynInitialTimeout
    Time m_synTimeoutCap;                             //!< SynTimeoutCap
    uint32_t m_maxConnectRetransmissions{3};          //!< MaxConnectRetransmissions
    uint32_t m_synLinearRetries{0};                   //!< SynLinearRetries
    Time m_connectTimeout;                            //!< ConnectTimeout
    uint16_t m_segmentSize{1460};                     //!< SegmentSize
    uint32_t m_receiveWindow{8760};                   //!< ReceiveWindow
    uint32_t m_sendBufferSize{8760};                  //!< SendBufferSize
    Time m_initialRto;                                //!< InitialRto
    Time m_minRto;                                    //!< MinRto
    Time m_maxRto;                                    //!< MaxRto
    uint32_t m_maxDataRetransmissions{5};             //!< MaxDataRetransmissions
    Time m_delayedAckTimeout;                         //!< DelayedAckTimeout
    Time m_delayedAckTick;                            //!< DelayedAckTick
    Time m_rtoTick;                                   //!< RtoTick
    uint32_t m_quickAcks{0};                          //!< QuickAcks
    bool m_delayFinAck{false};                        //!< DelayFinAck
    bool m_nagle{true};                               //!< Nagle
    bool m_senderSws{true};                           //!< SenderSwsAvoidance
    Time m_swsOverrideTimeout;                        //!< SwsOverrideTimeout
    LegacyTcpErrorCodes m_errorCodes{ERRORS_WINSOCK}; //!< ErrorCodes
    bool m_halfDuplexClose{false};                    //!< HalfDuplexClose
    uint32_t m_reopenIsnMargin{65536};                //!< ReopenIsnMargin

    ConnectionBlockPool m_pool;             //!< connection blocks
    EphemeralPortAllocator m_ports;         //!< ports
    ClockIsnGenerator m_isn;                //!< ISN clock
    HostTimerClock m_clock;                 //!< timer ticks
    Ptr<RandomVariableStream> m_clockPhase; //!< ClockPhase
    TimeWaitTable m_timeWait;               //!< TIME-WAIT records
    Ptr<RandomVariableStream> m_isnOffset;  //!< IsnOffset
    uint64_t m_lastConnectionId{0};         //!< last id handed out

    std::unordered_map<LegacyTcpFourTuple, Ptr<LegacyTcpSocket>, LegacyTcpFourTupleHash>
        m_connections;                                                //!< by 4-tuple
    std::unordered_map<uint16_t, Ptr<LegacyTcpSocket>> m_listeners;   //!< by local port
    std::unordered_map<uint64_t, Ptr<LegacyTcpSocket>> m_poolWaiters; //!< by connection id

    TracedValue<uint32_t> m_blocksInUse;                     //!< BlocksInUse
    TracedCallback<uint64_t, uint32_t> m_blockTakenTrace;    //!< BlockTaken
    TracedCallback<uint64_t, uint32_t> m_blockFreedTrace;    //!< BlockFreed
    TracedCallback<uint64_t, uint32_t> m_poolExhaustedTrace; //!< PoolExhausted
    TracedCallback<const LegacyTcpEvent&> m_eventTrace;      //!< ConnectionEvent
};

} // namespace ns3

#endif
