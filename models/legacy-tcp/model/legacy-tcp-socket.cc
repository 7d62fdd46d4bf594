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

const char*
LegacyTcpStateName(LegacyTcpState state)
{
    static const char* names[] = {"CLOSED",      "LISTEN",     "SYN_SENT", "SYN_RCVD",
                                  "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "FIN_WAIT_1",
                                  "FIN_WAIT_2",  "CLOSING",    "TIME_WAIT"};
    return names[state];
}

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
    // callbacks; the application sets the others on it after accepting.
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
    m_tcp = nullptr;
    m_node = nullptr;
    Socket::DoDispose();
}

void
LegacyTcpSocket::SetTcp(Ptr<LegacyTcpL4Protocol> tcp, uint64_t id)
{
    m_tcp = tcp;
    m_node = tcp->GetNode();
    m_connectionId = id;
    m_rto = tcp->m_initialRto;
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
    return m_iss;
}

LegacyTcpFourTuple
LegacyTcpSocket::GetKey() const
{
    return LegacyTcpFourTuple::Make(m_localAddress, m_localPort, m_remoteAddress, m_remotePort);
}

void
LegacyTcpSocket::SetState(LegacyTcpState to, const char* why)
{
    NS_LOG_INFO("node " << (m_node ? m_node->GetId() : 0) << " connection " << m_connectionId
                        << ": " << LegacyTcpStateName(m_state) << " -> " << LegacyTcpStateName(to)
                        << " (" << why << ")");
    m_state = to;
}

void
LegacyTcpSocket::Event(const std::string& name, const std::string& detail)
{
    if (m_tcp)
    {
        m_tcp->Emit(name, m_connectionId, GetKey(), detail);
    }
}

// --- binding ---

