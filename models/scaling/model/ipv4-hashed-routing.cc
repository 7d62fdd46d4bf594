#include "ipv4-hashed-routing.h"

#include "ns3/ipv4-route.h"
#include "ns3/log.h"
#include "ns3/output-stream-wrapper.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv4HashedRouting");
NS_OBJECT_ENSURE_REGISTERED(Ipv4HashedRouting);

namespace
{
uint64_t
Key(uint8_t prefixLength, uint32_t network)
{
    return (static_cast<uint64_t>(prefixLength) << 32) | network;
}

uint32_t
MaskOf(uint8_t prefixLength)
{
    return prefixLength == 0 ? 0 : ~uint32_t(0) << (32 - prefixLength);
}
} // namespace

TypeId
Ipv4HashedRouting::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Ipv4HashedRouting")
                            .SetParent<Ipv4RoutingProtocol>()
                            .SetGroupName("RetroTcp")
                            .AddConstructor<Ipv4HashedRouting>();
    return tid;
}

Ipv4HashedRouting::Ipv4HashedRouting() = default;

void
Ipv4HashedRouting::DoDispose()
{
    m_ipv4 = nullptr;
    m_connected.clear();
    Ipv4RoutingProtocol::DoDispose();
}

void
Ipv4HashedRouting::Rebuild() const
{
    m_connected.clear();
    m_prefixLengths.clear();
    m_localAddresses.clear();
    m_loopbackInterface = -1;
    for (uint32_t i = 0; i < m_ipv4->GetNInterfaces(); ++i)
    {
        for (uint32_t a = 0; a < m_ipv4->GetNAddresses(i); ++a)
        {
            Ipv4InterfaceAddress address = m_ipv4->GetAddress(i, a);
            m_localAddresses.push_back(address.GetLocal().Get());
            if (address.GetLocal() == Ipv4Address::GetLoopback() && m_ipv4->IsUp(i))
            {
                m_loopbackInterface = static_cast<int32_t>(i);
            }
            if (!m_ipv4->IsUp(i) || address.GetLocal() == Ipv4Address::GetLoopback())
            {
                continue;
            }
            uint8_t length = address.GetMask().GetPrefixLength();
            uint32_t network = address.GetLocal().Get() & MaskOf(length);
            m_connected.emplace_back(Key(length, network), Connected{i, address.GetLocal()});
            if (std::find(m_prefixLengths.begin(), m_prefixLengths.end(), length) ==
                m_prefixLengths.end())
            {
                m_prefixLengths.push_back(length);
            }
        }
    }
    std::sort(m_prefixLengths.rbegin(), m_prefixLengths.rend());
    std::sort(m_localAddresses.begin(), m_localAddresses.end());
    m_localAddresses.erase(std::unique(m_localAddresses.begin(), m_localAddresses.end()),
                           m_localAddresses.end());
    // Like static routing, the first interface added for a network wins: a stable
    // sort keeps it first among equal keys, and unique keeps the first.
    auto byKey = [](const auto& a, const auto& b) { return a.first < b.first; };
    std::stable_sort(m_connected.begin(), m_connected.end(), byKey);
    m_connected.erase(std::unique(m_connected.begin(), m_connected.end(),
                                  [](const auto& a, const auto& b) { return a.first == b.first; }),
                      m_connected.end());
    m_dirty = false;
}

const Ipv4HashedRouting::Connected*
Ipv4HashedRouting::Lookup(Ipv4Address destination) const
{
    if (m_dirty)
    {
        Rebuild();
    }
    uint32_t d = destination.Get();
    for (uint8_t length : m_prefixLengths)
    {
        const uint64_t key = Key(length, d & MaskOf(length));
        auto it = std::lower_bound(m_connected.begin(), m_connected.end(), key,
                                   [](const auto& entry, uint64_t k) { return entry.first < k; });
        if (it != m_connected.end() && it->first == key)
        {
            return &it->second;
        }
    }
    return nullptr;
}

bool
Ipv4HashedRouting::IsLocal(uint32_t address) const
{
    return std::binary_search(m_localAddresses.begin(), m_localAddresses.end(), address);
}

Ptr<Ipv4Route>
Ipv4HashedRouting::RouteTo(Ipv4Address destination, Ipv4Address source, int32_t interface) const
{
    Ptr<Ipv4Route> route = Create<Ipv4Route>();
    route->SetDestination(destination);
    route->SetGateway(Ipv4Address::GetZero());
    route->SetSource(source);
    route->SetOutputDevice(m_ipv4->GetNetDevice(interface));
    return route;
}

