#include "legacy-event-forwarder.h"

namespace retrotcp
{

LegacyEventForwarder::LegacyEventForwarder(std::string host, ns3::Ipv4Address address,
                                           ns3::Ptr<ConnectionBook> book, uint32_t nodeId)
    : m_host(std::move(host))
    , m_address(address)
    , m_book(book)
    , m_nodeId(nodeId)
{
}

void
LegacyEventForwarder::Forward(const ns3::LegacyTcpEvent& event)
{
    uint64_t id =
        event.connectionId == 0 ? 0 : m_book->FindStackConnection(m_nodeId, event.connectionId);
    if (id == 0 && event.localPort != 0)
    {
        ns3::Ipv4Address local =
            event.localAddress == ns3::Ipv4Address::GetAny() ? m_address : event.localAddress;
        id = m_book->FindTuple(local, event.localPort, event.remoteAddress, event.remotePort);
        if (id == 0)
        {
            id = m_book->FindTuple(event.remoteAddress, event.remotePort, local, event.localPort);
        }
    }
    if (id != 0 && event.type == ns3::LegacyTcpEventType::SynSent && event.localPort != 0)
    {
        // The stack chose the port inside Connect(): the call's 4-tuple is known now.
        ns3::Ipv4Address local =
            event.localAddress == ns3::Ipv4Address::GetAny() ? m_address : event.localAddress;
        m_book->BindLocalEnd(id, local, event.localPort);
    }
    m_book->Event(m_host, id, ns3::LegacyTcpEventName(event.type),
                  ns3::LegacyTcpEventDetail(event));
}

} // namespace retrotcp
