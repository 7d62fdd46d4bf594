#include "lanman-client-session.h"

#include "connect-failure.h"
#include "legacy-tcp-socket.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"
#include "socket-endpoint.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LanmanClientSession");
NS_OBJECT_ENSURE_REGISTERED(LanmanClientSession);

TypeId
LanmanClientSession::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LanmanClientSession")
            .SetParent<Object>()
            .SetGroupName("Lanman")
            .AddConstructor<LanmanClientSession>()
            .AddAttribute("NegotiateRequestBytes",
                          "Data bytes of a Negotiate request. Default 80: assumption (the "
                          "dialect strings of a LAN Manager 2.x redirector, PC NETWORK PROGRAM "
                          "1.0 to LM1.2X002).",
                          UintegerValue(80),
                          MakeUintegerAccessor(&LanmanClientSession::m_negotiateBytes),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("SessionSetupRequestBytes",
                          "Data bytes of a Session Setup request. Default 40: assumption "
                          "(password, account name, domain, native OS strings).",
                          UintegerValue(40),
                          MakeUintegerAccessor(&LanmanClientSession::m_sessionSetupBytes),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("TreeConnectRequestBytes",
                          "Data bytes of a Tree Connect request. Default 30: assumption "
                          "(password, \\\\SERVER\\SHARE path, service string).",
                          UintegerValue(30),
                          MakeUintegerAccessor(&LanmanClientSession::m_treeConnectBytes),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("OtherRequestBytes",
                          "Data bytes of Tree Disconnect and Logoff requests. Default 0: "
                          "[MS-CIFS] (these requests carry no data).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LanmanClientSession::m_otherBytes),
                          MakeUintegerChecker<uint16_t>());
    return tid;
}

LanmanClientSession::LanmanClientSession() = default;

LanmanClientSession::~LanmanClientSession() = default;

void
LanmanClientSession::Setup(Ptr<Node> node, TypeId factory, Ptr<ConnectionRegistry> registry,
                           const std::string& hostName, const std::string& profile,
                           const std::string& callingName, const std::string& serverName,
                           Ipv4Address server, uint16_t port)
{
    m_node = node;
    m_factory = factory;
    m_registry = registry;
    m_hostName = hostName;
    m_profile = profile;
    m_callingName = callingName;
    m_serverName = serverName;
    m_server = server;
    m_port = port;
}

void
LanmanClientSession::SetSocketConfigurator(Callback<void, Ptr<Socket>> c)
{
    m_configure = c;
}

void
LanmanClientSession::SetLostCallback(Callback<void, Ptr<LanmanClientSession>> c)
{
    m_lost = c;
}

const std::string&
LanmanClientSession::GetServerName() const
{
    return m_serverName;
}

uint64_t
LanmanClientSession::GetConnectionId() const
{
    return m_id;
}

bool
LanmanClientSession::IsOpen() const
{
    return m_phase == OPEN && !m_closing;
}

void
LanmanClientSession::DoDispose()
{
    DetachSocket();
    m_socket = nullptr;
    m_node = nullptr;
    m_registry = nullptr;
    m_done = DoneCallback();
    m_lost = Callback<void, Ptr<LanmanClientSession>>();
    Object::DoDispose();
}

uint16_t
LanmanClientSession::RequestBytes(SmbHeader::Command command) const
{
    switch (command)
    {
    case SmbHeader::NEGOTIATE:
        return m_negotiateBytes;
    case SmbHeader::SESSION_SETUP:
        return m_sessionSetupBytes;
    case SmbHeader::TREE_CONNECT:
        return m_treeConnectBytes;
    default:
        return m_otherBytes;
    }
}

void
LanmanClientSession::Open(DoneCallback done)
{
    NS_ABORT_MSG_UNLESS(m_phase == IDLE, "LanmanClientSession::Open called twice");
    m_done = done;
    m_phase = CONNECTING;
    ConnectionRecord record;
    record.host = m_hostName;
    record.profile = m_profile;
    record.remoteHost = m_serverName;
    record.remoteAddress = m_server;
    record.remotePort = m_port;
    record.start = Simulator::Now();
    m_id = m_registry->Open(record);

    m_socket = Socket::CreateSocket(m_node, m_factory);
    if (!m_configure.IsNull())
    {
        m_configure(m_socket);
    }
    m_socket->SetConnectCallback(MakeCallback(&LanmanClientSession::Connected, this),
                                 MakeCallback(&LanmanClientSession::ConnectFailed, this));
    m_socket->SetCloseCallbacks(MakeCallback(&LanmanClientSession::PeerClosed, this),
                                MakeCallback(&LanmanClientSession::PeerError, this));
    m_socket->SetRecvCallback(MakeCallback(&LanmanClientSession::Receive, this));
    m_socket->SetSendCallback(MakeCallback(&LanmanClientSession::SendMore, this));
    m_registry->Event(m_hostName, m_id, "connect_start",
                      m_serverName + ":" + std::to_string(m_port));
    if (m_socket->Bind() != 0)
    {
        m_registry->Get(m_id).outcome = ConnectionOutcome::NoPort;
        Simulator::ScheduleNow(&LanmanClientSession::ConnectFailed, this, m_socket);
        return;
    }
    if (Ptr<LegacyTcpSocket> legacy = DynamicCast<LegacyTcpSocket>(m_socket))
    {
        m_registry->BindStackConnection(m_node->GetId(), legacy->GetConnectionId(), m_id);
    }
    if (m_socket->Connect(InetSocketAddress(m_server, m_port)) != 0)
    {
        m_registry->Get(m_id).outcome = ConnectionOutcome::Failed;
        Simulator::ScheduleNow(&LanmanClientSession::ConnectFailed, this, m_socket);
        return;
    }
    m_registry->BindSocket(m_socket, m_id);
}

void
LanmanClientSession::UpdateCounters()
{
    if (Ptr<LegacyTcpSocket> legacy = DynamicCast<LegacyTcpSocket>(m_socket))
    {
        ConnectionRecord& r = m_registry->Get(m_id);
        r.synsSent = legacy->GetSynsSent();
        r.rstsReceived = legacy->GetRstsReceived();
    }
}

void
LanmanClientSession::Connected(Ptr<Socket>)
{
    ConnectionRecord& r = m_registry->Get(m_id);
    r.outcome = ConnectionOutcome::Established;
    r.end = Simulator::Now();
    UpdateCounters();
    m_registry->Event(m_hostName, m_id, "connected");
    // RFC 1002 5.3: "the calling node ... sends a SESSION REQUEST packet".
    m_phase = NBSS;
    Send(MakeNbssSessionRequest(m_serverName, m_callingName));
}

void
LanmanClientSession::ConnectFailed(Ptr<Socket>)
{
    ConnectionRecord& r = m_registry->Get(m_id);
    UpdateCounters();
    SetConnectionOutcome(r,
                         r.outcome == ConnectionOutcome::Pending
                             ? ClassifyConnectFailure(m_socket, r.rstsReceived)
                             : r.outcome,
                         ERRORS_DOS);
    r.end = Simulator::Now();
    if (!StackTracesConnectFailure(m_socket))
    {
        m_registry->Event(m_hostName, m_id, "connect_failed", ConnectionOutcomeName(r.outcome));
    }
    m_phase = CLOSED;
    DetachSocket();
    Complete(false, ConnectionOutcomeName(r.outcome));
}

void
LanmanClientSession::Send(Ptr<Packet> packet)
{
    // Rule APP-SEND-ANY-SIZE: the whole message, now or as the buffer drains.
    m_writer.Write(m_socket, packet);
    m_registry->Get(m_id).bytesSent += packet->GetSize();
}

void
LanmanClientSession::SendMore(Ptr<Socket> socket, uint32_t)
{
    m_writer.Resume(socket);
}

void
LanmanClientSession::SendSmb(SmbHeader::Command command)
{
    SmbHeader h;
    h.SetCommand(command);
    h.SetUid(m_uid);
    h.SetMid(++m_mid);
    h.SetTid(command == SmbHeader::TREE_CONNECT ? 0 : 1);
    m_awaiting = command;
    Send(MakeNbssSmbMessage(h, RequestBytes(command)));
}

void
LanmanClientSession::Receive(Ptr<Socket> socket)
{
    Ptr<LanmanClientSession> keep = this;
    Ptr<Packet> bytes;
    while ((bytes = socket->Recv()))
    {
        m_registry->Get(m_id).bytesReceived += bytes->GetSize();
        m_reader.Append(bytes);
    }
    while (Ptr<Packet> message = m_reader.Next())
    {
        Handle(message);
        if (!m_socket)
        {
            return;
        }
    }
}

void
LanmanClientSession::Handle(Ptr<Packet> message)
{
    NbssHeader nbss;
    message->RemoveHeader(nbss);
    if (m_phase == NBSS)
    {
        if (nbss.GetType() == NbssHeader::POSITIVE_SESSION_RESPONSE)
        {
            m_registry->Event(m_hostName, m_id, "nbss_session", "called=" + m_serverName);
            m_phase = NEGOTIATE;
            SendSmb(SmbHeader::NEGOTIATE);
        }
        else
        {
            Complete(false, "negative_session_response");
            Close();
        }
        return;
    }
    if (nbss.GetType() != NbssHeader::SESSION_MESSAGE)
    {
        return;
    }
    SmbHeader smb;
    message->RemoveHeader(smb);
    if (!smb.IsValid() || !smb.IsReply() || smb.GetCommand() != m_awaiting)
    {
        return;
    }
    bool ok = smb.GetStatus() == 0;
    if (m_phase == NEGOTIATE)
    {
        m_phase = SETUP;
        SendSmb(SmbHeader::SESSION_SETUP);
        return;
    }
    if (m_phase == SETUP)
    {
        m_uid = smb.GetUid();
        m_phase = OPEN;
        Complete(ok, ok ? "" : "session_setup_denied");
        return;
    }
    if (m_requestPending)
    {
        m_requestPending = false;
        Complete(ok, ok ? "" : "smb_error");
    }
}

void
LanmanClientSession::Request(SmbHeader::Command command, DoneCallback done)
{
    if (!IsOpen() || m_requestPending)
    {
        Simulator::ScheduleNow(&LanmanClientSession::Complete, this, false,
                               std::string(IsOpen() ? "busy" : "session_lost"));
        m_done = done;
        return;
    }
    m_done = done;
    m_requestPending = true;
    SendSmb(command);
}

void
LanmanClientSession::Complete(bool ok, const std::string& detail)
{
    Ptr<LanmanClientSession> keep = this; // the callback may drop the last reference
    DoneCallback done = m_done;
    m_done = DoneCallback();
    if (!done.IsNull())
    {
        done(ok, detail);
    }
}

void
LanmanClientSession::Close()
{
    if (!m_socket || m_closing)
    {
        return;
    }
    m_closing = true;
    m_registry->Event(m_hostName, m_id, "app_close");
    m_socket->Close();
}

void
LanmanClientSession::PeerClosed(Ptr<Socket>)
{
    ConnectionRecord& r = m_registry->Get(m_id);
    if (r.outcome == ConnectionOutcome::Pending)
    {
        return; // the connect failure callback reports it
    }
    r.closed = Simulator::Now();
    r.closeKind = "normal";
    m_registry->Event(m_hostName, m_id, "app_closed", m_closing ? "local" : "peer");
    if (!m_closing)
    {
        // The server closed first (idle disconnect): answer with our own close.
        m_closing = true;
        CloseAfterPeer(m_socket);
        Lost("closed by the server");
        return;
    }
    UpdateCounters();
    DetachSocket();
}

void
LanmanClientSession::PeerError(Ptr<Socket>)
{
    ConnectionRecord& r = m_registry->Get(m_id);
    if (r.outcome == ConnectionOutcome::Pending)
    {
        return;
    }
    SetConnectionOutcome(r, ClassifyErrorClose(m_socket), ERRORS_DOS);
    r.closed = Simulator::Now();
    r.closeKind = r.outcome == ConnectionOutcome::Aborted ? "aborted" : "reset";
    m_registry->Event(m_hostName, m_id,
                      r.outcome == ConnectionOutcome::Aborted ? "app_aborted" : "app_reset");
    Lost("reset");
}

void
LanmanClientSession::Lost(const std::string& why)
{
    Ptr<LanmanClientSession> keep = this;
    bool wasOpening = m_phase != OPEN && m_phase != CLOSED;
    m_phase = CLOSED;
    UpdateCounters();
    DetachSocket();
    if (wasOpening || m_requestPending)
    {
        m_requestPending = false;
        Complete(false, why);
    }
    if (!m_lost.IsNull())
    {
        m_lost(this);
    }
}

void
LanmanClientSession::DetachSocket()
{
    if (!m_socket)
    {
        return;
    }
    m_writer.Clear();
    m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    m_socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    m_socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                MakeNullCallback<void, Ptr<Socket>>());
    m_socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                 MakeNullCallback<void, Ptr<Socket>>());
}

} // namespace ns3
