#ifndef RETROTCP_IPV4_HASHED_ROUTING_HELPER_H
#define RETROTCP_IPV4_HASHED_ROUTING_HELPER_H

#include "ns3/ipv4-list-routing-helper.h"
#include "ns3/ipv4-routing-helper.h"

namespace ns3
{

/**
 * \brief Creates Ipv4HashedRouting for InternetStackHelper.
 */
class Ipv4HashedRoutingHelper : public Ipv4RoutingHelper
{
  public:
    Ipv4HashedRoutingHelper* Copy() const override;
    Ptr<Ipv4RoutingProtocol> Create(Ptr<Node> node) const override;

    /**
     * \brief The routing every retrotcp host uses: hashed connected routes first
     * (priority 10), then static (0) and global (-10) routing as InternetStackHelper
     * installs by default.
     * \param global with global routing (without: for networks whose routes are all
     * connected, where global routing would find none; it costs a GlobalRouter, a
     * routing object and a random variable per node)
     * \return the list
     */
    static Ipv4ListRoutingHelper MakeListRouting(bool global = true);
};

} // namespace ns3

#endif
