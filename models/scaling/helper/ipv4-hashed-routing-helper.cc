#include "ipv4-hashed-routing-helper.h"

#include "ipv4-hashed-routing.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/ipv4-static-routing-helper.h"

namespace ns3
{

Ipv4HashedRoutingHelper*
Ipv4HashedRoutingHelper::Copy() const
{
    return new Ipv4HashedRoutingHelper(*this);
}

Ptr<Ipv4RoutingProtocol>
Ipv4HashedRoutingHelper::Create(Ptr<Node>) const
{
    return CreateObject<Ipv4HashedRouting>();
}

Ipv4ListRoutingHelper
Ipv4HashedRoutingHelper::MakeListRouting(bool global)
{
    Ipv4ListRoutingHelper list;
    list.Add(Ipv4HashedRoutingHelper(), 10);
    list.Add(Ipv4StaticRoutingHelper(), 0);
    if (global)
    {
        list.Add(Ipv4GlobalRoutingHelper(), -10);
    }
    return list;
}

} // namespace ns3
