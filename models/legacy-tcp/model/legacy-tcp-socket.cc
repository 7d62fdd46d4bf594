// LegacyTcpSocket: application calls and connection lifecycle.
#include "legacy-tcp-socket.h"

#include "legacy-tcp-l4-protocol.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpSocket");

NS_OBJECT_ENSURE_REGISTERED(LegacyTcpSocket);

TypeId
LegacyTcpSocket::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LegacyTcpSocket")
                            .SetParent<Socket>()
                            .SetGroupName("Internet")
                            .AddTraceSource("State", "RFC 793 connection state.",
                                            MakeTraceSourceAccessor(&LegacyTcpSocket::m_state),
                                            "ns3::LegacyTcpSocket::StateTracedCallback");
    return tid;
}

LegacyTcpSocket::LegacyTcpSocket()
    : m_localAddress(Ipv4Address::GetAny())
    , m_remoteAddress(Ipv4Address::GetAny())
    , m_txBuffer(Create<Packet>())
    , m_rxBuffer(Create<Packet>())
{
}

LegacyTcpSocket::LegacyTcpSocket(const LegacyTcpSocket& listener)
    : Socket(listener)
    , m_tcp(listener.m_tcp)
    , m_node(listener.m_node)
    , m_localAddress(listener.m_localAddress)
    , m_localPort(listener.m_localPort)
    , m_remoteAddress(Ipv4Address::GetAny())
    , m_txBuffer(Create<Packet>())
    , m_rxBuffer(Create<Packet>())
{
    // As in ns-3's TcpSocketBase fork: the new connection keeps the listener's close
    // callbacks; the application sets the others on it after accepting. It holds
    // nothing of the stack yet (ForkOnSyn takes the block and the port).
    m_holdings.SetStack(m_tcp);
    SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                       MakeNullCallback<void, Ptr<Socket>>());
    SetDataSentCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
}

LegacyTcpSocket::~LegacyTcpSocket() = default;

void
LegacyTcpSocket::DoDispose()
{
    CancelTimers();
    m_poolWaitEvent.Cancel();
    m_notifyPending = false;
    m_listener = nullptr;
    m_holdings.ClearStack();
    m_tcp = nullptr;
    m_node = nullptr;
    Socket::DoDispose();
}

void
LegacyTcpSocket::SetTcp(Ptr<LegacyTcpL4Protocol> tcp, uint64_t id)
{
    // As ns-3's TcpL4Protocol::CreateSocket hands a socket what it needs: the
    // stack, its tunables, the node.
    m_tcp = tcp;
    m_holdings.SetStack(tcp);
    m_node = tcp->GetNode();
    m_connectionId = id;
    m_rtt.Reset(Cfg().initialRto);
}

// --- identity and introspection ---

enum Socket::SocketErrno
LegacyTcpSocket::GetErrno() const
{
    return m_errno;
}

enum Socket::SocketType
LegacyTcpSocket::GetSocketType() const
{
    return NS3_SOCK_STREAM;
}

Ptr<Node>
LegacyTcpSocket::GetNode() const
{
    return m_node;
}

uint64_t
LegacyTcpSocket::GetConnectionId() const
{
    return m_connectionId;
}

LegacyTcpError
LegacyTcpSocket::GetError() const
{
    return m_error;
}

LegacyTcpErrorCode
LegacyTcpSocket::GetErrorCode() const
{
    return GetLegacyTcpErrorCode(m_error, GetErrorCodes());
}

LegacyTcpErrorCodes
LegacyTcpSocket::GetErrorCodes() const
{
    return m_tcp ? m_tcp->GetErrorCodes() : ERRORS_WINSOCK;
}

uint32_t
LegacyTcpSocket::GetSynsSent() const
{
    return m_synsSent;
}

uint32_t
LegacyTcpSocket::GetRstsReceived() const
{
    return m_rstsReceived;
}

std::string
LegacyTcpSocket::GetStateName() const
{
    return LegacyTcpStateName(m_state);
}

LegacyTcpState
LegacyTcpSocket::GetState() const
{
    return m_state;
}

SequenceNumber32
LegacyTcpSocket::GetIss() const
{
    return m_tcb.iss;
}

const LegacyTcpL4Protocol::Config&
LegacyTcpSocket::Cfg() const
{
    return m_tcp->GetConfig();
}

