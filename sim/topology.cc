#include "topology.h"

#include "ipv4-hashed-routing-helper.h"
#include "ipv4-host-address-helper.h"
#include "ipv4-host-stack-helper.h"
#include "ns3/csma-helper.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/error-model.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/names.h"
#include "ns3/neighbor-cache-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/string.h"
#include "outage-error-model.h"
#include "profile-registry.h"
#include "switched-ethernet-helper.h"
#include "switched-ethernet-net-device.h"

#include <stdexcept>

namespace retrotcp
{

using namespace ns3;

const HostInstance&
Topology::Host(const std::string& hostName) const
{
    auto it = hostIndex.find(hostName);
    if (it == hostIndex.end())
    {
        throw std::logic_error("no host " + hostName);
    }
    return hosts[it->second];
}

const HostInstance*
Topology::FindByAddress(ns3::Ipv4Address address) const
{
    auto it = addressIndex.find(address.Get());
    return it == addressIndex.end() ? nullptr : &hosts[it->second];
}

Topology
BuildTopology(const Scenario& scenario)
{
    Topology topo;
    // Create the host nodes, in scenario order.
    for (const auto& spec : scenario.hosts)
    {
        for (uint32_t m = 0; m < spec.count; ++m)
        {
            HostInstance h;
            h.name = spec.MemberName(m);
            h.spec = &spec;
            h.member = m;
            h.node = CreateObject<Node>();
            Names::Add(h.name, h.node);
            topo.hostIndex[h.name] = topo.hosts.size();
            topo.hosts.push_back(h);
        }
    }
    // One router per LAN that has WAN links.
    std::map<std::string, Ptr<Node>> routerOf;
    for (const auto& w : scenario.wanLinks)
    {
        for (const auto* lan : {&w.lanA, &w.lanB})
        {
            if (!routerOf.count(*lan))
            {
                Ptr<Node> r = CreateObject<Node>();
                Names::Add("gw." + *lan, r);
                routerOf[*lan] = r;
                topo.routers.Add(r);
            }
        }
    }

    // IPv4 stacks as a 1990s host had them: no IPv6, no queue disc; UDP nowhere
    // (nothing in a scenario uses it) and ns-3's TCP only where the stack profile
    // is stock ns-3 (the legacy stack brings its own). Routers keep both, so that a
    // stray segment to a router is answered as before. Connected routes by hash
    // lookup; with WAN links, then static and global routing. Without, every peer
    // is on a host's own LAN and hash lookup is all of its routing.
    Ipv4HostStackHelper stockHosts;
    if (scenario.wanLinks.empty())
    {
        stockHosts.SetRoutingHelper(Ipv4HashedRoutingHelper());
    }
    else
    {
        stockHosts.SetRoutingHelper(Ipv4HashedRoutingHelper::MakeListRouting(true));
    }
    stockHosts.SetUdp(false);
    Ipv4HostStackHelper legacyHosts(stockHosts);
    legacyHosts.SetTcp(false);
    Ipv4HostStackHelper routers;
    NodeContainer allNodes;
    for (const auto& h : topo.hosts)
    {
        const StackProfile* profile = FindProfile(h.spec->stack.profile);
        bool stock = !profile || profile->kind == StackKind::Stock;
        (stock ? stockHosts : legacyHosts).Install(h.node);
        allNodes.Add(h.node);
    }
    routers.Install(topo.routers);
    allNodes.Add(topo.routers);
    // Every random variable gets an explicit stream, so that results depend on the
    // seed and the scenario only, not on what else ran in the process before. The
    // numbers are those InternetStackHelper gave these stacks with IPv6.
    int64_t stream = 0;
    stream += Ipv4HostStackHelper::AssignStreams(allNodes, stream);

    // LANs.
    Ipv4HostAddressHelper lanAddresses;
    for (size_t i = 0; i < scenario.lans.size(); ++i)
    {
        const LanSpec& lan = scenario.lans[i];
        NodeContainer members;
        std::vector<size_t> memberIndex;
        for (size_t k = 0; k < topo.hosts.size(); ++k)
        {
            if (topo.hosts[k].spec->lan == lan.name)
            {
                members.Add(topo.hosts[k].node);
                memberIndex.push_back(k);
            }
        }
        bool hasRouter = routerOf.count(lan.name) > 0;
        if (hasRouter)
        {
            members.Add(routerOf[lan.name]);
        }
        if (members.GetN() == 0)
        {
            continue;
        }
        NetDeviceContainer devices;
        if (lan.switched)
        {
            SwitchedEthernetHelper switched;
            switched.SetDeviceAttribute("DataRate", DataRateValue(DataRate(lan.dataRateBps)));
            switched.SetChannelAttribute("Delay", TimeValue(lan.delay));
            switched.SetChannelAttribute("ForwardingLatency", TimeValue(lan.forwardingLatency));
            switched.SetChannelAttribute(
                "ArpRequests", EnumValue(lan.arpTargetOnly ? SwitchedEthernetChannel::TARGET_ONLY
                                                           : SwitchedEthernetChannel::FLOOD));
            switched.SetChannelAttribute("AddressResolution",
                                         EnumValue(lan.staticResolution
                                                       ? SwitchedEthernetChannel::STATIC
                                                       : SwitchedEthernetChannel::ARP));
            // No queue disc on any LAN interface (Ipv4HostAddressHelper installs
            // none), so no flow control for one.
            switched.SetFlowControl(false);
            devices = switched.Install(members); // no random variables
            if (hasRouter)
            {
                // Off-LAN traffic goes to the LAN's router (static resolution).
                auto gateway =
                    DynamicCast<SwitchedEthernetNetDevice>(devices.Get(devices.GetN() - 1));
                DynamicCast<SwitchedEthernetChannel>(gateway->GetChannel())->SetGateway(gateway);
            }
        }
        else
        {
            CsmaHelper csma;
            csma.SetChannelAttribute("DataRate", DataRateValue(DataRate(lan.dataRateBps)));
            csma.SetChannelAttribute("Delay", TimeValue(lan.delay));
            devices = csma.Install(members);
            stream += csma.AssignStreams(devices, stream);
        }
        std::ostringstream base;
        base << "10." << (i + 1) << ".0.0";
        lanAddresses.SetBase(base.str().c_str(), "255.255.0.0");
        // No queue disc (the device queue only): a 1990s host had none, and ns-3's
        // default FqCoDel keeps state for every flow it has ever seen.
        Ipv4InterfaceContainer interfaces = lanAddresses.Assign(devices);
        if (!lan.switched && lan.staticResolution)
        {
            // Static neighbour tables: every interface's ARP cache holds every other
            // station of the segment (router included) as a permanent entry, so no
            // ARP request goes on the wire.
            NeighborCacheHelper().PopulateNeighborCache(interfaces);
        }
        for (size_t k = 0; k < memberIndex.size(); ++k)
        {
            topo.hosts[memberIndex[k]].device = devices.Get(k);
            topo.hosts[memberIndex[k]].address = interfaces.GetAddress(k);
            topo.addressIndex[interfaces.GetAddress(k).Get()] = memberIndex[k];
        }
        if (hasRouter)
        {
            topo.routerDevices.push_back(devices.Get(devices.GetN() - 1));
        }
    }

    // WAN links between LAN routers.
    Ipv4HostAddressHelper wanAddresses("172.16.0.0", "255.255.255.252");
    for (const auto& w : scenario.wanLinks)
    {
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", DataRateValue(DataRate(w.dataRateBps)));
        p2p.SetChannelAttribute("Delay", TimeValue(w.delay));
        NetDeviceContainer devices = p2p.Install(routerOf[w.lanA], routerOf[w.lanB]);
        for (uint32_t d = 0; d < devices.GetN(); ++d)
        {
            Ptr<ErrorModel> em;
            if (w.loss > 0)
            {
                Ptr<RateErrorModel> rate = CreateObject<RateErrorModel>();
                rate->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
                rate->SetAttribute("ErrorRate", DoubleValue(w.loss));
                stream += rate->AssignStreams(stream);
                em = rate;
            }
            if (!w.outages.empty())
            {
                // Down windows: every frame lost in both directions (each device's
                // receive side); the loss rate applies outside them.
                Ptr<OutageErrorModel> outage = CreateObject<OutageErrorModel>();
                if (em)
                {
                    outage->SetAttribute("Inner", PointerValue(em));
                }
                for (const auto& window : w.outages)
                {
                    outage->AddWindow(window);
                }
                em = outage;
            }
            if (em)
            {
                devices.Get(d)->SetAttribute("ReceiveErrorModel", PointerValue(em));
            }
        }
        wanAddresses.Assign(devices);
        wanAddresses.NewNetwork();
        topo.routerDevices.push_back(devices.Get(0));
        topo.routerDevices.push_back(devices.Get(1));
    }
    if (!scenario.wanLinks.empty())
    {
        Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    }
    topo.nextStream = stream;
    return topo;
}

} // namespace retrotcp
