#include "legacy-event-forwarder.h"

namespace retrotcp
{

LegacyEventForwarder::LegacyEventForwarder(std::string host, ns3::Ipv4Address address,
                                           ns3::Ptr<ns3::ConnectionRegistry> registry,
                                           uint32_t nodeId)
    : m_host(std::move(host))
    , m_address(address)
    , m_registry(registry)
    , m_nodeId(nodeId)
{
}

void
LegacyEventForwarder::Forward(const ns3::LegacyTcpEvent& event)
{
    uint64_t id =
        event.connectionId == 0 ? 0 : m_registry->FindStackConnection(m_nodeId, event.connectionId);
    if (id == 0 && event.localPort != 0)
    {
        ns3::Ipv4Address local =
            event.localAddress == ns3::Ipv4Address::GetAny() ? m_address : event.localAddress;
        id = m_registry->FindTuple(local, event.localPort, event.remoteAddress, event.remotePort);
        if (id == 0)
        {
            id = m_registry->FindTuple(event.remoteAddress, event.remotePort, local,
                                       event.localPort);
        }
    }
    m_registry->Event(m_host, id, event.name, event.detail);
}

} // namespace retrotcp
