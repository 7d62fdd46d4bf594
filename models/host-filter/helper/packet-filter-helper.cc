#include "packet-filter-helper.h"

#include "filtered-l4-protocol.h"
#include "ns3/abort.h"
#include "ns3/ipv4-l3-protocol.h"

namespace ns3
{

Ptr<HostPacketFilter>
PacketFilterHelper::Install(Ptr<Node> node, const std::vector<PacketFilterRule>& rules) const
{
    Ptr<Ipv4L3Protocol> ipv4 = node->GetObject<Ipv4L3Protocol>();
    NS_ABORT_MSG_UNLESS(ipv4, "install the Internet stack before the packet filter");
    NS_ABORT_MSG_IF(node->GetObject<HostPacketFilter>(), "node already has a packet filter");
    Ptr<HostPacketFilter> filter = CreateObject<HostPacketFilter>();
    for (const auto& rule : rules)
    {
        filter->AddRule(rule);
    }
    node->AggregateObject(filter);
    for (int protocol : {6, 17})
    {
        Ptr<IpL4Protocol> inner = ipv4->GetProtocol(protocol);
        if (!inner)
        {
            continue;
        }
        Ptr<FilteredL4Protocol> filtered = CreateObject<FilteredL4Protocol>();
        filtered->Wrap(inner, filter);
        ipv4->Remove(inner);
        ipv4->Insert(filtered);
    }
    return filter;
}

} // namespace ns3
