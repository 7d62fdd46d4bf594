#include "connector-application.h"

#include "connect-failure.h"
#include "legacy-tcp-socket.h"
#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket-factory.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"
#include "socket-endpoint.h"

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
            .AddAttribute("RemoteName", "Name of the remote host, written to connections.csv.",
                          StringValue(""), MakeStringAccessor(&ConnectorApplication::m_remoteName),
                          MakeStringChecker())
            .AddAttribute("Profile", "Stack profile of this host, written to connections.csv.",
                          StringValue(""), MakeStringAccessor(&ConnectorApplication::m_profile),
                          MakeStringChecker())
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
            .AddAttribute("Registry", "The run's ConnectionRegistry.", PointerValue(),
                          MakePointerAccessor(&ConnectorApplication::m_registry),
                          MakePointerChecker<ConnectionRegistry>());
    return tid;
}

ConnectorApplication::ConnectorApplication() = default;

ConnectorApplication::~ConnectorApplication() = default;

uint32_t
ConnectorApplication::GetAttemptsStarted() const
{
    return m_started;
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
        socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                   MakeNullCallback<void, Ptr<Socket>>());
        socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                  MakeNullCallback<void, Ptr<Socket>>());
        socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    }
    m_attempts.clear();
    m_registry = nullptr;
    Application::DoDispose();
}

void
ConnectorApplication::StartApplication()
{
    NS_ABORT_MSG_UNLESS(m_registry, "ConnectorApplication needs a Registry");
    m_hostName = Names::FindName(GetNode());
    m_started = 0;
    m_running = true;
    m_connected = false;
    m_firstStart = Simulator::Now();
    if (m_count > 0)
    {
        StartAttempt();
    }
}

void
ConnectorApplication::StopApplication()
{
    m_running = false;
    m_nextAttempt.Cancel();
    // Attempts still in progress keep going; bring their counters up to date for
    // the records written at the end of the run.
    for (auto& [socket, attempt] : m_attempts)
    {
        UpdateCounters(socket, m_registry->Get(attempt.id));
    }
}

void
ConnectorApplication::StartAttempt()
{
    uint16_t portOffset = static_cast<uint16_t>(m_started % m_portCount);
    ++m_started;
    if (!m_sequential)
    {
        ScheduleNextAttempt();
    }

    InetSocketAddress remote = InetSocketAddress::ConvertFrom(m_remote);
    remote.SetPort(remote.GetPort() + portOffset);
    ConnectionRecord record;
    record.host = m_hostName;
    record.profile = m_profile;
    record.remoteHost = m_remoteName;
    record.remoteAddress = remote.GetIpv4();
    record.remotePort = remote.GetPort();
    record.start = Simulator::Now();
    Attempt attempt;
    attempt.id = m_registry->Open(record);
    attempt.toSend = m_sendBytes;

    Ptr<Socket> socket = Socket::CreateSocket(GetNode(), m_socketFactory);
    if (!m_configureSocket.IsNull())
    {
        m_configureSocket(socket);
    }
    socket->SetConnectCallback(MakeCallback(&ConnectorApplication::ConnectionSucceeded, this),
                               MakeCallback(&ConnectorApplication::ConnectionFailed, this));
    socket->SetCloseCallbacks(MakeCallback(&ConnectorApplication::NormalClose, this),
                              MakeCallback(&ConnectorApplication::ErrorClose, this));
    socket->SetRecvCallback(MakeCallback(&ConnectorApplication::Receive, this));
    socket->SetSendCallback(MakeCallback(&ConnectorApplication::SendMore, this));
    m_attempts[socket] = attempt;

    std::ostringstream detail;
    detail << m_remoteName << ":" << remote.GetPort();
    Event(attempt, "connect_start", detail.str());

    // Bind first, so that the 4-tuple is known before the first SYN leaves (stock
    // ns-3 sends it from inside Connect()).
    if (socket->Bind() != 0)
    {
        // No local port (stock ns-3 reports ERROR_ADDRNOTAVAIL when its range is spent).
        ConnectionRecord& r = m_registry->Get(attempt.id);
        r.outcome = socket->GetErrno() == Socket::ERROR_ADDRNOTAVAIL ? ConnectionOutcome::NoPort
                                                                     : ConnectionOutcome::Failed;
        Simulator::ScheduleNow(&ConnectorApplication::ConnectionFailed, this, socket);
        return;
    }
    if (Ptr<LegacyTcpSocket> legacy = DynamicCast<LegacyTcpSocket>(socket))
    {
        // The legacy stack reports events by its own connection id (its first SYN
        // leaves from inside Connect(), before the port is known here).
        m_registry->BindStackConnection(GetNode()->GetId(), legacy->GetConnectionId(), attempt.id);
    }
    m_registry->BindSocket(socket, attempt.id); // stock ns-3 chose the port in Bind()
    if (socket->Connect(remote) != 0)
    {
        m_registry->Get(attempt.id).outcome = ConnectionOutcome::Failed;
        Simulator::ScheduleNow(&ConnectorApplication::ConnectionFailed, this, socket);
        return;
    }
    m_registry->BindSocket(socket, attempt.id); // the legacy stack chose it in Connect()
}