Ipv4Address
LegacyTcpSocket::GetLocalAddress() const
{
    return m_localAddress;
}

void
LegacyTcpSocket::Abandon()
{
    CancelTimers();
}

LegacyTcpFourTuple
LegacyTcpSocket::GetKey() const
{
    return LegacyTcpFourTuple::Make(m_localAddress, m_localPort, m_remoteAddress, m_remotePort);
}

LegacyTcpConnectionState
LegacyTcpSocket::GetConnectionState() const
{
    LegacyTcpConnectionState s;
    s.key = GetKey();
    s.state = m_state;
    s.connectionId = m_connectionId;
    s.iss = m_tcb.iss;
    s.irs = m_tcb.irs;
    s.sndUna = m_tcb.sndUna;
    s.sndNxt = m_tcb.sndNxt;
    s.rcvNxt = m_tcb.rcvNxt;
    s.rcvWnd = GetAdvertisedWindow();
    return s;
}

LegacyTcpEvent
LegacyTcpSocket::NewEvent(LegacyTcpEventType type) const
{
    return LegacyTcpEvent::For(type, m_connectionId, GetKey());
}

void
LegacyTcpSocket::Emit(const LegacyTcpEvent& event) const
{
    if (m_tcp)
    {
        m_tcp->Emit(event);
    }
}

void
LegacyTcpSocket::Emit(LegacyTcpEventType type) const
{
    Emit(NewEvent(type));
}

void
LegacyTcpSocket::EmitPoolWaitEnd(LegacyTcpCause cause) const
{
    LegacyTcpEvent end = NewEvent(LegacyTcpEventType::PoolWaitEnd);
    end.cause = cause;
    end.duration = Simulator::Now() - m_poolWaitStart;
    Emit(end);
}

void
LegacyTcpSocket::EmitSynRetransmit(LegacyTcpCause cause) const
{
    LegacyTcpEvent retransmit = NewEvent(LegacyTcpEventType::SynRetransmit);
    retransmit.retry = m_synRetries;
    retransmit.cause = cause;
    Emit(retransmit);
}

// --- binding ---

int
LegacyTcpSocket::Bind()
{
    // The ephemeral port is chosen at Connect() (or Listen()), so that port
    // exhaustion is reported as an asynchronous no_port connect failure.
    if (m_state != LEGACY_TCP_CLOSED || m_holdings.HasPort())
    {
        m_errno = ERROR_INVAL;
        return -1;
    }
    m_localAddress = Ipv4Address::GetAny();
    return 0;
}

int
LegacyTcpSocket::Bind6()
{
    m_errno = ERROR_AFNOSUPPORT;
    return -1;
}

int
LegacyTcpSocket::Bind(const Address& address)
{
    if (!InetSocketAddress::IsMatchingType(address))
    {
        m_errno = ERROR_AFNOSUPPORT;
        return -1;
    }
    if (m_state != LEGACY_TCP_CLOSED || m_holdings.HasPort())
    {
        m_errno = ERROR_INVAL;
        return -1;
    }
    InetSocketAddress inet = InetSocketAddress::ConvertFrom(address);
    uint16_t port = inet.GetPort();
    if (port != 0 && !m_holdings.BindPort(port))
    {
        m_errno = ERROR_ADDRINUSE;
        return -1;
    }
    m_localAddress = inet.GetIpv4();
    m_localPort = port;
    return 0;
}

// --- opening ---

int
LegacyTcpSocket::Listen()
{
    if (m_state != LEGACY_TCP_CLOSED)
    {
        m_errno = ERROR_INVAL;
        return -1;
    }
    if (m_localPort == 0)
    {
        uint16_t port = m_holdings.AllocatePort(Ipv4Address::GetAny(), 0);
        if (port == 0)
        {
            m_errno = ERROR_ADDRNOTAVAIL;
            return -1;
        }
        m_localPort = port;
    }
    if (!m_tcp->AddListener(m_localPort, this))
    {
        m_errno = ERROR_ADDRINUSE;
        return -1;
    }
    SetState(LEGACY_TCP_LISTEN, "listen");
    return 0;
}

