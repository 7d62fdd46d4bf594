#ifndef RETROTCP_IPV4_HASHED_ROUTING_H
#define RETROTCP_IPV4_HASHED_ROUTING_H

#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"

#include <utility>
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
 * interfaces. It answers for connected networks, the node's own addresses and
 * 127.0.0.0/8 (sent through the loopback interface, never on the wire).
 *
 * Alone, it is the whole routing of a host that needs no gateway (every peer on
 * its own LANs): it delivers locally and refuses to forward as Ipv4ListRouting
 * does before it asks its protocols, and it saves each host the list and the
 * static routing (about 400 bytes) and each packet the list's detour. Under an
 * Ipv4ListRouting, everything else falls through to the next protocol (static or
 * global routing), which must have a lower priority. Either way, the routes it
 * returns are the ones static routing would return.
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
    /// A route on the link of an interface (no gateway), as static routing makes it.
    Ptr<Ipv4Route> RouteTo(Ipv4Address destination, Ipv4Address source, int32_t interface) const;
    const Connected* Lookup(Ipv4Address destination) const;
    /// \param address an address, as Ipv4Address::Get \return whether it is the node's
    bool IsLocal(uint32_t address) const;

    Ptr<Ipv4> m_ipv4;
    mutable bool m_dirty{true};
    /// (prefix length << 32 | network, its route), sorted by key: one contiguous
    /// table, searched by halves. A host's one or two entries sit in one cache
    /// line, where a hash table's bucket array and nodes are apart (on a LAN of
    /// thousands of hosts, every lookup missed the cache).
    mutable std::vector<std::pair<uint64_t, Connected>> m_connected;
    mutable std::vector<uint8_t> m_prefixLengths;   //!< distinct, longest first
    mutable std::vector<uint32_t> m_localAddresses; //!< this node's addresses, sorted
    mutable int32_t m_loopbackInterface{-1};        //!< 127.0.0.1's interface
};

} // namespace ns3

#endif
