#ifndef PACKET_FILTER_HELPER_H
#define PACKET_FILTER_HELPER_H

#include "host-packet-filter.h"
#include "ns3/node.h"

namespace ns3
{

/**
 * \brief Installs a HostPacketFilter on a node: after its Internet stack (and, for
 * the legacy TCP, after LegacyTcpStackHelper), it aggregates the filter and puts a
 * FilteredL4Protocol in front of the node's TCP and UDP.
 */
class PacketFilterHelper
{
  public:
    /**
     * \brief Install a filter with these rules (first match wins).
     * \param node the host \param rules its rules \return the filter
     */
    Ptr<HostPacketFilter> Install(Ptr<Node> node, const std::vector<PacketFilterRule>& rules) const;
};

} // namespace ns3

#endif
