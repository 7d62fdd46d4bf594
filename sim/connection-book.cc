#include "connection-book.h"

#include "legacy-tcp-socket.h"
#include "ns3/abort.h"
#include "ns3/trace-source-accessor.h"
#include "socket-endpoint.h"

namespace retrotcp
{

using namespace ns3;

NS_OBJECT_ENSURE_REGISTERED(ConnectionBook);

TypeId
ConnectionBook::GetTypeId()
{
    static TypeId tid =
        TypeId("retrotcp::ConnectionBook")
            .SetParent<Object>()
            .SetGroupName("RetroTcp")
            .AddConstructor<ConnectionBook>()
            .AddTraceSource("Event",
                            "An application-level event (host, connection id, name, detail).",
                            MakeTraceSourceAccessor(&ConnectionBook::m_eventTrace),
                            "ns3::ConnectionBook::EventTracedCallback");
    return tid;
}

uint64_t
ConnectionBook::Open(ConnectionRecord record)
{
    record.id = m_records.size() + 1;
    m_records.push_back(std::move(record));
    return m_records.back().id;
}

ConnectionRecord&
ConnectionBook::Get(uint64_t id)
{
    NS_ABORT_MSG_IF(id == 0 || id > m_records.size(), "no connection record " << id);
    return m_records[id - 1];
}

const std::deque<ConnectionRecord>&
ConnectionBook::GetRecords() const
{
    return m_records;
}

void
ConnectionBook::Event(const std::string& host, uint64_t connectionId, const std::string& event,
                      const std::string& detail) const
{
    m_eventTrace(host, connectionId, event, detail);
}

void
ConnectionBook::BindTuple(Ipv4Address local, uint16_t localPort, Ipv4Address remote,
                          uint16_t remotePort, uint64_t id)
{
    m_tuples[LegacyTcpFourTuple::Make(local, localPort, remote, remotePort)] = id;
}

void
ConnectionBook::BindSocket(Ptr<Socket> socket, uint64_t id)
{
    InetSocketAddress local = LocalEndpoint(socket);
    BindLocalEnd(id, local.GetIpv4(), local.GetPort());
}

void
ConnectionBook::BindLocalEnd(uint64_t id, Ipv4Address local, uint16_t localPort)
{
    ConnectionRecord& r = Get(id);
    if (localPort == 0 || localPort == r.localPort)
    {
        return;
    }
    r.localPort = localPort;
    BindTuple(local, r.localPort, r.remoteAddress, r.remotePort, id);
}

uint64_t
ConnectionBook::FindPeer(Ptr<Socket> accepted, const Address& from) const
{
    InetSocketAddress peer = InetSocketAddress::ConvertFrom(from);
    InetSocketAddress local = LocalEndpoint(accepted);
    return FindTuple(peer.GetIpv4(), peer.GetPort(), local.GetIpv4(), local.GetPort());
}

uint64_t
ConnectionBook::FindTuple(Ipv4Address local, uint16_t localPort, Ipv4Address remote,
                          uint16_t remotePort) const
{
    auto it = m_tuples.find(LegacyTcpFourTuple::Make(local, localPort, remote, remotePort));
    return it == m_tuples.end() ? 0 : it->second;
}

namespace
{
uint64_t
StackKey(uint32_t nodeId, uint64_t stackConnectionId)
{
    return (static_cast<uint64_t>(nodeId) << 40) ^ stackConnectionId;
}
} // namespace

void
ConnectionBook::BindStackConnection(uint32_t nodeId, uint64_t stackConnectionId, uint64_t id)
{
    m_stackConnections[StackKey(nodeId, stackConnectionId)] = id;
}

uint64_t
ConnectionBook::FindStackConnection(uint32_t nodeId, uint64_t stackConnectionId) const
{
    auto it = m_stackConnections.find(StackKey(nodeId, stackConnectionId));
    return it == m_stackConnections.end() ? 0 : it->second;
}

void
ConnectionBook::OpenSocket(Ptr<Socket> socket, uint64_t id, bool refreshAtEnd)
{
    // Keyed by address, not held: a later socket at the same address replaces the
    // entry, and a socket still referenced (a command's) cannot share its address.
    m_socketIds[PeekPointer(socket)] = id;
    if (refreshAtEnd)
    {
        m_openSockets[id] = socket;
    }
}

void
ConnectionBook::CloseSocket(Ptr<Socket> socket)
{
    auto it = m_socketIds.find(PeekPointer(socket));
    if (it != m_socketIds.end())
    {
        m_openSockets.erase(it->second);
    }
}

uint64_t
ConnectionBook::FindSocket(Ptr<Socket> socket) const
{
    auto it = m_socketIds.find(PeekPointer(socket));
    return it == m_socketIds.end() ? 0 : it->second;
}

void
ConnectionBook::UpdateCounters(uint64_t id, Ptr<Socket> socket)
{
    if (Ptr<LegacyTcpSocket> legacy = DynamicCast<LegacyTcpSocket>(socket))
    {
        ConnectionRecord& r = Get(id);
        r.synsSent = legacy->GetSynsSent();
        r.rstsReceived = legacy->GetRstsReceived();
    }
}

void
ConnectionBook::UpdateOpenCounters()
{
    for (const auto& [id, socket] : m_openSockets)
    {
        UpdateCounters(id, socket);
    }
}

} // namespace retrotcp
