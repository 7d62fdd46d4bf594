#include "connector-application.h"

#include "connect-failure.h"
#include "legacy-tcp-socket.h"
#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket-factory.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"
#include "socket-endpoint.h"
#include "workload-draw.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ConnectorApplication");
NS_OBJECT_ENSURE_REGISTERED(ConnectorApplication);

TypeId
ConnectorApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ConnectorApplication")
            .SetParent<Application>()
            .SetGroupName("RetroTcp")
            .AddConstructor<ConnectorApplication>()
            .AddAttribute("Remote", "Address (InetSocketAddress) to connect to.", AddressValue(),
                          MakeAddressAccessor(&ConnectorApplication::m_remote),
                          MakeAddressChecker())
            .AddAttribute("SocketFactory", "TypeId of the socket factory used to create sockets.",
                          TypeIdValue(TcpSocketFactory::GetTypeId()),
                          MakeTypeIdAccessor(&ConnectorApplication::m_socketFactory),
                          MakeTypeIdChecker())
            .AddAttribute("Count", "Number of connect() calls.", UintegerValue(1),
                          MakeUintegerAccessor(&ConnectorApplication::m_count),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Interval", "Time between the starts of successive connect() calls.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&ConnectorApplication::m_interval),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("PortCount",
                          "Ports connected to, from Remote's port up: attempt i goes to port + "
                          "(i mod PortCount) (1 = one port; more = a port scan).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&ConnectorApplication::m_portCount),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("Sequential",
                          "Start each attempt Interval after the previous attempt's outcome "
                          "(connected or failed) instead of Interval after its start.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&ConnectorApplication::m_sequential),
                          MakeBooleanChecker())
            .AddAttribute("UntilConnected", "Polling: start no attempt once one has connected.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&ConnectorApplication::m_untilConnected),
                          MakeBooleanChecker())
            .AddAttribute("GiveUpAfter",
                          "Start no attempt later than this after the first one; 0 = no limit "
                          "(Count alone bounds the attempts).",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&ConnectorApplication::m_giveUpAfter),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("Loop",
                          "Start each attempt ThinkTime after the previous one is over: the "
                          "application closed it (close() returns at once, the FIN exchange "
                          "and TIME-WAIT go on), it failed, or the peer reset it.",
                          BooleanValue(false), MakeBooleanAccessor(&ConnectorApplication::m_loop),
                          MakeBooleanChecker())
            .AddAttribute("ThinkTime", "Loop: time from the end of a call to the next call.",
                          TimeValue(Time(0)), MakeTimeAccessor(&ConnectorApplication::m_thinkTime),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("LocalPortFirst",
                          "First port of the application's own local port range (each call is "
                          "bound to the next free port of it, in order); 0 = the stack picks "
                          "an ephemeral port.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ConnectorApplication::m_localPortFirst),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("LocalPortLast", "Last port of the application's own local port range.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ConnectorApplication::m_localPortLast),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("ConnectDeadline",
                          "A call not connected this long after it started is abandoned: the "
                          "socket is closed and the call fails timed_out (an application's own "
                          "connect timeout); 0 = none, the stack's SYN schedule decides.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&ConnectorApplication::m_connectDeadline),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("SendBytes", "Request bytes sent once connected (0 = none).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ConnectorApplication::m_sendBytes),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ReceiveBytes", "Response bytes awaited before closing (0 = none).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ConnectorApplication::m_receiveBytes),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("HoldTime",
                          "Time the connection is held open after the exchange, before "
                          "the client closes it.",
                          TimeValue(Time(0)), MakeTimeAccessor(&ConnectorApplication::m_holdTime),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("ReceiveUntilClose",
                          "Read the response until the server closes (a response whose end "
                          "is the close, as in HTTP/1.0) instead of ReceiveBytes: the client "
                          "then closes after the server.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&ConnectorApplication::m_receiveUntilClose),
                          MakeBooleanChecker())
            // Random workloads: each variable, when set, replaces its constant; one
            // value is drawn per use (per interval, per pause, per call).
            .AddAttribute("IntervalVariable",
                          "Interval drawn for each gap between calls, in seconds (negative "
                          "draws count as 0); unset (the default) = Interval.",
                          PointerValue(),
                          MakePointerAccessor(&ConnectorApplication::m_intervalVariable),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("ThinkTimeVariable",
                          "ThinkTime drawn for each pause of a loop, in seconds; unset (the "
                          "default) = ThinkTime.",
                          PointerValue(),
                          MakePointerAccessor(&ConnectorApplication::m_thinkTimeVariable),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("HoldTimeVariable",
                          "HoldTime drawn for each call, in seconds; unset (the default) = "
                          "HoldTime.",
                          PointerValue(),
                          MakePointerAccessor(&ConnectorApplication::m_holdTimeVariable),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("SendBytesVariable",
                          "Request size drawn for each call, in bytes (rounded); unset (the "
                          "default) = SendBytes.",
                          PointerValue(),
                          MakePointerAccessor(&ConnectorApplication::m_sendBytesVariable),
                          MakePointerChecker<RandomVariableStream>())
            .AddTraceSource("ConnectStart",
                            "A connect() call begins: its socket is created and bound, "
                            "Connect() not yet called (socket, remote address).",
                            MakeTraceSourceAccessor(&ConnectorApplication::m_connectStartTrace),
                            "ns3::ConnectorApplication::ConnectStartTracedCallback")
            .AddTraceSource("Connected", "The connect() call succeeded (socket).",
                            MakeTraceSourceAccessor(&ConnectorApplication::m_connectedTrace),
                            "ns3::ConnectorApplication::SocketTracedCallback")
            .AddTraceSource("ConnectFailed",
                            "The connect() call failed (socket, outcome; Pending when the "
                            "stack does not say why: stock ns-3, refused if resets came back).",
                            MakeTraceSourceAccessor(&ConnectorApplication::m_connectFailedTrace),
                            "ns3::ConnectorApplication::OutcomeTracedCallback")
            .AddTraceSource("Close", "The application closes the connection (socket).",
                            MakeTraceSourceAccessor(&ConnectorApplication::m_closeTrace),
                            "ns3::ConnectorApplication::SocketTracedCallback")
            .AddTraceSource("ConnectDeadline",
                            "ConnectDeadline reached before the call connected: the application "
                            "abandons it (socket, the deadline); ConnectFailed follows.",
                            MakeTraceSourceAccessor(&ConnectorApplication::m_deadlineTrace),
                            "ns3::ConnectorApplication::DeadlineTracedCallback")
            .AddTraceSource("Closed",
                            "The connection closed normally (socket, true if the peer closed "
                            "first).",
                            MakeTraceSourceAccessor(&ConnectorApplication::m_closedTrace),
                            "ns3::ConnectorApplication::ClosedTracedCallback")
            .AddTraceSource("Aborted",
                            "The connection ended with an error (socket, Reset by the peer or "
                            "Aborted by this host).",
                            MakeTraceSourceAccessor(&ConnectorApplication::m_abortedTrace),
                            "ns3::ConnectorApplication::OutcomeTracedCallback")
            .AddTraceSource("Tx", "Request bytes handed to the socket (socket, bytes).",
                            MakeTraceSourceAccessor(&ConnectorApplication::m_txTrace),
                            "ns3::ConnectorApplication::BytesTracedCallback")
            .AddTraceSource("Rx", "Response bytes read from the socket (socket, bytes).",
                            MakeTraceSourceAccessor(&ConnectorApplication::m_rxTrace),
                            "ns3::ConnectorApplication::BytesTracedCallback");
    return tid;
}

ConnectorApplication::ConnectorApplication()
    : m_onConnected(MakeCallback(&ConnectorApplication::ConnectionSucceeded, this))
    , m_onFailed(MakeCallback(&ConnectorApplication::ConnectionFailed, this))
    , m_onNormalClose(MakeCallback(&ConnectorApplication::NormalClose, this))
    , m_onErrorClose(MakeCallback(&ConnectorApplication::ErrorClose, this))
    , m_onReceive(MakeCallback(&ConnectorApplication::Receive, this))
    , m_onSend(MakeCallback(&ConnectorApplication::SendMore, this))
{
}

ConnectorApplication::~ConnectorApplication() = default;

uint32_t
ConnectorApplication::GetAttemptsStarted() const
{
    return m_started;
}

int64_t
ConnectorApplication::AssignStreams(int64_t stream)
{
    int64_t used = 0;
    used += AssignWorkloadStream(m_intervalVariable, stream + used);
    used += AssignWorkloadStream(m_thinkTimeVariable, stream + used);
    used += AssignWorkloadStream(m_holdTimeVariable, stream + used);
    used += AssignWorkloadStream(m_sendBytesVariable, stream + used);
    return used;
}

void
ConnectorApplication::SetSocketConfigurator(Callback<void, Ptr<Socket>> configure)
{
    m_configureSocket = configure;
}

void
ConnectorApplication::DoDispose()
{
    m_nextAttempt.Cancel();
    for (auto& [socket, attempt] : m_attempts)
    {
        attempt.closeEvent.Cancel();
        attempt.deadline.Cancel();
        socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                   MakeNullCallback<void, Ptr<Socket>>());
        socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                  MakeNullCallback<void, Ptr<Socket>>());
        socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    }
    m_attempts.clear();
    Application::DoDispose();
}

void
ConnectorApplication::StartApplication()
{
    m_started = 0;
    m_running = true;
    m_connected = false;
    m_firstStart = Simulator::Now();
    m_nextLocalPort = m_localPortFirst;
    if (m_count > 0)
    {
        StartAttempt();
    }
}

void
ConnectorApplication::StopApplication()
{
    m_running = false;
    m_nextAttempt.Cancel(); // attempts still in progress keep going
}

void
ConnectorApplication::StartAttempt()
{
    uint16_t portOffset = static_cast<uint16_t>(m_started % m_portCount);
    ++m_started;
    if (!m_sequential && !m_loop)
    {
        ScheduleNextAttempt(NextInterval());
    }

    InetSocketAddress remote = InetSocketAddress::ConvertFrom(m_remote);
    remote.SetPort(remote.GetPort() + portOffset);
    Attempt attempt;
    attempt.toSend = DrawWorkloadBytes(m_sendBytesVariable, m_sendBytes);

    Ptr<Socket> socket = Socket::CreateSocket(GetNode(), m_socketFactory);
    if (!m_configureSocket.IsNull())
    {
        m_configureSocket(socket);
    }
    socket->SetConnectCallback(m_onConnected, m_onFailed);
    socket->SetCloseCallbacks(m_onNormalClose, m_onErrorClose);
    socket->SetRecvCallback(m_onReceive);
    socket->SetSendCallback(m_onSend);
    Attempt& stored = m_attempts[socket] = attempt;

    // Bind first, so that the 4-tuple is known to ConnectStart's listeners before
    // the first SYN leaves (stock ns-3 sends it from inside Connect()).
    if ((m_localPortFirst != 0 ? BindInRange(socket) : socket->Bind()) != 0)
    {
        // No local port (stock ns-3 reports ERROR_ADDRNOTAVAIL when its range is spent;
        // every port of the application's own range is held).
        stored.outcome = m_localPortFirst != 0 || socket->GetErrno() == Socket::ERROR_ADDRNOTAVAIL
                             ? ConnectionOutcome::NoPort
                             : ConnectionOutcome::Failed;
        m_connectStartTrace(socket, remote);
        Simulator::ScheduleNow(&ConnectorApplication::ConnectionFailed, this, socket);
        return;
    }
    m_connectStartTrace(socket, remote);
    if (socket->Connect(remote) != 0)
    {
        m_attempts[socket].outcome = ConnectionOutcome::Failed;
        Simulator::ScheduleNow(&ConnectorApplication::ConnectionFailed, this, socket);
        return;
    }
    if (m_connectDeadline.IsStrictlyPositive())
    {
        m_attempts[socket].deadline = Simulator::Schedule(
            m_connectDeadline, &ConnectorApplication::DeadlineReached, this, socket);
    }
}

int
ConnectorApplication::BindInRange(Ptr<Socket> socket)
{
    // Every port of the range once, from the one after the last port used: a port
    // still held (a connection, its TIME-WAIT) fails bind() and the next is tried.
    uint32_t ports = m_localPortLast - m_localPortFirst + 1U;
    for (uint32_t i = 0; i < ports; ++i)
    {
        uint16_t port = m_nextLocalPort;
        m_nextLocalPort = port == m_localPortLast ? m_localPortFirst : port + 1;
        if (socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), port)) == 0)
        {
            return 0;
        }
    }
    return -1;
}

