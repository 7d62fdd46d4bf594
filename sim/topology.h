#ifndef RETROTCP_TOPOLOGY_H
#define RETROTCP_TOPOLOGY_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/node-container.h"
#include "scenario.h"

#include <map>
#include <string>
#include <vector>

namespace retrotcp
{

/// One simulated host (a member of a host group).
struct HostInstance
{
    std::string name;                //!< unique host name (also its ns-3 Names entry)
    const HostSpec* spec{nullptr};   //!< the group it belongs to
    ns3::Ptr<ns3::Node> node;        //!< its node
    ns3::Ptr<ns3::NetDevice> device; //!< its LAN interface
    ns3::Ipv4Address address;        //!< its address
    uint32_t member{0};              //!< its index in its group (0 for a single host)
};

/// The network built from a scenario.
struct Topology
{
    std::vector<HostInstance> hosts;                     //!< in scenario order, members in order
    std::map<std::string, size_t> hostIndex;             //!< name -> index in hosts
    ns3::NodeContainer routers;                          //!< one per LAN with WAN links
    std::vector<ns3::Ptr<ns3::NetDevice>> routerDevices; //!< every router interface
    int64_t nextStream{0}; //!< first RNG stream not yet assigned (for stacks and apps)

    std::map<uint32_t, size_t> addressIndex; //!< address -> index in hosts
    const HostInstance& Host(const std::string& name) const;
    /** \return the host with this address, or nullptr (a router, say) */
    const HostInstance* FindByAddress(ns3::Ipv4Address address) const;
};

/**
 * \brief Build nodes, LANs (shared CSMA or switched Ethernet), WAN links (point-to-point through
 * one router per LAN), the IPv4 stacks and routes. Hosts get names in ns3::Names.
 *
 * Addresses: LAN i (0-based) is 10.(i+1).0.0/16, hosts numbered in scenario order
 * from .0.1, its router last; WAN link j is a /30 from 172.16.0.0.
 */
Topology BuildTopology(const Scenario& scenario);

} // namespace retrotcp

#endif
