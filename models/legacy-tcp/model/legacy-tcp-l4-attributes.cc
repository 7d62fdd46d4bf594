// LegacyTcpL4Protocol's attributes and trace sources (GetTypeId): the tunables of
// the stack, each with its unit, default and source.
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

// An attribute of one Config field: the attribute system writes the snapshot the
// connections read, so there is one copy of every value.
template<class V, class T> class LegacyTcpL4Protocol::ConfigAccessor : public AttributeAccessor
{
  public:
    explicit ConfigAccessor(T Config::*field)
        : m_field(field)
    {
    }

    bool
    Set(ObjectBase* object, const AttributeValue& value) const override
    {
        auto stack = dynamic_cast<LegacyTcpL4Protocol*>(object);
        auto v = dynamic_cast<const V*>(&value);
        if (!stack || !v)
        {
            return false;
        }
        stack->MutableConfig().*m_field = static_cast<T>(v->Get());
        return true;
    }

    bool
    Get(const ObjectBase* object, AttributeValue& value) const override
    {
        auto stack = dynamic_cast<const LegacyTcpL4Protocol*>(object);
        auto v = dynamic_cast<V*>(&value);
        if (!stack || !v)
        {
            return false;
        }
        v->Set(stack->GetConfig().*m_field);
        return true;
    }

    bool
    HasGetter() const override
    {
        return true;
    }

    bool
    HasSetter() const override
    {
        return true;
    }

  private:
    T Config::*m_field; //!< the field
};