void
ConnectorApplication::DeadlineReached(Ptr<Socket> socket)
{
    auto it = m_attempts.find(socket);
    if (it == m_attempts.end() || it->second.connected)
    {
        return;
    }
    // The application gives up: it closes the socket (the stack stops its SYNs)
    // and the call is timed_out, whatever the stack would have said later.
    m_deadlineTrace(socket, m_connectDeadline);
    m_connectFailedTrace(socket, ConnectionOutcome::TimedOut);
    Finish(socket);
    socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                               MakeNullCallback<void, Ptr<Socket>>());
    socket->Close();
    if (m_sequential)
    {
        ScheduleNextAttempt(NextInterval());
    }
    else if (m_loop)
    {
        ScheduleNextAttempt(NextThinkTime());
    }
}

void
ConnectorApplication::CallEnded(Ptr<Socket> socket)
{
    auto it = m_attempts.find(socket);
    if (it == m_attempts.end() || it->second.ended)
    {
        return;
    }
    it->second.ended = true;
    if (m_loop)
    {
        ScheduleNextAttempt(NextThinkTime());
    }
}

Time
ConnectorApplication::NextInterval()
{
    return DrawWorkloadTime(m_intervalVariable, m_interval);
}

Time
ConnectorApplication::NextThinkTime()
{
    return DrawWorkloadTime(m_thinkTimeVariable, m_thinkTime);
}

