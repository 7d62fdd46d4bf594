#ifndef RETROTCP_IPV4_HASHED_ROUTING_H
#define RETROTCP_IPV4_HASHED_ROUTING_H

#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"

#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ns3
{

/**
 * \brief Routes to directly connected networks, and local delivery, by hash lookup.
 *
 * ns-3's Ipv4StaticRouting scans every route for every packet; a server with one
 * point-to-point link per client then spends most of its time in that scan. This
 * protocol keeps the connected networks in a hash table per prefix length, so a
 * lookup costs one probe per distinct prefix length, whatever the number of
 * interfaces. It answers only for connected networks and the node's own
 * addresses (sent through the loopback interface, never on the wire); everything else falls through
 * to the next protocol of an Ipv4ListRouting (static or global routing), which must be installed
 * with a lower priority. The routes it returns are the ones static routing would return.
 */
class Ipv4HashedRouting : public Ipv4RoutingProtocol
{
  public:
    static TypeId GetTypeId();
    Ipv4HashedRouting();

    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p, const Ipv4Header& header, Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p, const Ipv4Header& header, Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb, MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb, ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void SetIpv4(Ptr<Ipv4> ipv4) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

    /// Number of connected networks known (for tests).
    size_t GetNConnectedNetworks() const;

  protected:
    void DoDispose() override;

  private:
    /// A connected network's outgoing interface and the source address to use.
    struct Connected
    {
        uint32_t interface;
        Ipv4Address source;
    };

    void Rebuild() const;
    const Connected* Lookup(Ipv4Address destination) const;

    Ptr<Ipv4> m_ipv4;
    mutable bool m_dirty{true};
    mutable std::unordered_map<uint64_t, Connected> m_connected; //!< (prefix length, network)
    mutable std::vector<uint8_t> m_prefixLengths;                //!< distinct, longest first
    mutable std::unordered_set<uint32_t> m_localAddresses;       //!< this node's addresses
    mutable int32_t m_loopbackInterface{-1};                     //!< 127.0.0.1's interface
};

} // namespace ns3

#endif