int
LegacyTcpSocket::Connect(const Address& address)
{
    if (!InetSocketAddress::IsMatchingType(address))
    {
        m_errno = ERROR_AFNOSUPPORT;
        return -1;
    }
    if (m_state != LEGACY_TCP_CLOSED || m_holdings.IsWaitingForBlock() || m_holdings.IsRegistered())
    {
        m_errno = ERROR_ISCONN;
        return -1;
    }
    InetSocketAddress inet = InetSocketAddress::ConvertFrom(address);
    m_remoteAddress = inet.GetIpv4();
    m_remotePort = inet.GetPort();
    m_error = LegacyTcpError::None;
    m_softError = LegacyTcpError::None;
    m_errno = ERROR_NOTERROR;
    m_synsSent = 0;
    m_synRetries = 0;
    m_synDoublings = 0;
    m_rstsReceived = 0;
    m_closeNotified = false;
    m_closeCalled = false;
    m_shutdownSend = false;
    m_shutdownRecv = false;

    // Rule LT-POOL: a connection holds a block from the moment it leaves CLOSED.
    if (!m_holdings.TakeBlock(m_connectionId, GetKey()))
    {
        if (Cfg().poolPolicy == LegacyTcpL4Protocol::POOL_WAIT)
        {
            // Q94246: "a long pause may occur when you executing batch files that
            // connect and disconnect to many resources."
            m_poolWaitStart = Simulator::Now();
            m_holdings.WaitForBlock(m_connectionId, MakeCallback(&LegacyTcpSocket::GrantPoolBlock,
                                                                 Ptr<LegacyTcpSocket>(this)));
            Emit(LegacyTcpEventType::PoolWaitStart);
            if (Cfg().poolWaitTimeout.IsStrictlyPositive())
            {
                m_poolWaitEvent = Simulator::Schedule(Cfg().poolWaitTimeout,
                                                      &LegacyTcpSocket::PoolWaitTimeout, this);
            }
            return 0;
        }
        // Failure is always asynchronous: Connect() returns 0.
        FailConnect(LegacyTcpError::NoTcb, true);
        return 0;
    }
    ContinueActiveOpen();
    return 0;
}

void
LegacyTcpSocket::GrantPoolBlock()
{
    m_holdings.BlockGranted(m_connectionId, GetKey());
    m_poolWaitEvent.Cancel();
    EmitPoolWaitEnd(LegacyTcpCause::Granted);
    // Continue from a fresh event, not from inside the releasing connection.
    Simulator::ScheduleNow(&LegacyTcpSocket::ContinueActiveOpen, Ptr<LegacyTcpSocket>(this));
}

void
LegacyTcpSocket::ContinueActiveOpen()
{
    if (!m_holdings.HasBlock() || m_state != LEGACY_TCP_CLOSED)
    {
        return; // closed while the grant was pending
    }
    if (m_localPort == 0)
    {
        // Rule LT-PORT-EXHAUSTED: exhaustion is a distinct, asynchronous outcome.
        uint16_t port = m_holdings.AllocatePort(m_remoteAddress, m_remotePort);
        if (port == 0)
        {
            Emit(LegacyTcpEventType::PortExhausted);
            FailConnect(LegacyTcpError::NoPort, true);
            return;
        }
        m_localPort = port;
    }
    if (m_localAddress == Ipv4Address::GetAny())
    {
        m_localAddress = m_tcp->SelectSource(m_remoteAddress);
    }
    if (m_tcp->IsTupleInUse(GetKey()))
    {
        m_errno = ERROR_ADDRINUSE;
        FailConnect(LegacyTcpError::NoPort, true);
        return;
    }
    m_holdings.Register(GetKey(), this);
    InitTcb(m_tcp->NextIsn(GetKey()));
    SetState(LEGACY_TCP_SYN_SENT, "connect");
    m_lastSynTime = Simulator::Now();
    m_firstSynTime = m_lastSynTime;
    SendSyn(false);
    LegacyTcpEvent sent = NewEvent(LegacyTcpEventType::SynSent);
    sent.sequence = m_tcb.iss.GetValue();
    Emit(sent);
    if (Cfg().connectTimeout.IsStrictlyPositive())
    {
        m_connectDeadline =
            Simulator::Schedule(Cfg().connectTimeout, &LegacyTcpSocket::ConnectDeadline, this);
    }
}

