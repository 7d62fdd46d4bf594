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
            .AddAttribute("Registry", "The run's ConnectionRegistry (events).", PointerValue(),
                          MakePointerAccessor(&LanmanServerApplication::m_registry),
                          MakePointerChecker<ConnectionRegistry>())
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
            .AddAttribute("NegotiateResponseBytes",
                          "Data bytes of a Negotiate response. Default 40: assumption "
                          "(LANMAN 1.0 dialect index, server parameters, domain name).",
                          UintegerValue(40),
                          MakeUintegerAccessor(&LanmanServerApplication::m_negotiateBytes),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("SessionSetupResponseBytes",
                          "Data bytes of a Session Setup response. Default 60: assumption "
                          "(native OS and LAN Manager strings).",
                          UintegerValue(60),
                          MakeUintegerAccessor(&LanmanServerApplication::m_sessionSetupBytes),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("TreeConnectResponseBytes",
                          "Data bytes of a Tree Connect response. Default 8: assumption "
                          "(service type string).",
                          UintegerValue(8),
                          MakeUintegerAccessor(&LanmanServerApplication::m_treeConnectBytes),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("OtherResponseBytes",
                          "Data bytes of Tree Disconnect and Logoff responses. Default 0: "
                          "[MS-CIFS] (these responses carry no data).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LanmanServerApplication::m_otherBytes),
                          MakeUintegerChecker<uint16_t>());
    return tid;
}

LanmanServerApplication::LanmanServerApplication() = default;

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
    m_registry = nullptr;
    Application::DoDispose();
}

void
LanmanServerApplication::StartApplication()
{
    NS_ABORT_MSG_UNLESS(m_registry, "LanmanServerApplication needs a Registry");
    m_hostName = Names::FindName(GetNode());
    if (m_netbiosName.empty())
    {
        m_netbiosName = m_hostName;
    }
    std::transform(m_netbiosName.begin(), m_netbiosName.end(), m_netbiosName.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    m_netbiosName = m_netbiosName.substr(0, 15);
    m_listener = OpenListener(GetNode(), m_socketFactory, m_configure, m_port, m_hostName);
    if (!m_listener)
    {
        // A connection accepted in an earlier up window (or its TIME-WAIT) still
        // holds the port: the listener stays closed and connects are refused.
        m_registry->Event(m_hostName, 0, "service_failed",
                          "port=" + std::to_string(m_port) + " reason=address_in_use");
        return;
    }
    m_listener->SetAcceptCallback(MakeCallback(&LanmanServerApplication::ConnectionRequest, this),
                                  MakeCallback(&LanmanServerApplication::Accept, this));
    m_registry->Event(m_hostName, 0, "service_up", "port=" + std::to_string(m_port));
}

void
LanmanServerApplication::StopApplication()
{
    if (m_listener)
    {
        CloseListener(m_listener);
        m_listener = nullptr;
        m_registry->Event(m_hostName, 0, "service_down", "port=" + std::to_string(m_port));
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
    InetSocketAddress fromInet = InetSocketAddress::ConvertFrom(from);
    Peer& peer = m_peers[socket];
    peer.connectionId = m_registry->FindPeer(socket, from);
    std::ostringstream detail;
    detail << fromInet.GetIpv4() << ":" << fromInet.GetPort();
    m_registry->Event(m_hostName, peer.connectionId, "accepted", detail.str());
    socket->SetRecvCallback(MakeCallback(&LanmanServerApplication::Receive, this));
    socket->SetCloseCallbacks(MakeCallback(&LanmanServerApplication::PeerClose, this),
                              MakeCallback(&LanmanServerApplication::PeerError, this));
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

uint16_t
LanmanServerApplication::ResponseBytes(uint8_t command) const
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
            m_registry->Event(m_hostName, peer.connectionId, "nbss_session_accepted",
                              "calling=" + names.GetCallingName());
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
    message->RemoveHeader(request);
    if (!request.IsValid() || request.IsReply())
    {
        return;
    }
    SmbHeader response = request;
    response.SetReply(true);
    response.SetStatus(0);
    if (request.GetCommand() == SmbHeader::SESSION_SETUP)
    {
        response.SetUid(1);
    }
    if (request.GetCommand() == SmbHeader::TREE_CONNECT)
    {
        response.SetTid(static_cast<uint16_t>(request.GetMid()));
    }
    Time think = request.GetCommand() == SmbHeader::SESSION_SETUP ? m_logonThinkTime : m_thinkTime;
    Simulator::Schedule(think, &LanmanServerApplication::Respond, this, socket,
                        MakeNbssSmbMessage(response, ResponseBytes(request.GetCommand())));
}

void
LanmanServerApplication::Respond(Ptr<Socket> socket, Ptr<Packet> response)
{
    auto it = m_peers.find(socket);
    if (it == m_peers.end() || it->second.closing)
    {
        return; // the connection went away during the think time
    }
    socket->Send(response);
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
    m_registry->Event(m_hostName, it->second.connectionId, "idle_disconnect");
    m_registry->Event(m_hostName, it->second.connectionId, "app_close", "server first");
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
    AnswerPeerClose(socket, it->second.closing, *m_registry, m_hostName, it->second.connectionId);
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
    m_registry->Event(m_hostName, it->second.connectionId, "app_reset");
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
