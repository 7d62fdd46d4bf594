#include "legacy-tcp-l4-protocol.h"

#include "legacy-tcp-socket.h"
#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-interface-address.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-option-rfc793.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpL4Protocol");

NS_OBJECT_ENSURE_REGISTERED(LegacyTcpL4Protocol);

TypeId
LegacyTcpL4Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LegacyTcpL4Protocol")
            .SetParent<IpL4Protocol>()
            .SetGroupName("Internet")
            .AddConstructor<LegacyTcpL4Protocol>()
            .AddAttribute("ConnectionBlocks",
                          "Connection blocks (TCBs) of the host, 0 = unlimited. A connection "
                          "holds one from leaving CLOSED until CLOSED again, TIME-WAIT included. "
                          "Source: LAN Manager TCPCONNECTIONS (Q94246: 17 with the TCP/IP "
                          "utilities, 7 without). Default 0: assumption, because non-DOS stacks "
                          "allocate control blocks dynamically.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LegacyTcpL4Protocol::SetConnectionBlocks,
                                               &LegacyTcpL4Protocol::GetConnectionBlocks),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("PoolPolicy",
                          "What a connect does when no block is free: Fail (no_tcb, WSAENOBUFS "
                          "10055, at once) or Wait (FIFO, up to PoolWaitTimeout; the 'long pause' "
                          "of Q94246).",
                          EnumValue(POOL_FAIL),
                          MakeEnumAccessor(&LegacyTcpL4Protocol::m_poolPolicy),
                          MakeEnumChecker(POOL_FAIL, "Fail", POOL_WAIT, "Wait"))
            .AddAttribute("PoolWaitTimeout",
                          "Longest wait for a block with PoolPolicy Wait, then no_tcb; 0 = no "
                          "limit. Default 240 s: assumption, because one default TIME-WAIT "
                          "always frees a block within that time.",
                          TimeValue(Seconds(240)),
                          MakeTimeAccessor(&LegacyTcpL4Protocol::m_poolWaitTimeout),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("PoolFullSyn",
                          "What happens to a SYN for a listener when no block is free: Refuse "
                          "(reset; RFC 793 p.36: with no TCB the connection is CLOSED and 'SYNs "
                          "addressed to a non-existent connection are rejected by this means') "
                          "or Drop (silently; the peer retransmits).",
                          EnumValue(SYN_REFUSE),
                          MakeEnumAccessor(&LegacyTcpL4Protocol::m_poolFullSyn),
                          MakeEnumChecker(SYN_REFUSE, "Refuse", SYN_DROP, "Drop"))
            .AddAttribute("Msl",
                          "Maximum segment lifetime; TIME-WAIT lasts 2 x Msl unless "
                          "TimeWaitDelay is set. Default 120 s: RFC 793 p.28.",
                          TimeValue(Seconds(120)), MakeTimeAccessor(&LegacyTcpL4Protocol::m_msl),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TimeWaitDelay",
                          "TIME-WAIT length; 0 = 2 x Msl. Source: Windows NT "
                          "TcpTimedWaitDelay (240 s, range 30-300 s, Q149532).",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&LegacyTcpL4Protocol::m_timeWaitDelay),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TimeWaitReopen",
                          "Accept a new SYN for a connection in TIME-WAIT whose sequence number "
                          "is above the old RCV.NXT, if a listener has the port. Source: RFC "
                          "1122 4.2.2.13 (MAY).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LegacyTcpL4Protocol::m_timeWaitReopen),
                          MakeBooleanChecker())
            .AddAttribute("ReopenIsnMargin",
                          "Bytes added above the old incarnation's largest sequence number "
                          "when a reopened connection's clock ISN is not already larger. "
                          "Default 65536: assumption, one maximum unscaled window, so no old "
                          "segment falls in the new window.",
                          UintegerValue(65536),
                          MakeUintegerAccessor(&LegacyTcpL4Protocol::m_reopenIsnMargin),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute(
                "IsnMode",
                "Initial sequence numbers: Clock (RFC 793 p.27, one tick per 4 us "
                "plus IsnOffset, plus IsnIncrement per connection), Hashed (RFC 6528: "
                "the clock plus a keyed hash of the 4-tuple, as Linux does) or Zero "
                "(stock ns-3, for comparison).",
                EnumValue(ISN_CLOCK), MakeEnumAccessor(&LegacyTcpL4Protocol::m_isnMode),
                MakeEnumChecker(ISN_CLOCK, "Clock", ISN_HASHED, "Hashed", ISN_ZERO, "Zero"))
            .AddAttribute("IsnIncrement",
                          "Clock mode: added to the ISN for every connection, so that "
                          "connections opened at the same instant get different ISNs. Default "
                          "64000: 4.4BSD (tcp_iss += TCP_ISSINCR / 2 at every connection).",
                          UintegerValue(64000),
                          MakeUintegerAccessor(&LegacyTcpL4Protocol::m_isnIncrement),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("PortSelection",
                          "Order of ephemeral ports: Sequential (cycle from the last port handed "
                          "out: 4.4BSD in_pcbbind, Windows) or Hashed (an offset hashed from the "
                          "destination, even ports first: Linux __inet_hash_connect).",
                          EnumValue(PORTS_SEQUENTIAL),
                          MakeEnumAccessor(&LegacyTcpL4Protocol::SetPortSelection,
                                           &LegacyTcpL4Protocol::GetPortSelection),
                          MakeEnumChecker(PORTS_SEQUENTIAL, "Sequential", PORTS_HASHED, "Hashed"))
            .AddAttribute("IsnOffset",
                          "Per-host offset of the ISN clock, drawn once at first use (the run's "
                          "seed and AssignStreams fix it). Default uniform over 32 bits: "
                          "assumption, real hosts started the clock at boot.",
                          StringValue("ns3::UniformRandomVariable[Min=0|Max=4294967295]"),
                          MakePointerAccessor(&LegacyTcpL4Protocol::SetIsnOffset,
                                              &LegacyTcpL4Protocol::GetIsnOffset),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("EphemeralPortMin",
                          "First ephemeral port. Default 1025: Windows NT/95 and BSD.",
                          UintegerValue(1025),
                          MakeUintegerAccessor(&LegacyTcpL4Protocol::SetPortMin,
                                               &LegacyTcpL4Protocol::GetPortMin),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("EphemeralPortMax",
                          "Last ephemeral port. Default 5000: Windows MaxUserPort (Q196271) "
                          "and BSD IPPORT_USERRESERVED.",
                          UintegerValue(5000),
                          MakeUintegerAccessor(&LegacyTcpL4Protocol::SetPortMax,
                                               &LegacyTcpL4Protocol::GetPortMax),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("ConnectRetryPolicy",
                          "Reaction to a RST|ACK acknowledging our SYN: Winsock (re-send the "
                          "SYN after RstRetryInterval, not doubled, up to "
                          "MaxConnectRetransmissions; Q175523) or Unix (fail at once).",
                          EnumValue(RETRY_WINSOCK),
                          MakeEnumAccessor(&LegacyTcpL4Protocol::m_retryPolicy),
                          MakeEnumChecker(RETRY_WINSOCK, "Winsock", RETRY_UNIX, "Unix"))
            .AddAttribute("RstRetryInterval",
                          "Winsock policy: time from a SYN to its re-send when it was answered "
                          "by a reset. Default 500 ms: assumption, Q175523 calls the 3 s "
                          "initial timeout 'irrelevant' in this case and modern Windows "
                          "measures about 0.5 s.",
                          TimeValue(MilliSeconds(500)),
                          MakeTimeAccessor(&LegacyTcpL4Protocol::m_rstRetryInterval),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("SynInitialTimeout",
                          "Timeout of the first SYN, doubled at each unanswered SYN. Default "
                          "3 s: Q175523 ('The initial time-out value is three seconds').",
                          TimeValue(Seconds(3)),
                          MakeTimeAccessor(&LegacyTcpL4Protocol::m_synInitialTimeout),
                          MakeTimeChecker(Time(1)))
            .AddAttribute("SynTimeoutCap",
                          "Upper bound of the doubled SYN timeout; 0 = no cap. Windows 95: "
                          "120 s (Q175523: 'doubled each time ... up to a maximum of 2 "
                          "minutes').",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&LegacyTcpL4Protocol::m_synTimeoutCap),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("SynLinearRetries",
                          "SYN retransmissions sent before the SYN timeout starts doubling: "
                          "the timeout stays SynInitialTimeout until this many retransmissions "
                          "have left, then doubles with each one. Default 0 (classic doubling, "
                          "Q175523). Linux: net.ipv4.tcp_syn_linear_timeouts = 4 "
                          "(net/ipv4/tcp_timer.c: no doubling while total_rto <= the sysctl).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LegacyTcpL4Protocol::m_synLinearRetries),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ConnectTimeout",
                          "Overall deadline of a connect, from its first SYN: still not "
                          "connected then, it fails as timed_out whatever retries are left; "
                          "0 = no deadline. BSD: 75 s connection-establishment timer "
                          "(TCPTV_KEEP_INIT). Default 0: the Microsoft stacks have none.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&LegacyTcpL4Protocol::m_connectTimeout),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("MaxConnectRetransmissions",
                          "SYN re-sends per connect, after a timeout or a reset alike. Default "
                          "3: Q175523 (TcpMaxConnectRetransmissions, MaxConnectRetries).",
                          UintegerValue(3),
                          MakeUintegerAccessor(&LegacyTcpL4Protocol::m_maxConnectRetransmissions),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("SegmentSize",
                          "MSS sent in the SYN option and upper bound of data segments, bytes. "
                          "Default 1460: Ethernet MTU 1500 minus 40.",
                          UintegerValue(1460),
                          MakeUintegerAccessor(&LegacyTcpL4Protocol::m_segmentSize),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("ReceiveWindow",
                          "Receive buffer, bytes; the advertised window is this minus unread "
                          "data (max 65535). Default 8760: NT 4.0 on Ethernet, 6 x 1460.",
                          UintegerValue(8760),
                          MakeUintegerAccessor(&LegacyTcpL4Protocol::m_receiveWindow),
                          MakeUintegerChecker<uint32_t>(1, 65535))
            .AddAttribute("SendBufferSize",
                          "Send buffer, bytes. Default 8760: assumption, same as the receive "
                          "window.",
                          UintegerValue(8760),
                          MakeUintegerAccessor(&LegacyTcpL4Protocol::m_sendBufferSize),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("InitialRto",
                          "Data retransmission timeout before an RTT sample. Default 3 s: RFC "
                          "1122 4.2.3.1.",
                          TimeValue(Seconds(3)),
                          MakeTimeAccessor(&LegacyTcpL4Protocol::m_initialRto),
                          MakeTimeChecker(Time(1)))
            .AddAttribute("MinRto",
                          "Lower bound of the retransmission timeout. It must exceed the peer's "
                          "delayed-ACK time plus a round trip, or every unanswered request is "
                          "retransmitted spuriously. Default 1 s: RFC 6298 2.4.",
                          TimeValue(Seconds(1)), MakeTimeAccessor(&LegacyTcpL4Protocol::m_minRto),
                          MakeTimeChecker(Time(1)))
            .AddAttribute("RtoTick",
                          "Period of the clock the retransmission timer counts in; the timer "
                          "fires at the ceil(RTO / tick)-th tick after it is set; 0 = an exact "
                          "timer. 4.4BSD: 500 ms (the slow timeout, PR_SLOWHZ 2). Default 0.",
                          TimeValue(Time(0)), MakeTimeAccessor(&LegacyTcpL4Protocol::m_rtoTick),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("MaxRto",
                          "Upper bound of the backed-off retransmission timeout. Default 60 s: "
                          "RFC 6298 2.5.",
                          TimeValue(Seconds(60)), MakeTimeAccessor(&LegacyTcpL4Protocol::m_maxRto),
                          MakeTimeChecker(Time(1)))
            .AddAttribute("MaxDataRetransmissions",
                          "Retransmissions of one segment before the connection aborts "
                          "(timed_out). Default 5: NT TcpMaxDataRetransmissions.",
                          UintegerValue(5),
                          MakeUintegerAccessor(&LegacyTcpL4Protocol::m_maxDataRetransmissions),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("DelayedAckTimeout",
                          "Delayed ACK timer; every second full segment is acknowledged at "
                          "once; 0 = acknowledge every segment at once. Default 200 ms: RFC "
                          "1122 4.2.3.2 (at most 0.5 s), Windows NT (TcpDelAckTicks 2 x 100 "
                          "ms) and 4.4BSD (the 200 ms fast timeout).",
                          TimeValue(MilliSeconds(200)),
                          MakeTimeAccessor(&LegacyTcpL4Protocol::m_delayedAckTimeout),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("DelayedAckTick",
                          "Period of the clock the delayed-ACK timer counts in; the ACK leaves "
                          "at the ceil(DelayedAckTimeout / tick)-th tick after the segment; 0 = "
                          "an exact timer. 4.4BSD: 200 ms (the fast timeout: the ACK goes 0-200 "
                          "ms later); Windows NT: 100 ms (TcpDelAckTicks 2: 100-200 ms). "
                          "Default 0.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&LegacyTcpL4Protocol::m_delayedAckTick),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("QuickAcks",
                          "Data segments acknowledged at once at the start of a connection "
                          "before delayed ACKs begin. Linux: up to 16 (TCP_MAX_QUICKACKS, quick "
                          "ACK mode). Default 0.",
                          UintegerValue(0), MakeUintegerAccessor(&LegacyTcpL4Protocol::m_quickAcks),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("DelayFinAck",
                          "The ACK of a peer's FIN waits on the delayed-ACK timer instead of "
                          "leaving at once, so an application that closes in answer sends one "
                          "FIN|ACK (Linux's three-segment close). Default false: 4.4BSD "
                          "acknowledges a FIN at once (TF_ACKNOW).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LegacyTcpL4Protocol::m_delayFinAck),
                          MakeBooleanChecker())
            .AddAttribute("ClockPhase",
                          "Time from the host's boot to the start of the simulation, seconds: "
                          "the phase of the timer ticks (RtoTick, DelayedAckTick), drawn once. "
                          "Default uniform in [0, 1] s: assumption, hosts do not tick in step "
                          "(1 s is a whole number of 100, 200 and 500 ms ticks).",
                          StringValue("ns3::UniformRandomVariable[Min=0|Max=1]"),
                          MakePointerAccessor(&LegacyTcpL4Protocol::SetClockPhase,
                                              &LegacyTcpL4Protocol::GetClockPhase),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("Nagle",
                          "Nagle's algorithm: while data is unacknowledged, hold back a segment "
                          "shorter than the MSS. Source: RFC 896, RFC 1122 4.2.3.4 (MUST). "
                          "Default true.",
                          BooleanValue(true), MakeBooleanAccessor(&LegacyTcpL4Protocol::m_nagle),
                          MakeBooleanChecker())
            .AddAttribute("SenderSwsAvoidance",
                          "Sender silly-window avoidance: send only a full segment, all queued "
                          "data, or at least half the peer's largest window; else wait for "
                          "SwsOverrideTimeout. Source: RFC 1122 4.2.3.4 (MUST). Default true.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LegacyTcpL4Protocol::m_senderSws),
                          MakeBooleanChecker())
            .AddAttribute("SwsOverrideTimeout",
                          "Sender SWS avoidance: send what the window allows after this long. "
                          "Default 500 ms: assumption, RFC 1122 4.2.3.4 asks for 0.1-1 s.",
                          TimeValue(MilliSeconds(500)),
                          MakeTimeAccessor(&LegacyTcpL4Protocol::m_swsOverrideTimeout),
                          MakeTimeChecker(Time(1)))
            .AddAttribute("ErrorCodes",
                          "Error numbers of the stack's programming interface, as connections.csv "
                          "reports them: Winsock (WSAECONNREFUSED 10061 ...), Linux (ECONNREFUSED "
                          "111 ...), Bsd (ECONNREFUSED 61 ...) or Dos (the LAN Manager "
                          "redirector's MS-DOS codes: 53 for a server it cannot reach). Default "
                          "Winsock.",
                          EnumValue(ERRORS_WINSOCK),
                          MakeEnumAccessor(&LegacyTcpL4Protocol::m_errorCodes),
                          MakeEnumChecker(ERRORS_WINSOCK, "Winsock", ERRORS_LINUX, "Linux",
                                          ERRORS_BSD, "Bsd", ERRORS_DOS, "Dos"))
            .AddAttribute("HalfDuplexClose",
                          "Close() with unread data, or data arriving after Close(), sends a "
                          "reset and aborts. Source: RFC 1122 4.2.2.13 (MAY). Default false.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LegacyTcpL4Protocol::m_halfDuplexClose),
                          MakeBooleanChecker())
            .AddTraceSource("BlocksInUse", "Connection blocks in use.",
                            MakeTraceSourceAccessor(&LegacyTcpL4Protocol::m_blocksInUse),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("BlockTaken",
                            "A connection took a block (connection id, blocks in use).",
                            MakeTraceSourceAccessor(&LegacyTcpL4Protocol::m_blockTakenTrace),
                            "ns3::LegacyTcpL4Protocol::BlockTracedCallback")
            .AddTraceSource("BlockFreed", "A block was freed (connection id, blocks in use).",
                            MakeTraceSourceAccessor(&LegacyTcpL4Protocol::m_blockFreedTrace),
                            "ns3::LegacyTcpL4Protocol::BlockTracedCallback")
            .AddTraceSource("PoolExhausted",
                            "A block was needed and none was free (connection id or 0, blocks "
                            "in use).",
                            MakeTraceSourceAccessor(&LegacyTcpL4Protocol::m_poolExhaustedTrace),
                            "ns3::LegacyTcpL4Protocol::BlockTracedCallback")
            .AddTraceSource("ConnectionEvent", "Every connection-lifecycle event (LegacyTcpEvent).",
                            MakeTraceSourceAccessor(&LegacyTcpL4Protocol::m_eventTrace),
                            "ns3::LegacyTcpL4Protocol::ConnectionEventTracedCallback");
    return tid;
}

LegacyTcpL4Protocol::LegacyTcpL4Protocol()
{
    m_timeWait.SetExpiryCallback(MakeCallback(&LegacyTcpL4Protocol::TimeWaitExpired, this));
}

LegacyTcpL4Protocol::~LegacyTcpL4Protocol() = default;

void
LegacyTcpL4Protocol::DoDispose()
{
    m_timeWait.Clear();
    for (auto& c : m_connections)
    {
        c.second->CancelTimers();
    }
    m_connections.clear();
    m_listeners.clear();
    m_poolWaiters.clear();
    m_node = nullptr;
    m_downTarget = IpL4Protocol::DownTargetCallback();
    m_downTarget6 = IpL4Protocol::DownTargetCallback6();
    IpL4Protocol::DoDispose();
}

void
LegacyTcpL4Protocol::NotifyNewAggregate()
{
    if (!m_node)
    {
        Ptr<Node> node = GetObject<Node>();
        if (node)
        {
            m_node = node;
        }
    }
    Ptr<Ipv4> ipv4 = GetObject<Ipv4>();
    if (ipv4 && m_downTarget.IsNull())
    {
        // The stack helper swaps us in for the stock TcpL4Protocol (Remove, Insert).
        SetDownTarget(MakeCallback(&Ipv4::Send, ipv4));
    }
    IpL4Protocol::NotifyNewAggregate();
}

void
LegacyTcpL4Protocol::SetNode(Ptr<Node> node)
{
    m_node = node;
}

Ptr<Node>
LegacyTcpL4Protocol::GetNode() const
{
    return m_node;
}

Ptr<Socket>
LegacyTcpL4Protocol::CreateSocket()
{
    Ptr<LegacyTcpSocket> socket = CreateObject<LegacyTcpSocket>();
    socket->SetTcp(this, NextConnectionId());
    return socket;
}

int64_t
LegacyTcpL4Protocol::AssignStreams(int64_t stream)
{
    if (m_isnOffset)
    {
        m_isnOffset->SetStream(stream);
    }
    if (m_clockPhase)
    {
        m_clockPhase->SetStream(stream + 1);
    }
    return 2;
}

uint32_t
LegacyTcpL4Protocol::GetBlocksInUse() const
{
    return m_pool.GetInUse();
}

uint32_t
LegacyTcpL4Protocol::GetTimeWaitCount() const
{
    return static_cast<uint32_t>(m_timeWait.GetSize());
}

uint32_t
LegacyTcpL4Protocol::GetConnectionCount() const
{
    return static_cast<uint32_t>(m_connections.size());
}

LegacyTcpErrorCodes
LegacyTcpL4Protocol::GetErrorCodes() const
{
    return m_errorCodes;
}

Time
LegacyTcpL4Protocol::GetTimeWaitDuration() const
{
    // RFC 793 p.22: TIME-WAIT lasts "enough time to pass to be sure the remote TCP
    // received the acknowledgment of its connection termination request" (2 MSL).
    return m_timeWaitDelay.IsStrictlyPositive() ? m_timeWaitDelay : m_msl * 2;
}

int
LegacyTcpL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

void
LegacyTcpL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_downTarget = cb;
}

void
LegacyTcpL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
LegacyTcpL4Protocol::GetDownTarget() const
{
    return m_downTarget;
}

IpL4Protocol::DownTargetCallback6
LegacyTcpL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

// --- attribute setters ---

void
LegacyTcpL4Protocol::SetConnectionBlocks(uint32_t blocks)
{
    m_connectionBlocks = blocks;
    m_pool.SetCapacity(blocks);
}

uint32_t
LegacyTcpL4Protocol::GetConnectionBlocks() const
{
    return m_connectionBlocks;
}

void
LegacyTcpL4Protocol::SetPortMin(uint16_t port)
{
    m_portMin = port;
    m_ports.SetRange(m_portMin, m_portMax);
}

uint16_t
LegacyTcpL4Protocol::GetPortMin() const
{
    return m_portMin;
}

void
LegacyTcpL4Protocol::SetPortMax(uint16_t port)
{
    m_portMax = port;
    m_ports.SetRange(m_portMin, m_portMax);
}

uint16_t
LegacyTcpL4Protocol::GetPortMax() const
{
    return m_portMax;
}

void
LegacyTcpL4Protocol::SetIsnOffset(Ptr<RandomVariableStream> variable)
{
    m_isnOffset = variable;
    m_isn.SetOffsetVariable(variable);
}

Ptr<RandomVariableStream>
LegacyTcpL4Protocol::GetIsnOffset() const
{
    return m_isnOffset;
}

void
LegacyTcpL4Protocol::SetClockPhase(Ptr<RandomVariableStream> variable)
{
    m_clockPhase = variable;
    m_clock.SetPhaseVariable(variable);
}

Ptr<RandomVariableStream>
LegacyTcpL4Protocol::GetClockPhase() const
{
    return m_clockPhase;
}

void
LegacyTcpL4Protocol::SetPortSelection(PortSelection selection)
{
    m_portSelection = selection;
    m_ports.SetHashed(selection == PORTS_HASHED);
}

LegacyTcpL4Protocol::PortSelection
LegacyTcpL4Protocol::GetPortSelection() const
{
    return m_portSelection;
}

// --- services for sockets ---

uint64_t
LegacyTcpL4Protocol::NextConnectionId()
{
    return ++m_lastConnectionId;
}

SequenceNumber32
LegacyTcpL4Protocol::NextIsn(const LegacyTcpFourTuple& key)
{
    m_isn.SetMode(m_isnMode == ISN_ZERO     ? ClockIsnGenerator::ZERO
                  : m_isnMode == ISN_HASHED ? ClockIsnGenerator::HASHED
                                            : ClockIsnGenerator::CLOCK);
    m_isn.SetIncrement(m_isnIncrement);
    return m_isn.Next(Simulator::Now(), key);
}

Time
LegacyTcpL4Protocol::TimerDelay(Time timeout, Time tick)
{
    return m_clock.Delay(Simulator::Now(), timeout, tick);
}

bool
LegacyTcpL4Protocol::TakeBlock(const LegacyTcpSocket& socket)
{
    if (!m_pool.TryTake())
    {
        m_poolExhaustedTrace(socket.m_connectionId, m_pool.GetInUse());
        Emit("pool_exhausted", socket.m_connectionId, socket.GetKey(),
             "capacity=" + std::to_string(m_pool.GetCapacity()));
        return false;
    }
    m_blocksInUse = m_pool.GetInUse();
    m_blockTakenTrace(socket.m_connectionId, m_pool.GetInUse());
    Emit("block_taken", socket.m_connectionId, socket.GetKey(),
         "in_use=" + std::to_string(m_pool.GetInUse()));
    return true;
}

void
LegacyTcpL4Protocol::FreeBlock(const LegacyTcpSocket& socket)
{
    FreeBlock(socket.m_connectionId, socket.GetKey());
}

void
LegacyTcpL4Protocol::FreeBlock(uint64_t id, const LegacyTcpFourTuple& key)
{
    uint64_t waiter = m_pool.Release();
    m_blocksInUse = m_pool.GetInUse();
    uint32_t inUse = waiter != 0 ? m_pool.GetInUse() - 1 : m_pool.GetInUse();
    m_blockFreedTrace(id, inUse);
    Emit("block_freed", id, key, "in_use=" + std::to_string(inUse));
    if (waiter != 0)
    {
        auto it = m_poolWaiters.find(waiter);
        // The pool and the waiter table move together; NS_ASSERT is compiled out
        // in release builds, and this must not become undefined behaviour.
        NS_ABORT_MSG_IF(it == m_poolWaiters.end(), "pool waiter " << waiter << " unknown");
        Ptr<LegacyTcpSocket> socket = it->second;
        m_poolWaiters.erase(it);
        m_blockTakenTrace(socket->m_connectionId, m_pool.GetInUse());
        Emit("block_taken", socket->m_connectionId, socket->GetKey(),
             "in_use=" + std::to_string(m_pool.GetInUse()));
        socket->GrantPoolBlock();
    }
}

void
LegacyTcpL4Protocol::EnqueuePoolWaiter(Ptr<LegacyTcpSocket> socket)
{
    m_pool.Enqueue(socket->m_connectionId);
    m_poolWaiters[socket->m_connectionId] = socket;
}

void
LegacyTcpL4Protocol::RemovePoolWaiter(const LegacyTcpSocket& socket)
{
    m_pool.Dequeue(socket.m_connectionId);
    m_poolWaiters.erase(socket.m_connectionId);
}

uint16_t
LegacyTcpL4Protocol::AllocatePort(Ipv4Address remote, uint16_t remotePort)
{
    uint64_t destination = 0;
    if (m_portSelection == PORTS_HASHED)
    {
        // A keyed hash of the destination, as the kernel's secure_ipv4_port_ephemeral.
        uint64_t x = (uint64_t(remote.Get()) << 16 | remotePort) ^
                     (uint64_t(m_isn.GetSecret()) * 0x9E3779B97F4A7C15ULL);
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9ULL;
        destination = x ^ (x >> 29);
    }
    return m_ports.Allocate(destination);
}

bool
LegacyTcpL4Protocol::IsPortInUse(uint16_t port) const
{
    return m_ports.IsInUse(port);
}

void
LegacyTcpL4Protocol::AcquirePort(uint16_t port)
{
    m_ports.Acquire(port);
}

void
LegacyTcpL4Protocol::ReleasePort(uint16_t port)
{
    m_ports.Release(port);
}

void
LegacyTcpL4Protocol::AddConnection(const LegacyTcpFourTuple& key, Ptr<LegacyTcpSocket> socket)
{
    m_connections[key] = socket;
}

void
LegacyTcpL4Protocol::RemoveConnection(const LegacyTcpFourTuple& key)
{
    m_connections.erase(key);
}

bool
LegacyTcpL4Protocol::IsTupleInUse(const LegacyTcpFourTuple& key) const
{
    return m_connections.count(key) != 0 ||
           const_cast<TimeWaitTable&>(m_timeWait).Find(key) != nullptr;
}

bool
LegacyTcpL4Protocol::AddListener(uint16_t port, Ptr<LegacyTcpSocket> socket)
{
    return m_listeners.emplace(port, socket).second;
}

void
LegacyTcpL4Protocol::RemoveListener(uint16_t port)
{
    m_listeners.erase(port);
}

Ptr<LegacyTcpSocket>
LegacyTcpL4Protocol::FindListener(uint16_t port, Ipv4Address local) const
{
    auto it = m_listeners.find(port);
    if (it == m_listeners.end())
    {
        return nullptr;
    }
    Ipv4Address bound = it->second->m_localAddress;
    if (bound != Ipv4Address::GetAny() && bound != local)
    {
        return nullptr;
    }
    return it->second;
}

void
LegacyTcpL4Protocol::EnterTimeWait(const LegacyTcpFourTuple& key, const TimeWaitRecord& record)
{
    m_connections.erase(key);
    m_timeWait.Insert(key, record, GetTimeWaitDuration());
}

void
LegacyTcpL4Protocol::ReturnToTimeWait(const LegacyTcpFourTuple& key, const TimeWaitRecord& record)
{
    m_connections.erase(key);
    m_timeWait.Restore(key, record);
}

void
LegacyTcpL4Protocol::TimeWaitExpired(const LegacyTcpFourTuple& key, const TimeWaitRecord& record)
{
    NS_LOG_INFO("connection " << record.connectionId << ": TIME_WAIT -> CLOSED (2MSL timer)");
    Emit("time_wait_exit", record.connectionId, key);
    m_ports.Release(key.localPort);
    FreeBlock(record.connectionId, key);
    Emit("closed", record.connectionId, key, "time_wait");
}

Ipv4Address
LegacyTcpL4Protocol::SelectSource(Ipv4Address destination) const
{
    Ptr<Ipv4> ipv4 = m_node ? m_node->GetObject<Ipv4>() : nullptr;
    if (!ipv4)
    {
        return Ipv4Address::GetAny();
    }
    if (ipv4->GetRoutingProtocol())
    {
        Ipv4Header header;
        header.SetDestination(destination);
        header.SetProtocol(PROT_NUMBER);
        Socket::SocketErrno err;
        Ptr<Ipv4Route> route =
            ipv4->GetRoutingProtocol()->RouteOutput(Ptr<Packet>(), header, nullptr, err);
        if (route)
        {
            return route->GetSource();
        }
    }
    return Ipv4Address::GetAny();
}

void
LegacyTcpL4Protocol::SendSegment(Ptr<Packet> payload, TcpHeader header, Ipv4Address source,
                                 Ipv4Address destination)
{
    Ptr<Packet> packet = payload ? payload->Copy() : Create<Packet>();
    if (Node::ChecksumEnabled())
    {
        header.EnableChecksums();
        header.InitializeChecksum(source, destination, PROT_NUMBER);
    }
    packet->AddHeader(header);
    NS_LOG_LOGIC("send " << source << " -> " << destination << " " << header);

    Ptr<Ipv4> ipv4 = m_node ? m_node->GetObject<Ipv4>() : nullptr;
    Ptr<Ipv4Route> route;
    if (ipv4 && ipv4->GetRoutingProtocol())
    {
        Ipv4Header ipHeader;
        ipHeader.SetSource(source);
        ipHeader.SetDestination(destination);
        ipHeader.SetProtocol(PROT_NUMBER);
        Socket::SocketErrno err;
        route = ipv4->GetRoutingProtocol()->RouteOutput(packet, ipHeader, nullptr, err);
    }
    if (!route)
    {
        NS_LOG_WARN("no route to " << destination << ", segment dropped");
        return;
    }
    if (!m_downTarget.IsNull())
    {
        m_downTarget(packet, source, destination, PROT_NUMBER, route);
    }
}

void
LegacyTcpL4Protocol::Emit(const std::string& name, uint64_t id, const LegacyTcpFourTuple& key,
                          const std::string& detail)
{
    if (m_eventTrace.IsEmpty())
    {
        return;
    }
    LegacyTcpEvent event;
    event.name = name;
    event.connectionId = id;
    event.localAddress = Ipv4Address(key.localAddress);
    event.localPort = key.localPort;
    event.remoteAddress = Ipv4Address(key.remoteAddress);
    event.remotePort = key.remotePort;
    event.detail = detail;
    m_eventTrace(event);
}

// --- receive path ---

enum IpL4Protocol::RxStatus
LegacyTcpL4Protocol::Receive(Ptr<Packet> p, const Ipv4Header& ipHeader,
                             Ptr<Ipv4Interface> /* incomingInterface */)
{
    Ipv4Address remote = ipHeader.GetSource();
    Ipv4Address local = ipHeader.GetDestination();
    TcpHeader h;
    if (Node::ChecksumEnabled())
    {
        h.EnableChecksums();
        h.InitializeChecksum(remote, local, PROT_NUMBER);
    }
    p->PeekHeader(h);
    if (!h.IsChecksumOk())
    {
        NS_LOG_INFO("bad checksum, segment dropped");
        return IpL4Protocol::RX_CSUM_FAILED;
    }
    p->RemoveHeader(h);
    NS_LOG_LOGIC("recv " << remote << " -> " << local << " " << h);

    // Hash demultiplexing: connection, then TIME-WAIT record, then listener.
    LegacyTcpFourTuple key =
        LegacyTcpFourTuple::Make(local, h.GetDestinationPort(), remote, h.GetSourcePort());
    auto it = m_connections.find(key);
    if (it != m_connections.end())
    {
        Ptr<LegacyTcpSocket> socket = it->second; // keep alive while it runs
        socket->ReceiveSegment(p, h, remote, local);
        return IpL4Protocol::RX_OK;
    }
    TimeWaitRecord* record = m_timeWait.Find(key);
    if (record)
    {
        ReceiveTimeWait(key, *record, p, h);
        return IpL4Protocol::RX_OK;
    }
    Ptr<LegacyTcpSocket> listener = FindListener(h.GetDestinationPort(), local);
    if (listener)
    {
        listener->ReceiveSegment(p, h, remote, local);
        return IpL4Protocol::RX_OK;
    }
    SendResetForUnmatched(h, p->GetSize(), local, remote);
    return IpL4Protocol::RX_ENDPOINT_CLOSED;
}

enum IpL4Protocol::RxStatus
LegacyTcpL4Protocol::Receive(Ptr<Packet> /* p */, const Ipv6Header& /* header */,
                             Ptr<Ipv6Interface> /* incomingInterface */)
{
    // Legacy stacks are IPv4 only.
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

void
LegacyTcpL4Protocol::SendResetForUnmatched(const TcpHeader& h, uint32_t dataLength,
                                           Ipv4Address local, Ipv4Address remote)
{
    // RFC 793 p.36: "If the connection does not exist (CLOSED) then a reset is sent
    // in response to any incoming segment except another reset. ... If the incoming
    // segment has an ACK field, the reset takes its sequence number from the ACK
    // field of the segment, otherwise the reset has sequence number zero and the ACK
    // field is set to the sum of the sequence number and segment length."
    uint8_t flags = h.GetFlags();
    if (flags & TcpHeader::RST)
    {
        return;
    }
    TcpHeader rst;
    rst.SetSourcePort(h.GetDestinationPort());
    rst.SetDestinationPort(h.GetSourcePort());
    rst.SetWindowSize(0);
    if (flags & TcpHeader::ACK)
    {
        rst.SetFlags(TcpHeader::RST);
        rst.SetSequenceNumber(h.GetAckNumber());
        rst.SetAckNumber(SequenceNumber32(0));
    }
    else
    {
        uint32_t segLen =
            dataLength + ((flags & TcpHeader::SYN) ? 1 : 0) + ((flags & TcpHeader::FIN) ? 1 : 0);
        rst.SetFlags(TcpHeader::RST | TcpHeader::ACK);
        rst.SetSequenceNumber(SequenceNumber32(0));
        rst.SetAckNumber(h.GetSequenceNumber() + segLen);
    }
    LegacyTcpFourTuple key =
        LegacyTcpFourTuple::Make(local, h.GetDestinationPort(), remote, h.GetSourcePort());
    Emit("rst_sent", 0, key, "no_connection");
    SendSegment(nullptr, rst, local, remote);
}

void
LegacyTcpL4Protocol::ReceiveTimeWait(const LegacyTcpFourTuple& key, TimeWaitRecord& record,
                                     Ptr<Packet> p, const TcpHeader& h)
{
    uint8_t flags = h.GetFlags();
    Ipv4Address local(key.localAddress);
    Ipv4Address remote(key.remoteAddress);
    // RFC 793 p.69: "If an incoming segment is not acceptable, an acknowledgment
    // should be sent in reply (unless the RST bit is set ...): <SEQ=SND.NXT>
    // <ACK=RCV.NXT><CTL=ACK>". A SYN that cannot reopen the connection is such a
    // segment; it does not restart the 2 MSL timer.
    auto reject = [&](const char* why) {
        Emit("reopen_rejected", record.connectionId, key, why);
        SendTimeWaitAck(key, record);
    };
    if (flags & TcpHeader::RST)
    {
        // RFC 1337 ("TIME-WAIT assassination"): ignore resets in TIME-WAIT.
        NS_LOG_LOGIC("RST ignored in TIME_WAIT");
        return;
    }
    if ((flags & TcpHeader::SYN) && !(flags & TcpHeader::ACK))
    {
        // RFC 1122 4.2.2.13: "it MAY accept a new SYN from the remote TCP to reopen
        // the connection directly from TIME-WAIT state, if it: (1) assigns its
        // initial sequence number for the new connection to be larger than the
        // largest sequence number it used on the previous connection incarnation,
        // and (2) returns to TIME-WAIT state if the SYN turns out to be an old
        // duplicate."
        if (!m_timeWaitReopen)
        {
            reject("disabled");
            return;
        }
        if (!(h.GetSequenceNumber() > record.rcvNxt))
        {
            reject("old_sequence");
            return;
        }
        Ptr<LegacyTcpSocket> listener = FindListener(key.localPort, local);
        if (!listener)
        {
            reject("no_listener");
            return;
        }
        TimeWaitRecord old;
        m_timeWait.Remove(key, old);
        if (!listener->ForkOnSyn(h, remote, local, &old))
        {
            m_timeWait.Restore(key, old);
            // `record` went with the removal: answer from the restored copy.
            Emit("reopen_rejected", old.connectionId, key, "refused_by_application");
            SendTimeWaitAck(key, old);
        }
        return;
    }
    if (flags & TcpHeader::FIN)
    {
        // RFC 793 p.73: in TIME-WAIT "the only thing that can arrive in this state is
        // a retransmission of the remote FIN. Acknowledge it, and restart the 2 MSL
        // timeout."
        SendTimeWaitAck(key, record);
        m_timeWait.Restart(key, GetTimeWaitDuration());
        Emit("time_wait_fin_reacked", record.connectionId, key);
        return;
    }
    if (p->GetSize() > 0 || (flags & TcpHeader::SYN))
    {
        SendTimeWaitAck(key, record); // not acceptable: RFC 793 p.69, as above
    }
}

void
LegacyTcpL4Protocol::SendTimeWaitAck(const LegacyTcpFourTuple& key, const TimeWaitRecord& record)
{
    TcpHeader ack;
    ack.SetSourcePort(key.localPort);
    ack.SetDestinationPort(key.remotePort);
    ack.SetFlags(TcpHeader::ACK);
    ack.SetSequenceNumber(record.sndNxt);
    ack.SetAckNumber(record.rcvNxt);
    ack.SetWindowSize(static_cast<uint16_t>(std::min<uint32_t>(m_receiveWindow, 65535)));
    SendSegment(nullptr, ack, Ipv4Address(key.localAddress), Ipv4Address(key.remoteAddress));
}

} // namespace ns3
