#ifndef RETROTCP_WIRE_TAP_H
#define RETROTCP_WIRE_TAP_H

#include "connection-book.h"
#include "ns3/ipv4.h"
#include "ns3/node.h"
#include "ns3/packet.h"

#include <string>

namespace retrotcp
{

/**
 * \brief Counts a host's SYNs and RSTs at its IP layer and attributes them to
 * connection records by 4-tuple.
 *
 * Used for hosts on the stock ns-3 stack, which has no such traces of its own:
 * it fills syns_sent and rsts_received of connections.csv and emits syn_sent,
 * syn_retransmit, rst_sent and rst_received events.
 */
class WireTap
{
  public:
    WireTap(ns3::Ptr<ns3::Node> node, std::string host, ns3::Ptr<ConnectionBook> book);

  private:
    void Tx(ns3::Ptr<const ns3::Packet> packet, ns3::Ptr<ns3::Ipv4> ipv4, uint32_t interface);
    void Rx(ns3::Ptr<const ns3::Packet> packet, ns3::Ptr<ns3::Ipv4> ipv4, uint32_t interface);

    std::string m_host;
    ns3::Ptr<ConnectionBook> m_book;
};

} // namespace retrotcp

#endif