void
LegacyTcpSocket::InitTcb(SequenceNumber32 iss)
{
    m_tcb.iss = iss;
    m_tcb.sndUna = iss;
    m_tcb.sndNxt = iss + 1;
    m_tcb.sndMax = iss + 1;
    m_txHead = iss + 1;
    m_rtt.Reset(Cfg().initialRto);
    m_dataRetries = 0;
    m_finQueued = false;
    m_finSent = false;
    m_peerFinPending = false;
    m_unackedSegments = 0;
    m_segmentsReceived = 0;
    m_tcb.maxSndWnd = 0;
}

// --- data ---

uint32_t
LegacyTcpSocket::GetTxAvailable() const
{
    uint32_t used = m_txBuffer->GetSize();
    uint32_t size = m_tcp ? Cfg().sendBufferSize : 0;
    return used >= size ? 0 : size - used;
}

int
LegacyTcpSocket::Send(Ptr<Packet> p, uint32_t /* flags */)
{
    if (m_shutdownSend)
    {
        m_errno = ERROR_SHUTDOWN;
        return -1;
    }
    if (m_state != LEGACY_TCP_ESTABLISHED && m_state != LEGACY_TCP_CLOSE_WAIT &&
        m_state != LEGACY_TCP_SYN_SENT && m_state != LEGACY_TCP_SYN_RCVD)
    {
        m_errno = ERROR_NOTCONN;
        return -1;
    }
    if (p->GetSize() > GetTxAvailable())
    {
        m_errno = ERROR_MSGSIZE;
        return -1;
    }
    uint32_t size = p->GetSize();
    m_txBuffer->AddAtEnd(p);
    SendPending();
    return static_cast<int>(size);
}

int
LegacyTcpSocket::SendTo(Ptr<Packet> p, uint32_t flags, const Address& /* toAddress */)
{
    return Send(p, flags);
}

uint32_t
LegacyTcpSocket::GetRxAvailable() const
{
    return m_rxBuffer->GetSize();
}

Ptr<Packet>
LegacyTcpSocket::Recv(uint32_t maxSize, uint32_t /* flags */)
{
    uint32_t available = m_rxBuffer->GetSize();
    if (available == 0)
    {
        m_errno =
            (m_peerFinPending || m_state == LEGACY_TCP_CLOSE_WAIT) ? ERROR_NOTERROR : ERROR_AGAIN;
        return nullptr;
    }
    uint32_t n = std::min(maxSize, available);
    Ptr<Packet> out = m_rxBuffer->CreateFragment(0, n);
    m_rxBuffer->RemoveAtStart(n);
    // Window update (receiver side of RFC 1122 4.2.3.3): tell the peer once the
    // window has opened by two segments or half the buffer.
    uint32_t window = GetAdvertisedWindow();
    uint32_t threshold = std::min<uint32_t>(2u * Cfg().segmentSize, Cfg().receiveWindow / 2);
    if (m_holdings.IsRegistered() && window >= m_lastAdvertisedWindow + threshold &&
        (m_state == LEGACY_TCP_ESTABLISHED || m_state == LEGACY_TCP_FIN_WAIT_1 ||
         m_state == LEGACY_TCP_FIN_WAIT_2))
    {
        SendAck();
    }
    return out;
}

Ptr<Packet>
LegacyTcpSocket::RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress)
{
    Ptr<Packet> p = Recv(maxSize, flags);
    if (p)
    {
        fromAddress = InetSocketAddress(m_remoteAddress, m_remotePort);
    }
    return p;
}

int
LegacyTcpSocket::GetSockName(Address& address) const
{
    address = InetSocketAddress(m_localAddress, m_localPort);
    return 0;
}

int
LegacyTcpSocket::GetPeerName(Address& address) const
{
    if (m_remotePort == 0 || m_state == LEGACY_TCP_CLOSED || m_state == LEGACY_TCP_LISTEN)
    {
        m_errno = ERROR_NOTCONN;
        return -1;
    }
    address = InetSocketAddress(m_remoteAddress, m_remotePort);
    return 0;
}

bool
LegacyTcpSocket::SetAllowBroadcast(bool allowBroadcast)
{
    return !allowBroadcast;
}

bool
LegacyTcpSocket::GetAllowBroadcast() const
{
    return false;
}

} // namespace ns3