void
ConnectorApplication::ScheduleNextAttempt(Time delay)
{
    if (!m_running || m_started >= m_count || (m_untilConnected && m_connected))
    {
        return;
    }
    if (m_giveUpAfter.IsStrictlyPositive() &&
        Simulator::Now() + delay > m_firstStart + m_giveUpAfter)
    {
        return;
    }
    m_nextAttempt = Simulator::Schedule(delay, &ConnectorApplication::StartAttempt, this);
}

void
ConnectorApplication::ConnectionSucceeded(Ptr<Socket> socket)
{
    auto it = m_attempts.find(socket);
    if (it == m_attempts.end())
    {
        return;
    }
    it->second.connected = true;
    it->second.deadline.Cancel();
    m_connectedTrace(socket);
    m_connected = true;
    if (m_untilConnected)
    {
        m_nextAttempt.Cancel();
    }
    else if (m_sequential)
    {
        ScheduleNextAttempt(NextInterval());
    }
    SendMore(socket, socket->GetTxAvailable());
    MaybeClose(socket);
}

void
ConnectorApplication::ConnectionFailed(Ptr<Socket> socket)
{
    auto it = m_attempts.find(socket);
    if (it == m_attempts.end())
    {
        return;
    }
    // An outcome known here (a synchronous failure), else what the stack says
    // (Pending for stock ns-3, which does not say).
    m_connectFailedTrace(socket, it->second.outcome != ConnectionOutcome::Pending
                                     ? it->second.outcome
                                     : StackConnectOutcome(socket));
    CallEnded(socket);
    Finish(socket);
    if (m_sequential)
    {
        ScheduleNextAttempt(NextInterval());
    }
}

