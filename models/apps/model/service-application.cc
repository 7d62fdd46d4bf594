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
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"
#include "socket-endpoint.h"
#include "workload-draw.h"

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
            .AddAttribute("ResponseBytesVariable",
                          "Size of each response drawn from this variable, in bytes (rounded; "
                          "a draw of 0 sends none); unset (the default) = ResponseBytes.",
                          PointerValue(),
                          MakePointerAccessor(&ServiceApplication::m_responseBytesVariable),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute(
                "CloseAfterResponse",
                "Close the connection right after the first response (later requests "
                "are read and dropped), so that this side closes first and holds TIME-WAIT.",
                BooleanValue(false), MakeBooleanAccessor(&ServiceApplication::m_closeAfterResponse),
                MakeBooleanChecker())
            .AddTraceSource("Up", "The service listens (port).",
                            MakeTraceSourceAccessor(&ServiceApplication::m_upTrace),
                            "ns3::ServiceApplication::PortTracedCallback")
            .AddTraceSource("Down", "The service stops listening (port).",
                            MakeTraceSourceAccessor(&ServiceApplication::m_downTrace),
                            "ns3::ServiceApplication::PortTracedCallback")
            .AddTraceSource("ListenFailed",
                            "The service cannot listen: a connection of the host still holds "
                            "the port (port).",
                            MakeTraceSourceAccessor(&ServiceApplication::m_listenFailedTrace),
                            "ns3::ServiceApplication::PortTracedCallback")
            .AddTraceSource("Accepted", "A connection was accepted (socket, client address).",
                            MakeTraceSourceAccessor(&ServiceApplication::m_acceptedTrace),
                            "ns3::ServiceApplication::AcceptedTracedCallback")
            .AddTraceSource("Close", "The service closes a connection first (socket).",
                            MakeTraceSourceAccessor(&ServiceApplication::m_closeTrace),
                            "ns3::ServiceApplication::SocketTracedCallback")
            .AddTraceSource("Closed",
                            "A connection closed normally (socket, true if the client closed "
                            "first).",
                            MakeTraceSourceAccessor(&ServiceApplication::m_closedTrace),
                            "ns3::ServiceApplication::ClosedTracedCallback")
            .AddTraceSource("Aborted", "A connection was reset (socket).",
                            MakeTraceSourceAccessor(&ServiceApplication::m_abortedTrace),
                            "ns3::ServiceApplication::SocketTracedCallback");
    return tid;
}

ServiceApplication::ServiceApplication()
    : m_onReceive(MakeCallback(&ServiceApplication::Receive, this))
    , m_onSend(MakeCallback(&ServiceApplication::SendMore, this))
    , m_onPeerClose(MakeCallback(&ServiceApplication::PeerClose, this))
    , m_onPeerError(MakeCallback(&ServiceApplication::PeerError, this))
{
}

ServiceApplication::~ServiceApplication() = default;

uint32_t
ServiceApplication::GetAccepted() const
{
    return m_accepted;
}

int64_t
ServiceApplication::AssignStreams(int64_t stream)
{
    return AssignWorkloadStream(m_responseBytesVariable, stream);
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
        DetachAcceptedSocket(socket);
    }
    m_peers.clear();
    Application::DoDispose();
}

void
ServiceApplication::StartApplication()
{
    m_hostName = Names::FindName(GetNode());
    m_listener = OpenListener(GetNode(), m_socketFactory, m_configureSocket, m_port, m_hostName);
    if (!m_listener)
    {
        // A connection accepted in an earlier up window (or its TIME-WAIT) still
        // holds the port: the listener stays closed and connects are refused.
        m_listenFailedTrace(m_port);
        return;
    }
    m_listener->SetAcceptCallback(MakeCallback(&ServiceApplication::ConnectionRequest, this),
                                  MakeCallback(&ServiceApplication::Accept, this));
    m_upTrace(m_port);
}

void
ServiceApplication::StopApplication()
{
    if (m_listener)
    {
        CloseListener(m_listener);
        m_listener = nullptr;
        m_downTrace(m_port);
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
    m_acceptedTrace(socket, from);
    socket->SetRecvCallback(m_onReceive);
    socket->SetSendCallback(m_onSend);
    socket->SetCloseCallbacks(m_onPeerClose, m_onPeerError);
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
        // One response per request; with CloseAfterResponse the first response
        // ends the conversation (the rest of the request is read and dropped).
        while (m_requestBytes > 0 && it->second.received >= m_requestBytes && !it->second.closing &&
               !it->second.closeWhenWritten)
        {
            it->second.received -= m_requestBytes;
            Respond(socket, it->second);
        }
    }
}

void
ServiceApplication::Respond(Ptr<Socket> socket, Peer& peer)
{
    uint32_t bytes = DrawWorkloadBytes(m_responseBytesVariable, m_responseBytes);
    if (bytes > 0)
    {
        // One write of the whole response: the stack cuts MSS-sized segments, and
        // what does not fit the send buffer follows from SendMore.
        peer.writer.Write(socket, Create<Packet>(bytes));
    }
    if (m_closeAfterResponse)
    {
        peer.closeWhenWritten = true;
        CloseIfWritten(socket, peer);
    }
}

void
ServiceApplication::SendMore(Ptr<Socket> socket, uint32_t)
{
    auto it = m_peers.find(socket);
    if (it == m_peers.end() || it->second.closing)
    {
        return;
    }
    it->second.writer.Resume(socket);
    CloseIfWritten(socket, it->second);
}

void
ServiceApplication::CloseIfWritten(Ptr<Socket> socket, Peer& peer)
{
    if (!peer.closeWhenWritten || peer.closing || peer.writer.GetPending() > 0)
    {
        return;
    }
    peer.closing = true;
    m_closeTrace(socket);
    socket->Close();
}

void
ServiceApplication::PeerClose(Ptr<Socket> socket)
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
ServiceApplication::PeerError(Ptr<Socket> socket)
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
ServiceApplication::Forget(Ptr<Socket> socket)
{
    DetachAcceptedSocket(socket);
    m_peers.erase(socket);
}

} // namespace ns3
