#include "connection-registry.h"

#include "ns3/abort.h"
#include "ns3/trace-source-accessor.h"
#include "socket-endpoint.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(ConnectionRegistry);

TypeId
ConnectionRegistry::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ConnectionRegistry")
            .SetParent<Object>()
            .SetGroupName("RetroTcp")
            .AddConstructor<ConnectionRegistry>()
            .AddTraceSource("Event",
                            "An application-level event (host, connection id, name, detail).",
                            MakeTraceSourceAccessor(&ConnectionRegistry::m_eventTrace),
                            "ns3::ConnectionRegistry::EventTracedCallback");
    return tid;
}

uint64_t
ConnectionRegistry::Open(ConnectionRecord record)
{
    record.id = m_records.size() + 1;
    m_records.push_back(std::move(record));
    return m_records.back().id;
}

ConnectionRecord&
ConnectionRegistry::Get(uint64_t id)
{
    NS_ABORT_MSG_IF(id == 0 || id > m_records.size(), "no connection record " << id);
    return m_records[id - 1];
}

const std::deque<ConnectionRecord>&
ConnectionRegistry::GetRecords() const
{
    return m_records;
}

void
ConnectionRegistry::Event(const std::string& host, uint64_t connectionId, const std::string& event,
                          const std::string& detail) const
{
    m_eventTrace(host, connectionId, event, detail);
}

size_t
ConnectionRegistry::TupleHash::operator()(const TupleKey& k) const
{
    uint64_t a = (static_cast<uint64_t>(k.local) << 32) | k.remote;
    uint64_t b = (static_cast<uint64_t>(k.localPort) << 16) | k.remotePort;
    return std::hash<uint64_t>()(a * 0x9E3779B97F4A7C15ULL ^ b);
}

void
ConnectionRegistry::BindTuple(Ipv4Address local, uint16_t localPort, Ipv4Address remote,
                              uint16_t remotePort, uint64_t id)
{
    m_tuples[TupleKey{local.Get(), remote.Get(), localPort, remotePort}] = id;
}

void
ConnectionRegistry::BindSocket(Ptr<Socket> socket, uint64_t id)
{
    InetSocketAddress local = LocalEndpoint(socket);
    ConnectionRecord& r = Get(id);
    if (local.GetPort() == 0 || local.GetPort() == r.localPort)
    {
        return;
    }
    r.localPort = local.GetPort();
    BindTuple(local.GetIpv4(), r.localPort, r.remoteAddress, r.remotePort, id);
}

uint64_t
ConnectionRegistry::FindPeer(Ptr<Socket> accepted, const Address& from) const
{
    InetSocketAddress peer = InetSocketAddress::ConvertFrom(from);
    InetSocketAddress local = LocalEndpoint(accepted);
    return FindTuple(peer.GetIpv4(), peer.GetPort(), local.GetIpv4(), local.GetPort());
}

uint64_t
ConnectionRegistry::FindTuple(Ipv4Address local, uint16_t localPort, Ipv4Address remote,
                              uint16_t remotePort) const
{
    auto it = m_tuples.find(TupleKey{local.Get(), remote.Get(), localPort, remotePort});
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
ConnectionRegistry::BindStackConnection(uint32_t nodeId, uint64_t stackConnectionId, uint64_t id)
{
    m_stackConnections[StackKey(nodeId, stackConnectionId)] = id;
}

uint64_t
ConnectionRegistry::FindStackConnection(uint32_t nodeId, uint64_t stackConnectionId) const
{
    auto it = m_stackConnections.find(StackKey(nodeId, stackConnectionId));
    return it == m_stackConnections.end() ? 0 : it->second;
}

} // namespace ns3