void
ConnectorApplication::NormalClose(Ptr<Socket> socket)
{
    auto it = m_attempts.find(socket);
    if (it == m_attempts.end())
    {
        return;
    }
    if (!it->second.connected)
    {
        return; // a close before the handshake completed: the failure callback follows
    }
    m_closedTrace(socket, !it->second.closing);
    if (!it->second.closing)
    {
        // The server closed first: answer with our own close.
        it->second.closeEvent.Cancel();
        it->second.closing = true;
        CloseAfterPeer(socket);
    }
    CallEnded(socket);
    Finish(socket);
}

void
ConnectorApplication::ErrorClose(Ptr<Socket> socket)
{
    auto it = m_attempts.find(socket);
    if (it == m_attempts.end())
    {
        return;
    }
    if (!it->second.connected)
    {
        return; // the failure callback reports it
    }
    // Rule LT-ABORT-CODE: a local abort (half-duplex close) is "aborted"
    // (WSAECONNABORTED 10053), a reset from the peer "reset" (WSAECONNRESET 10054).
    m_abortedTrace(socket, ClassifyErrorClose(socket));
    CallEnded(socket);
    Finish(socket);
}

void
ConnectorApplication::SendMore(Ptr<Socket> socket, uint32_t available)
{
    auto it = m_attempts.find(socket);
    if (it == m_attempts.end() || it->second.closing)
    {
        return;
    }
    Attempt& attempt = it->second;
    while (attempt.toSend > 0 && available > 0)
    {
        // The whole request in one write where the buffer has room (MSS-sized
        // segments); the rest follows from the send callback.
        uint32_t chunk = std::min(attempt.toSend, available);
        int sent = socket->Send(Create<Packet>(chunk));
        if (sent <= 0)
        {
            break;
        }
        attempt.toSend -= sent;
        available -= sent;
        m_txTrace(socket, static_cast<uint32_t>(sent));
    }
}

