#ifndef RETROTCP_LEGACY_EVENT_FORWARDER_H
#define RETROTCP_LEGACY_EVENT_FORWARDER_H

#include "connection-book.h"
#include "legacy-tcp-event.h"
#include "ns3/ipv4-address.h"

#include <string>

namespace retrotcp
{

/**
 * \brief Turns a legacy stack's ConnectionEvent trace into events.csv rows, with
 * the connection attempt (conn_id) found by 4-tuple: the host's own attempts, or
 * for the server side the client's attempt.
 */
class LegacyEventForwarder
{
  public:
    LegacyEventForwarder(std::string host, ns3::Ipv4Address address,
                         ns3::Ptr<ConnectionBook> registry, uint32_t nodeId);

    void Forward(const ns3::LegacyTcpEvent& event);

  private:
    std::string m_host;
    ns3::Ipv4Address m_address;
    ns3::Ptr<ConnectionBook> m_book;
    uint32_t m_nodeId;
};

} // namespace retrotcp

#endif
