#include "lanman-server-application.h"

#include "nbss-session-request-header.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"
#include "socket-endpoint.h"

#include <algorithm>
#include <cctype>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LanmanServerApplication");
NS_OBJECT_ENSURE_REGISTERED(LanmanServerApplication);

TypeId
LanmanServerApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LanmanServerApplication")
            .SetParent<Application>()
            .SetGroupName("Lanman")
            .AddConstructor<LanmanServerApplication>()
            .AddAttribute("Port",
                          "TCP port of the NetBIOS session service. Default 139: RFC 1002 "
                          "(nbsession).",
                          UintegerValue(139),
                          MakeUintegerAccessor(&LanmanServerApplication::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("SocketFactory", "TypeId of the socket factory.",
                          TypeIdValue(TcpSocketFactory::GetTypeId()),
                          MakeTypeIdAccessor(&LanmanServerApplication::m_socketFactory),
                          MakeTypeIdChecker())
            .AddTraceSource("Up", "The server listens (port).",
                            MakeTraceSourceAccessor(&LanmanServerApplication::m_upTrace),
                            "ns3::ServiceApplication::PortTracedCallback")
            .AddTraceSource("Down", "The server stops listening (port).",
                            MakeTraceSourceAccessor(&LanmanServerApplication::m_downTrace),
                            "ns3::ServiceApplication::PortTracedCallback")
            .AddTraceSource("ListenFailed",
                            "The server cannot listen: a connection of the host still holds "
                            "the port (port).",
                            MakeTraceSourceAccessor(&LanmanServerApplication::m_listenFailedTrace),
                            "ns3::ServiceApplication::PortTracedCallback")
            .AddTraceSource("Accepted", "A connection was accepted (socket, client address).",
                            MakeTraceSourceAccessor(&LanmanServerApplication::m_acceptedTrace),
                            "ns3::ServiceApplication::AcceptedTracedCallback")
            .AddTraceSource("SessionAccepted",
                            "A NetBIOS session request was accepted (socket, calling name).",
                            MakeTraceSourceAccessor(&LanmanServerApplication::m_sessionTrace),
                            "ns3::LanmanServerApplication::SessionTracedCallback")
            .AddTraceSource("IdleDisconnect", "The server drops an idle session (socket).",
                            MakeTraceSourceAccessor(&LanmanServerApplication::m_idleTrace),
                            "ns3::ServiceApplication::SocketTracedCallback")
            .AddTraceSource("Close", "The server closes a connection first (socket).",
                            MakeTraceSourceAccessor(&LanmanServerApplication::m_closeTrace),
                            "ns3::ServiceApplication::SocketTracedCallback")
            .AddTraceSource("Closed",
                            "A connection closed normally (socket, true if the client closed "
                            "first).",
                            MakeTraceSourceAccessor(&LanmanServerApplication::m_closedTrace),
                            "ns3::ServiceApplication::ClosedTracedCallback")
            .AddTraceSource("Aborted", "A connection was reset (socket).",
                            MakeTraceSourceAccessor(&LanmanServerApplication::m_abortedTrace),
                            "ns3::ServiceApplication::SocketTracedCallback")
            .AddAttribute("NetbiosName",
                          "The server's NetBIOS name (called name of session requests); "
                          "empty = the node's name, upper-cased, first 15 characters.",
                          StringValue(""),
                          MakeStringAccessor(&LanmanServerApplication::m_netbiosName),
                          MakeStringChecker())
            .AddAttribute("ThinkTime",
                          "Server time before each response (session response, Negotiate, "
                          "Tree Connect, Tree Disconnect, Logoff). Default 1 ms: assumption, "
                          "because a 1990s server answered these from memory.",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&LanmanServerApplication::m_thinkTime),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("LogonThinkTime",
                          "Server time before a Session Setup response (user validation "
                          "against the account database). Default 20 ms: assumption, "
                          "because it reads the user account from disk.",
                          TimeValue(MilliSeconds(20)),
                          MakeTimeAccessor(&LanmanServerApplication::m_logonThinkTime),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("IdleTimeout",
                          "A session without requests for this long is closed by the server "
                          "(which then holds TIME-WAIT); 0 = never. Default 0: assumption, "
                          "LAN Manager's server autodisconnect is a configuration choice.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&LanmanServerApplication::m_idleTimeout),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("Domain",
                          "Primary domain named in Negotiate and Session Setup responses. "
                          "Default DOMAIN: assumption, LAN Manager setup's default domain "
                          "name.",
                          StringValue("DOMAIN"),
                          MakeStringAccessor(&LanmanServerApplication::m_domain),
                          MakeStringChecker())
            .AddAttribute("NativeOs",
                          "Native OS string of Session Setup responses. Default \"Windows NT "
                          "1381\": assumption, Windows NT 4.0 (build 1381), the sample "
                          "scenarios' servers.",
                          StringValue("Windows NT 1381"),
                          MakeStringAccessor(&LanmanServerApplication::m_nativeOs),
                          MakeStringChecker())
            .AddAttribute("NativeLanMan",
                          "Native LAN Manager string of Session Setup responses. Default "
                          "\"NT LAN Manager 4.0\": assumption, Windows NT 4.0.",
                          StringValue("NT LAN Manager 4.0"),
                          MakeStringAccessor(&LanmanServerApplication::m_nativeLanMan),
                          MakeStringChecker())
            .AddAttribute("NativeFileSystem",
                          "File system named in Tree Connect responses. Default NTFS: "
                          "assumption, a Windows NT 4.0 file server.",
                          StringValue("NTFS"),
                          MakeStringAccessor(&LanmanServerApplication::m_nativeFileSystem),
                          MakeStringChecker())
            .AddAttribute("MaxBufferSize",
                          "Largest SMB message the server accepts (Negotiate response), "
                          "bytes. Default 4356: assumption, the value Windows NT 4.0 "
                          "servers announce.",
                          UintegerValue(4356),
                          MakeUintegerAccessor(&LanmanServerApplication::m_maxBufferSize),
                          MakeUintegerChecker<uint16_t>(1024))
            .AddAttribute("MaxMpxCount",
                          "Requests a client may have outstanding (Negotiate response). "
                          "Default 50: assumption, the value Windows NT 4.0 servers "
                          "announce.",
                          UintegerValue(50),
                          MakeUintegerAccessor(&LanmanServerApplication::m_maxMpxCount),
                          MakeUintegerChecker<uint16_t>(1));
    return tid;
}

LanmanServerApplication::LanmanServerApplication()
    : m_onReceive(MakeCallback(&LanmanServerApplication::Receive, this))
    , m_onSend(MakeCallback(&LanmanServerApplication::SendMore, this))
    , m_onPeerClose(MakeCallback(&LanmanServerApplication::PeerClose, this))
    , m_onPeerError(MakeCallback(&LanmanServerApplication::PeerError, this))
{
}

LanmanServerApplication::~LanmanServerApplication() = default;

uint32_t
LanmanServerApplication::GetSessionsAccepted() const
{
    return m_sessionsAccepted;
}

uint32_t
LanmanServerApplication::GetSessionsOpen() const
{
    return static_cast<uint32_t>(std::count_if(m_peers.begin(), m_peers.end(),
                                               [](const auto& p) { return p.second.session; }));
}

void
LanmanServerApplication::SetSocketConfigurator(Callback<void, Ptr<Socket>> c)
{
    m_configure = c;
}

void
LanmanServerApplication::DoDispose()
{
    for (auto& [socket, peer] : m_peers)
    {
        peer.idle.Cancel();
        socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                  MakeNullCallback<void, Ptr<Socket>>());
    }
    m_peers.clear();
    m_listener = nullptr;
    Application::DoDispose();
}

void
LanmanServerApplication::StartApplication()
{
    m_hostName = Names::FindName(GetNode());
    if (m_netbiosName.empty())
    {
        m_netbiosName = m_hostName;
    }
    std::transform(m_netbiosName.begin(), m_netbiosName.end(), m_netbiosName.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    m_netbiosName = m_netbiosName.substr(0, 15);
    LanmanSmbServerIdentity identity;
    identity.domain = m_domain;
    identity.nativeOs = m_nativeOs;
    identity.nativeLanMan = m_nativeLanMan;
    identity.nativeFileSystem = m_nativeFileSystem;
    identity.maxBufferSize = m_maxBufferSize;
    identity.maxMpxCount = m_maxMpxCount;
    m_responder.SetIdentity(identity);
    m_responder.SetSeed(GetNode()->GetId());
    m_listener = OpenListener(GetNode(), m_socketFactory, m_configure, m_port, m_hostName);
    if (!m_listener)
    {
        // A connection accepted in an earlier up window (or its TIME-WAIT) still
        // holds the port: the listener stays closed and connects are refused.
        m_listenFailedTrace(m_port);
        return;
    }
    m_listener->SetAcceptCallback(MakeCallback(&LanmanServerApplication::ConnectionRequest, this),
                                  MakeCallback(&LanmanServerApplication::Accept, this));
    m_upTrace(m_port);
}

void
LanmanServerApplication::StopApplication()
{
    if (m_listener)
    {
        CloseListener(m_listener);
        m_listener = nullptr;
        m_downTrace(m_port);
    }
}

bool
LanmanServerApplication::ConnectionRequest(Ptr<Socket>, const Address&)
{
    return true;
}

void
LanmanServerApplication::Accept(Ptr<Socket> socket, const Address& from)
{
    Peer& peer = m_peers[socket];
    peer.smb = m_responder.NewConnection();
    m_acceptedTrace(socket, from);
    socket->SetRecvCallback(m_onReceive);
    socket->SetSendCallback(m_onSend);
    socket->SetCloseCallbacks(m_onPeerClose, m_onPeerError);
    RestartIdle(socket, peer);
}

void
LanmanServerApplication::Receive(Ptr<Socket> socket)
{
    auto it = m_peers.find(socket);
    Ptr<Packet> bytes;
    while ((bytes = socket->Recv()))
    {
        if (it != m_peers.end() && !it->second.closing)
        {
            it->second.reader.Append(bytes);
        }
    }
    if (it == m_peers.end())
    {
        return;
    }
    while (Ptr<Packet> message = it->second.reader.Next())
    {
        Handle(socket, it->second, message);
    }
}

void
LanmanServerApplication::Handle(Ptr<Socket> socket, Peer& peer, Ptr<Packet> message)
{
    RestartIdle(socket, peer);
    NbssHeader nbss;
    message->RemoveHeader(nbss);
    if (nbss.GetType() == NbssHeader::SESSION_REQUEST)
    {
        NbssSessionRequestHeader names;
        message->RemoveHeader(names);
        // RFC 1002 4.3.4: NEGATIVE SESSION RESPONSE error 0x80 "Not listening on
        // called name".
        uint8_t error = names.GetCalledName() == m_netbiosName ? 0 : 0x80;
        if (error == 0)
        {
            peer.session = true;
            ++m_sessionsAccepted;
            m_sessionTrace(socket, names.GetCallingName());
        }
        Simulator::Schedule(m_thinkTime, &LanmanServerApplication::Respond, this, socket,
                            MakeNbssSessionResponse(error));
        return;
    }
    if (nbss.GetType() != NbssHeader::SESSION_MESSAGE || !peer.session)
    {
        return; // keep-alives and anything before the session: nothing to answer
    }
    SmbHeader request;
    SmbBody body;
    if (!ReadNbssSmbMessage(message, request, body) || request.IsReply())
    {
        return; // not an SMB request: nothing to answer
    }
    // The response is decided now (UIDs and TIDs in arrival order) and sent after
    // the think time.
    Ptr<Packet> response = m_responder.Answer(request, body, peer.smb, Simulator::Now());
    Time think = request.GetCommand() == SmbHeader::SESSION_SETUP ? m_logonThinkTime : m_thinkTime;
    Simulator::Schedule(think, &LanmanServerApplication::Respond, this, socket, response);
}

void
LanmanServerApplication::Respond(Ptr<Socket> socket, Ptr<Packet> response)
{
    auto it = m_peers.find(socket);
    if (it == m_peers.end() || it->second.closing)
    {
        return; // the connection went away during the think time
    }
    it->second.writer.Write(socket, response); // rule APP-SEND-ANY-SIZE
}

void
LanmanServerApplication::SendMore(Ptr<Socket> socket, uint32_t)
{
    auto it = m_peers.find(socket);
    if (it != m_peers.end() && !it->second.closing)
    {
        it->second.writer.Resume(socket);
    }
}

void
LanmanServerApplication::RestartIdle(Ptr<Socket> socket, Peer& peer)
{
    peer.idle.Cancel();
    if (m_idleTimeout > Time(0))
    {
        peer.idle = Simulator::Schedule(m_idleTimeout, &LanmanServerApplication::IdleDisconnect,
                                        this, socket);
    }
}

void
LanmanServerApplication::IdleDisconnect(Ptr<Socket> socket)
{
    auto it = m_peers.find(socket);
    if (it == m_peers.end() || it->second.closing)
    {
        return;
    }
    // The server closes first: its end goes to TIME-WAIT, the client's does not.
    it->second.closing = true;
    m_idleTrace(socket);
    m_closeTrace(socket);
    socket->Close();
}

void
LanmanServerApplication::PeerClose(Ptr<Socket> socket)
{
    auto it = m_peers.find(socket);
    if (it == m_peers.end())
    {
        return;
    }
    m_closedTrace(socket, !it->second.closing);
    AnswerPeerClose(socket, it->second.closing);
    Forget(socket);
}

void
LanmanServerApplication::PeerError(Ptr<Socket> socket)
{
    auto it = m_peers.find(socket);
    if (it == m_peers.end())
    {
        return;
    }
    m_abortedTrace(socket);
    Forget(socket);
}

void
LanmanServerApplication::Forget(Ptr<Socket> socket)
{
    auto it = m_peers.find(socket);
    if (it != m_peers.end())
    {
        it->second.idle.Cancel();
    }
    DetachAcceptedSocket(socket);
    m_peers.erase(socket);
}

} // namespace ns3
