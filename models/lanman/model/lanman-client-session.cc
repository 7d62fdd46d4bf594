#include "lanman-client-session.h"

#include "connect-failure.h"
#include "legacy-tcp-socket.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "smb-dialects.h"
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
            .AddAttribute("Domain",
                          "The workstation's domain (LANMAN.INI [workstation] domain), sent "
                          "as Session Setup's primary domain. Default DOMAIN: assumption, "
                          "LAN Manager setup's default domain name.",
                          StringValue("DOMAIN"), MakeStringAccessor(&LanmanClientSession::m_domain),
                          MakeStringChecker())
            .AddAttribute("NativeOs",
                          "Native OS string of Session Setup requests. Default MS-DOS: "
                          "assumption, the redirector's operating system by name (the "
                          "sources at hand do not give the exact string).",
                          StringValue("MS-DOS"),
                          MakeStringAccessor(&LanmanClientSession::m_nativeOs), MakeStringChecker())
            .AddAttribute("NativeLanMan",
                          "Native LAN Manager string of Session Setup requests. Default "
                          "\"LAN Manager\": assumption, the product by name, without a "
                          "version the sources do not give.",
                          StringValue("LAN Manager"),
                          MakeStringAccessor(&LanmanClientSession::m_nativeLanMan),
                          MakeStringChecker())
            .AddAttribute("MaxBufferSize",
                          "The redirector's buffer (Session Setup MaxBufferSize), bytes. "
                          "Default 1024: assumption, a 1 KB work buffer in MS-DOS "
                          "conventional memory.",
                          UintegerValue(1024),
                          MakeUintegerAccessor(&LanmanClientSession::m_maxBufferSize),
                          MakeUintegerChecker<uint16_t>(64))
            .AddAttribute("MaxMpxCount",
                          "Requests the redirector has outstanding (Session Setup "
                          "MaxMpxCount). Default 1: the model sends one request at a time "
                          "per session.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&LanmanClientSession::m_maxMpxCount),
                          MakeUintegerChecker<uint16_t>(1));
    return tid;
}

LanmanClientSession::LanmanClientSession() = default;

LanmanClientSession::~LanmanClientSession() = default;