int
LegacyTcpSocket::Bind()
{
    // The ephemeral port is chosen at Connect() (or Listen()), so that port
    // exhaustion is reported as an asynchronous no_port connect failure.
    if (m_state != LEGACY_TCP_CLOSED || m_portHeld)
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
    if (m_state != LEGACY_TCP_CLOSED || m_portHeld)
    {
        m_errno = ERROR_INVAL;
        return -1;
    }
    InetSocketAddress inet = InetSocketAddress::ConvertFrom(address);
    uint16_t port = inet.GetPort();
    if (port != 0)
    {
        if (m_tcp->IsPortInUse(port))
        {
            m_errno = ERROR_ADDRINUSE;
            return -1;
        }
        m_tcp->AcquirePort(port);
        m_portHeld = true;
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
        uint16_t port = m_tcp->AllocatePort();
        if (port == 0)
        {
            m_errno = ERROR_ADDRNOTAVAIL;
            return -1;
        }
        m_localPort = port;
        m_portHeld = true;
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
    if (m_state != LEGACY_TCP_CLOSED || m_poolWaiting || m_registered)
    {
        m_errno = ERROR_ISCONN;
        return -1;
    }
    InetSocketAddress inet = InetSocketAddress::ConvertFrom(address);
    m_remoteAddress = inet.GetIpv4();
    m_remotePort = inet.GetPort();
    m_error = LegacyTcpError::None;
    m_errno = ERROR_NOTERROR;
    m_synsSent = 0;
    m_synRetries = 0;
    m_synDoublings = 0;
    m_rstsReceived = 0;
    m_closeNotified = false;
    m_closeCalled = false;
    m_shutdownSend = false;
    m_shutdownRecv = false;

    // Issue 3, rule 1: a connection holds a block from the moment it leaves CLOSED.
    if (!m_tcp->TakeBlock(*this))
    {
        if (m_tcp->m_poolPolicy == LegacyTcpL4Protocol::POOL_WAIT)
        {
            // Q94246: "a long pause may occur when you executing batch files that
            // connect and disconnect to many resources."
            m_poolWaiting = true;
            m_poolWaitStart = Simulator::Now();
            m_tcp->EnqueuePoolWaiter(this);
            Event("pool_wait_start");
            if (m_tcp->m_poolWaitTimeout.IsStrictlyPositive())
            {
                m_poolWaitEvent = Simulator::Schedule(m_tcp->m_poolWaitTimeout,
                                                      &LegacyTcpSocket::PoolWaitTimeout, this);
            }
            return 0;
        }
        // Failure is always asynchronous: Connect() returns 0.
        FailConnect(LegacyTcpError::NoTcb, true);
        return 0;
    }
    m_blockHeld = true;
    ContinueActiveOpen();
    return 0;
}

void
LegacyTcpSocket::GrantPoolBlock()
{
    m_poolWaitEvent.Cancel();
    m_poolWaiting = false;
    m_blockHeld = true;
    Event("pool_wait_end",
          "granted waited=" + std::to_string((Simulator::Now() - m_poolWaitStart).GetSeconds()));
    // Continue from a fresh event, not from inside the releasing connection.
    Simulator::ScheduleNow(&LegacyTcpSocket::ContinueActiveOpen, Ptr<LegacyTcpSocket>(this));
}

void
LegacyTcpSocket::ContinueActiveOpen()
{
    if (!m_blockHeld || m_state != LEGACY_TCP_CLOSED)
    {
        return; // closed while the grant was pending
    }
    if (m_localPort == 0)
    {
        // Rule LT-PORT-EXHAUSTED: exhaustion is a distinct, asynchronous outcome.
        uint16_t port = m_tcp->AllocatePort(m_remoteAddress, m_remotePort);
        if (port == 0)
        {
            Event("port_exhausted");
            FailConnect(LegacyTcpError::NoPort, true);
            return;
        }
        m_localPort = port;
        m_portHeld = true;
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
    m_tcp->AddConnection(GetKey(), this);
    m_registered = true;
    InitTcb(m_tcp->NextIsn(GetKey()));
    SetState(LEGACY_TCP_SYN_SENT, "connect");
    m_lastSynTime = Simulator::Now();
    SendSyn(false);
    Event("syn_sent", "iss=" + std::to_string(m_iss.GetValue()));
    if (m_tcp->m_connectTimeout.IsStrictlyPositive())
    {
        m_connectDeadline =
            Simulator::Schedule(m_tcp->m_connectTimeout, &LegacyTcpSocket::ConnectDeadline, this);
    }
}

void
LegacyTcpSocket::InitTcb(SequenceNumber32 iss)
{
    m_iss = iss;
    m_sndUna = iss;
    m_sndNxt = iss + 1;
    m_sndMax = iss + 1;
    m_txHead = iss + 1;
    m_rto = m_tcp->m_initialRto;
    m_dataRetries = 0;
    m_rttValid = false;
    m_timing = false;
    m_finQueued = false;
    m_finSent = false;
    m_peerFinPending = false;
    m_unackedSegments = 0;
    m_segmentsReceived = 0;
    m_maxSndWnd = 0;
}

void
LegacyTcpSocket::FailConnect(LegacyTcpError error, bool scheduleCallback)
{
    m_error = error;
    NS_LOG_INFO("connection " << m_connectionId << ": " << LegacyTcpStateName(m_state)
                              << " -> CLOSED (connect failed, " << LegacyTcpErrorName(error)
                              << ")");
    Event("connect_failed", LegacyTcpErrorName(error));
    ReleaseAndClose(LegacyTcpErrorName(error));
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
LegacyTcpSocket::ReleaseAndClose(const char* why)
{
    CancelTimers();
    if (m_poolWaiting)
    {
        m_poolWaitEvent.Cancel();
        m_tcp->RemovePoolWaiter(*this);
        m_poolWaiting = false;
    }
    LegacyTcpFourTuple key = GetKey();
    if (m_registered)
    {
        m_tcp->RemoveConnection(key);
        m_registered = false;
    }
    if (m_state == LEGACY_TCP_LISTEN)
    {
        m_tcp->RemoveListener(m_localPort);
    }
    if (m_portHeld)
    {
        m_tcp->ReleasePort(m_localPort);
        m_portHeld = false;
    }
    m_localPort = 0; // a later Connect() on this socket takes a new port
    bool hadBlock = m_blockHeld;
    m_blockHeld = false;
    m_listener = nullptr;
    m_reassembly.clear();
    if (m_state != LEGACY_TCP_CLOSED)
    {
        SetState(LEGACY_TCP_CLOSED, why);
    }
    if (hadBlock)
    {
        m_tcp->FreeBlock(m_connectionId, key);
        m_tcp->Emit("closed", m_connectionId, key, why);
    }
}

void
LegacyTcpSocket::Abort(LegacyTcpError error, bool sendRst, const char* why, bool notify)
{
    m_error = error;
    if (sendRst)
    {
        // RFC 793 p.62 ABORT: "send a reset segment: <SEQ=SND.NXT><CTL=RST>".
        SendRst(m_sndNxt, m_rcvNxt, true);
    }
    Event("aborted", LegacyTcpErrorName(error));
    ReleaseAndClose(why);
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
    Event("time_wait_enter",
          "duration=" + std::to_string(m_tcp->GetTimeWaitDuration().GetSeconds()));
    TimeWaitRecord record;
    record.sndNxt = m_sndMax;
    record.rcvNxt = m_rcvNxt;
    record.connectionId = m_connectionId;
    m_tcp->EnterTimeWait(GetKey(), record);
    m_registered = false;
    m_portHeld = false;
    m_blockHeld = false;
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
        // m_blockHeld: granted a block by the pool, ContinueActiveOpen not run yet.
        if (m_poolWaiting || m_portHeld || m_blockHeld)
        {
            ReleaseAndClose("close");
        }
        return 0;
    case LEGACY_TCP_LISTEN:
        ReleaseAndClose("close listener");
        return 0;
    case LEGACY_TCP_SYN_SENT:
        m_closeNotified = true;
        ReleaseAndClose("close while connecting");
        return 0;
    case LEGACY_TCP_SYN_RCVD:
    case LEGACY_TCP_ESTABLISHED:
    case LEGACY_TCP_CLOSE_WAIT:
        if (m_tcp->m_halfDuplexClose && m_rxBuffer->GetSize() > 0)
        {
            // RFC 1122 4.2.2.13: "If such a host issues a CLOSE call while received
            // data is still pending in TCP ... its TCP should send an RST to show
            // that data was lost."
            Abort(LegacyTcpError::Aborted, true, "close with unread data, half-duplex");
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

// --- data ---

uint32_t
LegacyTcpSocket::GetTxAvailable() const
{
    uint32_t used = m_txBuffer->GetSize();
    uint32_t size = m_tcp ? m_tcp->m_sendBufferSize : 0;
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
    uint32_t threshold = std::min<uint32_t>(2u * m_tcp->m_segmentSize, m_tcp->m_receiveWindow / 2);
    if (m_registered && window >= m_lastAdvertisedWindow + threshold &&
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