void
ConnectorApplication::ScheduleNextAttempt()
{
    if (!m_running || m_started >= m_count || (m_untilConnected && m_connected))
    {
        return;
    }
    if (m_giveUpAfter.IsStrictlyPositive() &&
        Simulator::Now() + m_interval > m_firstStart + m_giveUpAfter)
    {
        return;
    }
    m_nextAttempt = Simulator::Schedule(m_interval, &ConnectorApplication::StartAttempt, this);
}

void
ConnectorApplication::ConnectionSucceeded(Ptr<Socket> socket)
{
    auto it = m_attempts.find(socket);
    if (it == m_attempts.end())
    {
        return;
    }
    ConnectionRecord& r = m_registry->Get(it->second.id);
    UpdateCounters(socket, r);
    r.outcome = ConnectionOutcome::Established;
    r.end = Simulator::Now();
    Event(it->second, "connected");
    m_connected = true;
    if (m_untilConnected)
    {
        m_nextAttempt.Cancel();
    }
    else if (m_sequential)
    {
        ScheduleNextAttempt();
    }
    SendMore(socket, socket->GetTxAvailable());
    MaybeClose(socket);
}

ConnectionOutcome
ConnectorApplication::ClassifyFailure(Ptr<Socket> socket, const ConnectionRecord& record) const
{
    if (record.outcome != ConnectionOutcome::Pending)
    {
        return record.outcome; // already known (synchronous failure)
    }
    return ClassifyConnectFailure(socket, record.rstsReceived);
}

void
ConnectorApplication::UpdateCounters(Ptr<Socket> socket, ConnectionRecord& record) const
{
    // The legacy stack counts its own SYNs and RSTs; stock hosts are counted on the
    // wire by the scenario runner.
    if (Ptr<LegacyTcpSocket> legacy = DynamicCast<LegacyTcpSocket>(socket))
    {
        record.synsSent = legacy->GetSynsSent();
        record.rstsReceived = legacy->GetRstsReceived();
    }
}

void
ConnectorApplication::ConnectionFailed(Ptr<Socket> socket)
{
    auto it = m_attempts.find(socket);
    if (it == m_attempts.end())
    {
        return;
    }
    ConnectionRecord& r = m_registry->Get(it->second.id);
    UpdateCounters(socket, r);
    SetConnectionOutcome(r, ClassifyFailure(socket, r), socket);
    r.end = Simulator::Now();
    if (!StackTracesConnectFailure(socket) || r.outcome == ConnectionOutcome::Failed)
    {
        // The legacy stack traces its own connect_failed; say it here for the others.
        Event(it->second, "connect_failed", ConnectionOutcomeName(r.outcome));
    }
    Finish(socket);
    if (m_sequential)
    {
        ScheduleNextAttempt();
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
    ConnectionRecord& r = m_registry->Get(it->second.id);
    if (r.outcome == ConnectionOutcome::Pending)
    {
        return; // a close before the handshake completed: the failure callback follows
    }
    r.closed = Simulator::Now();
    r.closeKind = "normal";
    Event(it->second, "app_closed", it->second.closing ? "local" : "peer");
    if (!it->second.closing)
    {
        // The server closed first: answer with our own close.
        it->second.closeEvent.Cancel();
        it->second.closing = true;
        CloseAfterPeer(socket);
    }
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
    ConnectionRecord& r = m_registry->Get(it->second.id);
    if (r.outcome == ConnectionOutcome::Pending)
    {
        return; // the failure callback reports it
    }
    // Rule LT-ABORT-CODE: a local abort (half-duplex close) is "aborted"
    // (WSAECONNABORTED 10053), a reset from the peer "reset" (WSAECONNRESET 10054).
    SetConnectionOutcome(r, ClassifyErrorClose(socket), socket);
    r.closed = Simulator::Now();
    r.closeKind = r.outcome == ConnectionOutcome::Aborted ? "aborted" : "reset";
    Event(it->second, r.outcome == ConnectionOutcome::Aborted ? "app_aborted" : "app_reset");
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
        m_registry->Get(attempt.id).bytesSent += sent;
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
            m_registry->Get(it->second.id).bytesReceived += packet->GetSize();
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
        attempt.received < m_receiveBytes)
    {
        return;
    }
    attempt.closeEvent =
        Simulator::Schedule(m_holdTime, &ConnectorApplication::DoClose, this, socket);
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
    Event(it->second, "app_close");
    socket->Close();
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
    UpdateCounters(socket, m_registry->Get(it->second.id));
    socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                              MakeNullCallback<void, Ptr<Socket>>());
    m_attempts.erase(it);
}

void
ConnectorApplication::Event(const Attempt& attempt, const std::string& name,
                            const std::string& detail)
{
    m_registry->Event(m_hostName, attempt.id, name, detail);
}

} // namespace ns3