void
LanmanClientSession::Setup(Ptr<Node> node, TypeId factory, LanmanSessionObserver* observer,
                           const std::string& callingName, const std::string& serverName,
                           Ipv4Address server, uint16_t port)
{
    m_node = node;
    m_factory = factory;
    m_observer = observer;
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

Ptr<Socket>
LanmanClientSession::GetSocket() const
{
    return m_socket;
}

bool
LanmanClientSession::IsOpen() const
{
    return m_phase == OPEN && !m_closing;
}

uint16_t
LanmanClientSession::GetUid() const
{
    return m_uid;
}

uint16_t
LanmanClientSession::GetTid(const std::string& drive) const
{
    auto it = m_tids.find(drive);
    return it == m_tids.end() ? 0 : it->second;
}

void
LanmanClientSession::SetCredentials(const std::string& account, const std::string& password)
{
    m_account = account;
    m_password = password;
}

void
LanmanClientSession::DoDispose()
{
    DetachSocket();
    m_socket = nullptr;
    m_node = nullptr;
    m_observer = nullptr;
    m_done = DoneCallback();
    m_lost = Callback<void, Ptr<LanmanClientSession>>();
    Object::DoDispose();
}

void
LanmanClientSession::Open(DoneCallback done)
{
    NS_ABORT_MSG_UNLESS(m_phase == IDLE, "LanmanClientSession::Open called twice");
    m_done = done;
    m_phase = CONNECTING;

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
    InetSocketAddress server(m_server, m_port);
    if (m_socket->Bind() != 0)
    {
        m_outcome = ConnectionOutcome::NoPort;
        m_observer->SessionConnectStart(m_socket, server);
        Simulator::ScheduleNow(&LanmanClientSession::ConnectFailed, this, m_socket);
        return;
    }
    m_observer->SessionConnectStart(m_socket, server);
    if (m_socket->Connect(server) != 0)
    {
        m_outcome = ConnectionOutcome::Failed;
        Simulator::ScheduleNow(&LanmanClientSession::ConnectFailed, this, m_socket);
    }
}

void
LanmanClientSession::Connected(Ptr<Socket>)
{
    m_established = true;
    m_observer->SessionConnected(m_socket);
    // RFC 1002 5.3: "the calling node ... sends a SESSION REQUEST packet".
    m_phase = NBSS;
    Send(MakeNbssSessionRequest(m_serverName, m_callingName));
}

void
LanmanClientSession::ConnectFailed(Ptr<Socket>)
{
    ConnectionOutcome outcome =
        m_outcome != ConnectionOutcome::Pending ? m_outcome : StackConnectOutcome(m_socket);
    m_observer->SessionConnectFailed(m_socket, outcome);
    m_phase = CLOSED;
    DetachSocket();
    // A stock socket does not say why: the redirector's word is the failure itself.
    Complete(false, ConnectionOutcomeName(outcome == ConnectionOutcome::Pending
                                              ? ClassifyConnectFailure(m_socket, 0)
                                              : outcome));
}

void
LanmanClientSession::Send(Ptr<Packet> packet)
{
    // Rule APP-SEND-ANY-SIZE: the whole message, now or as the buffer drains.
    m_writer.Write(m_socket, packet);
    m_observer->SessionTx(m_socket, packet->GetSize());
}

void
LanmanClientSession::SendMore(Ptr<Socket> socket, uint32_t)
{
    m_writer.Resume(socket);
}

void
LanmanClientSession::SendSmb(SmbHeader::Command command, uint16_t tid, const SmbBody& body)
{
    SmbHeader h;
    h.SetCommand(command);
    // [MS-CIFS] 2.2.4.53.1: UID and TID are ignored in Negotiate and Session
    // Setup; after that the UID is the server's, the TID a Tree Connect's.
    h.SetUid(command == SmbHeader::NEGOTIATE || command == SmbHeader::SESSION_SETUP ? 0 : m_uid);
    h.SetTid(tid);
    h.SetMid(++m_mid);
    m_awaiting = command;
    m_awaitingMid = m_mid;
    Send(MakeNbssSmbMessage(h, body));
}

void
LanmanClientSession::SendSessionSetup()
{
    SmbSessionSetupRequest r;
    r.maxBufferSize = m_maxBufferSize;
    r.maxMpxCount = m_maxMpxCount;
    r.vcNumber = 0;
    r.sessionKey = m_negotiated.sessionKey;
    // With challenge/response the password field is the 24-byte response; in
    // plain text it would be the password itself.
    r.password = (m_negotiated.securityMode & SmbNegotiateResponse::kEncryptPasswords)
                     ? SmbChallengeResponse(m_password, m_negotiated.challenge)
                     : std::vector<uint8_t>(m_password.begin(), m_password.end());
    r.account = m_account;
    r.domain = m_domain;
    r.nativeOs = m_nativeOs;
    r.nativeLanMan = m_nativeLanMan;
    SendSmb(SmbHeader::SESSION_SETUP, 0, r.Encode());
}

void
LanmanClientSession::Receive(Ptr<Socket> socket)
{
    Ptr<LanmanClientSession> keep = this;
    Ptr<Packet> bytes;
    while ((bytes = socket->Recv()))
    {
        m_observer->SessionRx(socket, bytes->GetSize());
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
            m_observer->SessionEstablished(m_socket, m_serverName);
            m_phase = NEGOTIATE;
            SmbNegotiateRequest r;
            r.dialects = LanmanDosDialects();
            SendSmb(SmbHeader::NEGOTIATE, 0, r.Encode());
        }
        else
        {
            Complete(false, "negative_session_response");
            Close();
        }
        return;
    }
    SmbHeader smb;
    SmbBody body;
    if (nbss.GetType() != NbssHeader::SESSION_MESSAGE || !ReadNbssSmbMessage(message, smb, body) ||
        !smb.IsReply() || smb.GetCommand() != m_awaiting || smb.GetMid() != m_awaitingMid)
    {
        return; // keep-alives, and nothing that answers the request outstanding
    }
    HandleSmb(smb, body);
}