void
ConnectorApplication::Receive(Ptr<Socket> socket)
{
    auto it = m_attempts.find(socket);
    Ptr<Packet> packet;
    while ((packet = socket->Recv()))
    {
        if (it != m_attempts.end())
        {
            it->second.received += packet->GetSize();
            m_rxTrace(socket, packet->GetSize());
        }
    }
    if (it != m_attempts.end())
    {
        MaybeClose(socket);
    }
}

void
ConnectorApplication::MaybeClose(Ptr<Socket> socket)
{
    Attempt& attempt = m_attempts[socket];
    if (attempt.closing || attempt.closeEvent.IsRunning() || attempt.toSend > 0 ||
        m_receiveUntilClose || attempt.received < m_receiveBytes)
    {
        return; // ReceiveUntilClose: NormalClose answers the server's close
    }
    attempt.closeEvent = Simulator::Schedule(DrawWorkloadTime(m_holdTimeVariable, m_holdTime),
                                             &ConnectorApplication::DoClose, this, socket);
}

void
ConnectorApplication::DoClose(Ptr<Socket> socket)
{
    auto it = m_attempts.find(socket);
    if (it == m_attempts.end() || it->second.closing)
    {
        return;
    }
    it->second.closing = true;
    m_closeTrace(socket);
    socket->Close();
    CallEnded(socket);
}

void
ConnectorApplication::Finish(Ptr<Socket> socket)
{
    auto it = m_attempts.find(socket);
    if (it == m_attempts.end())
    {
        return;
    }
    it->second.closeEvent.Cancel();
    it->second.deadline.Cancel();
    socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                              MakeNullCallback<void, Ptr<Socket>>());
    m_attempts.erase(it);
}

} // namespace ns3
