#include "service-application.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"
#include "socket-endpoint.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ServiceApplication");
NS_OBJECT_ENSURE_REGISTERED(ServiceApplication);

TypeId
ServiceApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ServiceApplication")
            .SetParent<Application>()
            .SetGroupName("RetroTcp")
            .AddConstructor<ServiceApplication>()
            .AddAttribute("Port", "TCP port to listen on.", UintegerValue(0),
                          MakeUintegerAccessor(&ServiceApplication::m_port),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute(
                "SocketFactory", "TypeId of the socket factory used to create the listener.",
                TypeIdValue(TcpSocketFactory::GetTypeId()),
                MakeTypeIdAccessor(&ServiceApplication::m_socketFactory), MakeTypeIdChecker())
            .AddAttribute("RequestBytes",
                          "Bytes of request that trigger one response (0 = respond as "
                          "soon as the connection is accepted).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ServiceApplication::m_requestBytes),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ResponseBytes", "Bytes sent in each response (0 = no response).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ServiceApplication::m_responseBytes),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("CloseAfterResponse",
                          "Close the connection right after the response, so that this "
                          "side closes first and holds TIME-WAIT.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&ServiceApplication::m_closeAfterResponse),
                          MakeBooleanChecker())
            .AddAttribute("Registry", "The run's ConnectionRegistry.", PointerValue(),
                          MakePointerAccessor(&ServiceApplication::m_registry),
                          MakePointerChecker<ConnectionRegistry>());
    return tid;
}

ServiceApplication::ServiceApplication() = default;

ServiceApplication::~ServiceApplication() = default;

uint32_t
ServiceApplication::GetAccepted() const
{
    return m_accepted;
}

void
ServiceApplication::SetSocketConfigurator(Callback<void, Ptr<Socket>> configure)
{
    m_configureSocket = configure;
}

void
ServiceApplication::DoDispose()
{
    if (m_listener)
    {
        m_listener->Close();
        m_listener = nullptr;
    }
    for (auto& [socket, peer] : m_peers)
    {
        socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                  MakeNullCallback<void, Ptr<Socket>>());
    }
    m_peers.clear();
    m_registry = nullptr;
    Application::DoDispose();
}

void
ServiceApplication::StartApplication()
{
    NS_ABORT_MSG_UNLESS(m_registry, "ServiceApplication needs a Registry");
    m_hostName = Names::FindName(GetNode());
    m_listener = OpenListener(GetNode(), m_socketFactory, m_configureSocket, m_port, m_hostName);
    if (!m_listener)
    {
        // A connection accepted in an earlier up window (or its TIME-WAIT) still
        // holds the port: the listener stays closed and connects are refused.
        m_registry->Event(m_hostName, 0, "service_failed",
                          "port=" + std::to_string(m_port) + " reason=address_in_use");
        return;
    }
    m_listener->SetAcceptCallback(MakeCallback(&ServiceApplication::ConnectionRequest, this),
                                  MakeCallback(&ServiceApplication::Accept, this));
    m_registry->Event(m_hostName, 0, "service_up", "port=" + std::to_string(m_port));
}

void
ServiceApplication::StopApplication()
{
    if (m_listener)
    {
        CloseListener(m_listener);
        m_listener = nullptr;
        m_registry->Event(m_hostName, 0, "service_down", "port=" + std::to_string(m_port));
    }
}

bool
ServiceApplication::ConnectionRequest(Ptr<Socket>, const Address&)
{
    return true;
}

void
ServiceApplication::Accept(Ptr<Socket> socket, const Address& from)
{
    ++m_accepted;
    Peer peer;
    InetSocketAddress fromInet = InetSocketAddress::ConvertFrom(from);
    peer.connectionId = m_registry->FindPeer(socket, from);
    std::ostringstream detail;
    detail << fromInet.GetIpv4() << ":" << fromInet.GetPort();
    m_registry->Event(m_hostName, peer.connectionId, "accepted", detail.str());
    socket->SetRecvCallback(MakeCallback(&ServiceApplication::Receive, this));
    socket->SetCloseCallbacks(MakeCallback(&ServiceApplication::PeerClose, this),
                              MakeCallback(&ServiceApplication::PeerError, this));
    auto& stored = m_peers[socket] = peer;
    if (m_requestBytes == 0)
    {
        Respond(socket, stored);
    }
}

void
ServiceApplication::Receive(Ptr<Socket> socket)
{
    auto it = m_peers.find(socket);
    Ptr<Packet> packet;
    while ((packet = socket->Recv()))
    {
        if (it == m_peers.end() || it->second.closing)
        {
            continue;
        }
        it->second.received += packet->GetSize();
        while (m_requestBytes > 0 && it->second.received >= m_requestBytes && !it->second.closing)
        {
            it->second.received -= m_requestBytes;
            Respond(socket, it->second);
        }
    }
}

void
ServiceApplication::Respond(Ptr<Socket> socket, Peer& peer)
{
    uint32_t left = m_responseBytes;
    while (left > 0)
    {
        uint32_t chunk = std::min(left, 1400U);
        if (socket->Send(Create<Packet>(chunk)) <= 0)
        {
            break;
        }
        left -= chunk;
    }
    if (m_closeAfterResponse)
    {
        peer.closing = true;
        m_registry->Event(m_hostName, peer.connectionId, "app_close", "server first");
        socket->Close();
    }
}

void
ServiceApplication::PeerClose(Ptr<Socket> socket)
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
ServiceApplication::PeerError(Ptr<Socket> socket)
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
ServiceApplication::Forget(Ptr<Socket> socket)
{
    DetachAcceptedSocket(socket);
    m_peers.erase(socket);
}

} // namespace ns3