void
LanmanClientSession::HandleSmb(const SmbHeader& smb, const SmbBody& body)
{
    bool ok = smb.GetStatus() == 0;
    if (m_phase == NEGOTIATE)
    {
        // [MS-CIFS] 2.2.4.52.2: a LAN Manager dialect answers with WordCount 13;
        // the index must name one of the dialects offered.
        const auto& offered = LanmanDosDialects();
        if (!ok || !SmbNegotiateResponse::Decode(body, m_negotiated) || !m_negotiated.lanman ||
            m_negotiated.dialectIndex >= offered.size() ||
            !IsLanmanDialect(offered[m_negotiated.dialectIndex]))
        {
            Complete(false, "negotiate_failed");
            Close();
            return;
        }
        m_phase = SETUP;
        SendSessionSetup();
        return;
    }
    if (m_phase == SETUP)
    {
        m_phase = OPEN;
        if (ok)
        {
            m_uid = smb.GetUid();
        }
        Complete(ok, ok ? "" : "session_setup_denied");
        return;
    }
    if (m_requestPending)
    {
        m_requestPending = false;
        Answered(smb, body);
    }
}

void
LanmanClientSession::Answered(const SmbHeader& smb, const SmbBody&)
{
    bool ok = smb.GetStatus() == 0;
    switch (smb.GetCommand())
    {
    case SmbHeader::SESSION_SETUP:
        if (ok)
        {
            m_uid = smb.GetUid();
        }
        Complete(ok, ok ? "" : "session_setup_denied");
        return;
    case SmbHeader::TREE_CONNECT:
        if (ok)
        {
            m_tids[m_pendingDrive] = smb.GetTid();
        }
        break;
    case SmbHeader::TREE_DISCONNECT:
        m_tids.erase(m_pendingDrive);
        break;
    case SmbHeader::LOGOFF:
        // [MS-CIFS] 3.3.5.44: the UID is gone, and the trees used with it.
        m_uid = 0;
        m_tids.clear();
        break;
    default:
        break;
    }
    Complete(ok, ok ? "" : "smb_error");
}

bool
LanmanClientSession::StartRequest(DoneCallback done)
{
    m_done = done;
    if (!IsOpen() || m_requestPending)
    {
        Simulator::ScheduleNow(&LanmanClientSession::Complete, this, false,
                               std::string(IsOpen() ? "busy" : "session_lost"));
        return false;
    }
    m_requestPending = true;
    return true;
}

void
LanmanClientSession::Logon(const std::string& account, const std::string& password,
                           DoneCallback done)
{
    if (StartRequest(done))
    {
        SetCredentials(account, password);
        SendSessionSetup();
    }
}

void
LanmanClientSession::TreeConnect(const std::string& drive, const std::string& path,
                                 DoneCallback done)
{
    if (!StartRequest(done))
    {
        return;
    }
    // With user-level security the server ignores the share password; the
    // redirector sends a single NUL ([MS-CIFS] 2.2.4.55.1).
    SmbTreeConnectRequest r;
    r.password = {0};
    r.path = path;
    r.service = "A:";
    m_pendingDrive = drive;
    SendSmb(SmbHeader::TREE_CONNECT, 0, r.Encode());
}

void
LanmanClientSession::TreeDisconnect(const std::string& drive, DoneCallback done)
{
    if (StartRequest(done))
    {
        m_pendingDrive = drive;
        SendSmb(SmbHeader::TREE_DISCONNECT, GetTid(drive), MakeSmbEmptyBody());
    }
}

void
LanmanClientSession::Logoff(DoneCallback done)
{
    if (StartRequest(done))
    {
        SendSmb(SmbHeader::LOGOFF, 0, MakeSmbLogoffBody());
    }
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
    m_observer->SessionClose(m_socket);
    m_socket->Close();
}

void
LanmanClientSession::PeerClosed(Ptr<Socket>)
{
    if (!m_established)
    {
        return; // the connect failure callback reports it
    }
    m_observer->SessionClosed(m_socket, !m_closing);
    if (!m_closing)
    {
        // The server closed first (idle disconnect): answer with our own close.
        m_closing = true;
        CloseAfterPeer(m_socket);
        Lost("closed by the server");
        return;
    }
    DetachSocket();
}

void
LanmanClientSession::PeerError(Ptr<Socket>)
{
    if (!m_established)
    {
        return;
    }
    m_observer->SessionAborted(m_socket, ClassifyErrorClose(m_socket));
    Lost("reset");
}

void
LanmanClientSession::Lost(const std::string& why)
{
    Ptr<LanmanClientSession> keep = this;
    bool wasOpening = m_phase != OPEN && m_phase != CLOSED;
    m_phase = CLOSED;
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