template<class V, class T>
Ptr<const AttributeAccessor>
LegacyTcpL4Protocol::MakeConfigAccessor(T Config::*field)
{
    return Ptr<const AttributeAccessor>(new ConfigAccessor<V, T>(field), false);
}

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
                          EnumValue(POOL_FAIL), MakeConfigAccessor<EnumValue>(&Config::poolPolicy),
                          MakeEnumChecker(POOL_FAIL, "Fail", POOL_WAIT, "Wait"))
            .AddAttribute("PoolWaitTimeout",
                          "Longest wait for a block with PoolPolicy Wait, then no_tcb; 0 = no "
                          "limit. Default 240 s: assumption, because one default TIME-WAIT "
                          "always frees a block within that time.",
                          TimeValue(Seconds(240)),
                          MakeConfigAccessor<TimeValue>(&Config::poolWaitTimeout),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("PoolFullSyn",
                          "What happens to a SYN for a listener when no block is free: Refuse "
                          "(reset; RFC 793 p.36: with no TCB the connection is CLOSED and 'SYNs "
                          "addressed to a non-existent connection are rejected by this means') "
                          "or Drop (silently; the peer retransmits).",
                          EnumValue(SYN_REFUSE),
                          MakeConfigAccessor<EnumValue>(&Config::poolFullSyn),
                          MakeEnumChecker(SYN_REFUSE, "Refuse", SYN_DROP, "Drop"))
            .AddAttribute("Msl",
                          "Maximum segment lifetime; TIME-WAIT lasts 2 x Msl unless "
                          "TimeWaitDelay is set. Default 120 s: RFC 793 p.28.",
                          TimeValue(Seconds(120)), MakeConfigAccessor<TimeValue>(&Config::msl),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TimeWaitDelay",
                          "TIME-WAIT length; 0 = 2 x Msl. Source: Windows NT "
                          "TcpTimedWaitDelay (240 s, range 30-300 s, Q149532).",
                          TimeValue(Time(0)), MakeConfigAccessor<TimeValue>(&Config::timeWaitDelay),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TimeWaitReopen",
                          "Accept a new SYN for a connection in TIME-WAIT whose sequence number "
                          "is above the old RCV.NXT, if a listener has the port. Source: RFC "
                          "1122 4.2.2.13 (MAY).",
                          BooleanValue(true),
                          MakeConfigAccessor<BooleanValue>(&Config::timeWaitReopen),
                          MakeBooleanChecker())
            .AddAttribute("ReopenIsnMargin",
                          "Bytes added above the old incarnation's largest sequence number "
                          "when a reopened connection's clock ISN is not already larger. "
                          "Default 65536: assumption, one maximum unscaled window, so no old "
                          "segment falls in the new window.",
                          UintegerValue(65536),
                          MakeConfigAccessor<UintegerValue>(&Config::reopenIsnMargin),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute(
                "IsnMode",
                "Initial sequence numbers: Clock (RFC 793 p.27, one tick per 4 us "
                "plus IsnOffset, plus IsnIncrement per connection), Hashed (RFC 6528: "
                "the clock plus a keyed hash of the 4-tuple, as Linux does) or Zero "
                "(stock ns-3, for comparison).",
                EnumValue(ISN_CLOCK), MakeConfigAccessor<EnumValue>(&Config::isnMode),
                MakeEnumChecker(ISN_CLOCK, "Clock", ISN_HASHED, "Hashed", ISN_ZERO, "Zero"))
            .AddAttribute("IsnIncrement",
                          "Clock mode: added to the ISN for every connection, so that "
                          "connections opened at the same instant get different ISNs. Default "
                          "64000: 4.4BSD (tcp_iss += TCP_ISSINCR / 2 at every connection).",
                          UintegerValue(64000),
                          MakeConfigAccessor<UintegerValue>(&Config::isnIncrement),
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
                          MakeConfigAccessor<EnumValue>(&Config::retryPolicy),
                          MakeEnumChecker(RETRY_WINSOCK, "Winsock", RETRY_UNIX, "Unix"))
            .AddAttribute("RstRetryInterval",
                          "Winsock policy: time from a SYN to its re-send when it was answered "
                          "by a reset. Default 500 ms: assumption, Q175523 calls the 3 s "
                          "initial timeout 'irrelevant' in this case and modern Windows "
                          "measures about 0.5 s.",
                          TimeValue(MilliSeconds(500)),
                          MakeConfigAccessor<TimeValue>(&Config::rstRetryInterval),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("SynInitialTimeout",
                          "Timeout of the first SYN, doubled at each unanswered SYN. Default "
                          "3 s: Q175523 ('The initial time-out value is three seconds').",
                          TimeValue(Seconds(3)),
                          MakeConfigAccessor<TimeValue>(&Config::synInitialTimeout),
                          MakeTimeChecker(Time(1)))
            .AddAttribute("SynTimeoutCap",
                          "Upper bound of the doubled SYN timeout; 0 = no cap. Windows 95: "
                          "120 s (Q175523: 'doubled each time ... up to a maximum of 2 "
                          "minutes').",
                          TimeValue(Time(0)), MakeConfigAccessor<TimeValue>(&Config::synTimeoutCap),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("SynLinearRetries",
                          "SYN retransmissions sent before the SYN timeout starts doubling: "
                          "the timeout stays SynInitialTimeout until this many retransmissions "
                          "have left, then doubles with each one. Default 0 (classic doubling, "
                          "Q175523). Linux: net.ipv4.tcp_syn_linear_timeouts = 4 "
                          "(net/ipv4/tcp_timer.c: no doubling while total_rto <= the sysctl).",
                          UintegerValue(0),
                          MakeConfigAccessor<UintegerValue>(&Config::synLinearRetries),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ConnectTimeout",
                          "Overall deadline of a connect, from its first SYN: still not "
                          "connected then, it fails as timed_out whatever retries are left; "
                          "0 = no deadline. BSD: 75 s connection-establishment timer "
                          "(TCPTV_KEEP_INIT). Default 0: the Microsoft stacks have none.",
                          TimeValue(Time(0)),
                          MakeConfigAccessor<TimeValue>(&Config::connectTimeout),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("SynExpiryTime",
                          "Checked when the SYN timer fires: once this long has passed since "
                          "the first SYN (and a SYN was re-sent), the connect fails timed_out "
                          "with retries left; 0 = none. Linux retransmits_timed_out() "
                          "(net/ipv4/tcp_timer.c): tcp_model_timeout(tcp_syn_retries), 127 s "
                          "for tcp_syn_retries 6. Default 0: the other stacks count only.",
                          TimeValue(Time(0)), MakeConfigAccessor<TimeValue>(&Config::synExpiryTime),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("MaxConnectRetransmissions",
                          "SYN re-sends per connect, after a timeout or a reset alike. Default "
                          "3: Q175523 (TcpMaxConnectRetransmissions, MaxConnectRetries).",
                          UintegerValue(3),
                          MakeConfigAccessor<UintegerValue>(&Config::maxConnectRetransmissions),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("SegmentSize",
                          "MSS sent in the SYN option and upper bound of data segments, bytes. "
                          "Default 1460: Ethernet MTU 1500 minus 40.",
                          UintegerValue(1460),
                          MakeConfigAccessor<UintegerValue>(&Config::segmentSize),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("ReceiveWindow",
                          "Receive buffer, bytes; the advertised window is this minus unread "
                          "data (max 65535). Default 8760: NT 4.0 on Ethernet, 6 x 1460.",
                          UintegerValue(8760),
                          MakeConfigAccessor<UintegerValue>(&Config::receiveWindow),
                          MakeUintegerChecker<uint32_t>(1, 65535))
            .AddAttribute("SendBufferSize",
                          "Send buffer, bytes. Default 8760: assumption, same as the receive "
                          "window.",
                          UintegerValue(8760),
                          MakeConfigAccessor<UintegerValue>(&Config::sendBufferSize),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("InitialRto",
                          "Data retransmission timeout before an RTT sample. Default 3 s: RFC "
                          "1122 4.2.3.1.",
                          TimeValue(Seconds(3)), MakeConfigAccessor<TimeValue>(&Config::initialRto),
                          MakeTimeChecker(Time(1)))
            .AddAttribute("MinRto",
                          "Lower bound of the retransmission timeout. It must exceed the peer's "
                          "delayed-ACK time plus a round trip, or every unanswered request is "
                          "retransmitted spuriously. Default 1 s: RFC 6298 2.4.",
                          TimeValue(Seconds(1)), MakeConfigAccessor<TimeValue>(&Config::minRto),
                          MakeTimeChecker(Time(1)))
            .AddAttribute("RtoTick",
                          "Period of the clock the retransmission timer counts in; the timer "
                          "fires at the ceil(RTO / tick)-th tick after it is set; 0 = an exact "
                          "timer. 4.4BSD: 500 ms (the slow timeout, PR_SLOWHZ 2). Default 0.",
                          TimeValue(Time(0)), MakeConfigAccessor<TimeValue>(&Config::rtoTick),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("MaxRto",
                          "Upper bound of the backed-off retransmission timeout. Default 60 s: "
                          "RFC 6298 2.5.",
                          TimeValue(Seconds(60)), MakeConfigAccessor<TimeValue>(&Config::maxRto),
                          MakeTimeChecker(Time(1)))
            .AddAttribute("MaxDataRetransmissions",
                          "Retransmissions of one segment before the connection aborts "
                          "(timed_out). Default 5: NT TcpMaxDataRetransmissions.",
                          UintegerValue(5),
                          MakeConfigAccessor<UintegerValue>(&Config::maxDataRetransmissions),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("DelayedAckTimeout",
                          "Delayed ACK timer; every second full segment is acknowledged at "
                          "once; 0 = acknowledge every segment at once. Default 200 ms: RFC "
                          "1122 4.2.3.2 (at most 0.5 s), Windows NT (TcpDelAckTicks 2 x 100 "
                          "ms) and 4.4BSD (the 200 ms fast timeout).",
                          TimeValue(MilliSeconds(200)),
                          MakeConfigAccessor<TimeValue>(&Config::delayedAckTimeout),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("DelayedAckTick",
                          "Period of the clock the delayed-ACK timer counts in; the ACK leaves "
                          "at the ceil(DelayedAckTimeout / tick)-th tick after the segment; 0 = "
                          "an exact timer. 4.4BSD: 200 ms (the fast timeout: the ACK goes 0-200 "
                          "ms later); Windows NT: 100 ms (TcpDelAckTicks 2: 100-200 ms). "
                          "Default 0.",
                          TimeValue(Time(0)),
                          MakeConfigAccessor<TimeValue>(&Config::delayedAckTick),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("QuickAcks",
                          "Data segments acknowledged at once at the start of a connection "
                          "before delayed ACKs begin. Linux: up to 16 (TCP_MAX_QUICKACKS, quick "
                          "ACK mode). Default 0.",
                          UintegerValue(0), MakeConfigAccessor<UintegerValue>(&Config::quickAcks),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("DelayFinAck",
                          "The ACK of a peer's FIN waits on the delayed-ACK timer instead of "
                          "leaving at once, so an application that closes in answer sends one "
                          "FIN|ACK (Linux's three-segment close). Default false: 4.4BSD "
                          "acknowledges a FIN at once (TF_ACKNOW).",
                          BooleanValue(false),
                          MakeConfigAccessor<BooleanValue>(&Config::delayFinAck),
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
                          BooleanValue(true), MakeConfigAccessor<BooleanValue>(&Config::nagle),
                          MakeBooleanChecker())
            .AddAttribute("SenderSwsAvoidance",
                          "Sender silly-window avoidance: send only a full segment, all queued "
                          "data, or at least half the peer's largest window; else wait for "
                          "SwsOverrideTimeout. Source: RFC 1122 4.2.3.4 (MUST). Default true.",
                          BooleanValue(true), MakeConfigAccessor<BooleanValue>(&Config::senderSws),
                          MakeBooleanChecker())
            .AddAttribute("SwsOverrideTimeout",
                          "Sender SWS avoidance: send what the window allows after this long. "
                          "Default 500 ms: assumption, RFC 1122 4.2.3.4 asks for 0.1-1 s.",
                          TimeValue(MilliSeconds(500)),
                          MakeConfigAccessor<TimeValue>(&Config::swsOverrideTimeout),
                          MakeTimeChecker(Time(1)))
            .AddAttribute("ErrorCodes",
                          "Error numbers of the stack's programming interface, as connections.csv "
                          "reports them: Winsock (WSAECONNREFUSED 10061 ...), Linux (ECONNREFUSED "
                          "111 ...), Bsd (ECONNREFUSED 61 ...) or Dos (the LAN Manager "
                          "redirector's MS-DOS codes: 53 for a server it cannot reach). Default "
                          "Winsock.",
                          EnumValue(ERRORS_WINSOCK),
                          MakeConfigAccessor<EnumValue>(&Config::errorCodes),
                          MakeEnumChecker(ERRORS_WINSOCK, "Winsock", ERRORS_LINUX, "Linux",
                                          ERRORS_BSD, "Bsd", ERRORS_DOS, "Dos"))
            .AddAttribute("IcmpUnreachable",
                          "What an ICMP destination unreachable for a connect in SYN-SENT does: "
                          "Ignore; Rfc1122 (4.2.3.9: port and protocol unreachable are hard "
                          "errors that end the connect, refused; host and network unreachable "
                          "soft ones, reported if the connect then times out); Soft (4.4BSD "
                          "tcp_notify: every one is remembered and the connect fails with it, "
                          "not timed_out, when its retransmissions run out); Abort (Linux "
                          "tcp_v4_err: every one ends the connect at once). Default Rfc1122.",
                          EnumValue(ICMP_RFC1122),
                          MakeConfigAccessor<EnumValue>(&Config::icmpUnreachable),
                          MakeEnumChecker(ICMP_IGNORE, "Ignore", ICMP_RFC1122, "Rfc1122", ICMP_SOFT,
                                          "Soft", ICMP_ABORT, "Abort"))
            .AddAttribute("HalfDuplexClose",
                          "Close() with unread data, or data arriving after Close(), sends a "
                          "reset and aborts. Source: RFC 1122 4.2.2.13 (MAY). Default false.",
                          BooleanValue(false),
                          MakeConfigAccessor<BooleanValue>(&Config::halfDuplexClose),
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

} // namespace ns3