Ptr<Ipv4Route>
Ipv4HashedRouting::RouteOutput(Ptr<Packet>, const Ipv4Header& header, Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr)
{
    // What Ipv4ListRouting reports when no protocol has a route; a list that asks
    // the next protocol sets it again.
    sockerr = Socket::ERROR_NOROUTETOHOST;
    Ipv4Address destination = header.GetDestination();
    if (destination.IsMulticast() || destination.IsBroadcast())
    {
        return nullptr; // the next protocol handles these
    }
    if (m_dirty)
    {
        Rebuild();
    }
    bool viaLoopback = m_loopbackInterface >= 0 &&
                       (!oif || m_ipv4->GetInterfaceForDevice(oif) == m_loopbackInterface);
    if (destination.IsLocalhost())
    {
        if (!viaLoopback)
        {
            return nullptr;
        }
        // Static routing's route for 127.0.0.0/8: the loopback interface and its
        // address as the source.
        sockerr = Socket::ERROR_NOTERROR;
        return RouteTo(destination, Ipv4Address::GetLoopback(), m_loopbackInterface);
    }
    if (IsLocal(destination.Get()) && viaLoopback)
    {
        // To one of the node's own addresses: through the loopback interface, as a
        // real host does, never on the wire. ns-3's loopback device delivers in a
        // later event, so a segment a host sends to itself is not received inside
        // the send call (no re-entry into the sending socket).
        sockerr = Socket::ERROR_NOTERROR;
        return RouteTo(destination, destination, m_loopbackInterface);
    }
    const Connected* c = Lookup(destination);
    if (!c || (oif && m_ipv4->GetInterfaceForDevice(oif) != static_cast<int32_t>(c->interface)))
    {
        return nullptr;
    }
    sockerr = Socket::ERROR_NOTERROR;
    return RouteTo(destination, c->source, c->interface);
}

bool
Ipv4HashedRouting::RouteInput(Ptr<const Packet> p, const Ipv4Header& header,
                              Ptr<const NetDevice> idev, UnicastForwardCallback ucb,
                              MulticastForwardCallback, LocalDeliverCallback lcb, ErrorCallback ecb)
{
    Ipv4Address destination = header.GetDestination();
    int32_t iif = m_ipv4->GetInterfaceForDevice(idev);
    // First what Ipv4ListRouting (ns-3.37) does before it asks its protocols, so
    // that this protocol can be a host's only one: local delivery by ns-3's own
    // test of the destination (the node's addresses, broadcasts, multicast groups
    // joined), and on an interface that does not forward, an error for the rest.
    // Under a list both have been done (the list passes no local delivery for a
    // multicast packet it has delivered) and this changes nothing.
    bool delivered = false;
    if (!lcb.IsNull() && iif >= 0 && m_ipv4->IsDestinationAddress(destination, iif))
    {
        if (!destination.IsMulticast())
        {
            lcb(p, header, iif);
            return true;
        }
        lcb(p->Copy(), header, iif);
        delivered = true;
    }
    if (iif >= 0 && !m_ipv4->IsForwarding(iif))
    {
        if (!ecb.IsNull())
        {
            ecb(p, header, Socket::ERROR_NOROUTETOHOST);
        }
        return true;
    }
    if (destination.IsMulticast() || destination.IsBroadcast())
    {
        return delivered;
    }
    if (m_dirty)
    {
        Rebuild();
    }
    if (IsLocal(destination.Get()))
    {
        if (!lcb.IsNull())
        {
            lcb(p, header, iif);
            return true;
        }
        return false;
    }
    // Forwarded on its connected route, even back out of the interface it came in
    // on, as static routing forwards it (ns-3 hosts forward by default).
    const Connected* c = Lookup(destination);
    if (!c || iif < 0)
    {
        return false;
    }
    ucb(RouteTo(destination, c->source, c->interface), p, header);
    return true;
}

void
Ipv4HashedRouting::NotifyInterfaceUp(uint32_t)
{
    m_dirty = true;
}

void
Ipv4HashedRouting::NotifyInterfaceDown(uint32_t)
{
    m_dirty = true;
}

void
Ipv4HashedRouting::NotifyAddAddress(uint32_t, Ipv4InterfaceAddress)
{
    m_dirty = true;
}

void
Ipv4HashedRouting::NotifyRemoveAddress(uint32_t, Ipv4InterfaceAddress)
{
    m_dirty = true;
}

void
Ipv4HashedRouting::SetIpv4(Ptr<Ipv4> ipv4)
{
    m_ipv4 = ipv4;
    m_dirty = true;
}

void
Ipv4HashedRouting::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit) const
{
    if (m_dirty)
    {
        Rebuild();
    }
    std::ostream& os = *stream->GetStream();
    os << "Ipv4HashedRouting: " << m_connected.size() << " connected networks\n";
}

size_t
Ipv4HashedRouting::GetNConnectedNetworks() const
{
    if (m_dirty)
    {
        Rebuild();
    }
    return m_connected.size();
}

} // namespace ns3
