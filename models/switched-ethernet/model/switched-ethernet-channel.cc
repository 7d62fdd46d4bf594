#include "switched-ethernet-channel.h"

#include "ns3/arp-header.h"
#include "ns3/arp-l3-protocol.h"
#include "ns3/enum.h"
#include "ns3/ethernet-header.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"
#include "switched-ethernet-net-device.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SwitchedEthernetChannel");
NS_OBJECT_ENSURE_REGISTERED(SwitchedEthernetChannel);

TypeId
SwitchedEthernetChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SwitchedEthernetChannel")
            .SetParent<Channel>()
            .SetGroupName("SwitchedEthernet")
            .AddConstructor<SwitchedEthernetChannel>()
            .AddAttribute("Delay",
                          "One-way propagation delay of each link between a device and the "
                          "switch. Default: 100 m of twisted pair (10BASE-T's longest "
                          "segment, IEEE 802.3i) at about 0.6 c.",
                          TimeValue(NanoSeconds(500)),
                          MakeTimeAccessor(&SwitchedEthernetChannel::m_delay),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("ForwardingLatency",
                          "Time from a frame's last bit into the switch to its first bit "
                          "out, besides queueing. Default: assumption, because store-and-"
                          "forward workgroup switches of the 1990s added some microseconds "
                          "to tens of microseconds; sweep it if it matters.",
                          TimeValue(MicroSeconds(10)),
                          MakeTimeAccessor(&SwitchedEthernetChannel::m_latency),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("PortBufferSize",
                          "Bytes an output port can hold waiting (frames that would exceed "
                          "it are dropped). Default: assumption, because workgroup switches "
                          "of the era had tens of kilobytes per port.",
                          UintegerValue(64 * 1024),
                          MakeUintegerAccessor(&SwitchedEthernetChannel::m_bufferBytes),
                          MakeUintegerChecker<uint32_t>(1518))
            .AddAttribute(
                "ArpRequests",
                "Flood: ARP requests go to every other port, as broadcasts do. TargetOnly: "
                "to the port of the IPv4 address asked for, once the switch has seen that "
                "station send an ARP packet (flooded until then). ns-3's ARP ignores "
                "requests for other addresses, so TargetOnly changes no host's behaviour, "
                "only what other hosts capture; it keeps ARP from costing O(hosts) per "
                "request on very large LANs.",
                EnumValue(FLOOD), MakeEnumAccessor(&SwitchedEthernetChannel::m_arpRequests),
                MakeEnumChecker(FLOOD, "Flood", TARGET_ONLY, "TargetOnly"))
            .AddAttribute(
                "AddressResolution",
                "Arp: devices use ns-3's ARP. Static: no ARP; a device sends an IPv4 packet "
                "to the station that has its destination address (the switch knows every "
                "station's address), or to the gateway (SetGateway) if the destination is "
                "off the sender's subnet, as with static ARP tables. For LANs of thousands "
                "of hosts: ns-3.37's Ipv4L3Protocol scans the whole ARP cache for every "
                "packet it receives (ArpCache::LookupInverse), so a server's cost per "
                "packet grows with the number of stations it has talked to.",
                EnumValue(ARP), MakeEnumAccessor(&SwitchedEthernetChannel::m_resolution),
                MakeEnumChecker(ARP, "Arp", STATIC, "Static"))
            .AddTraceSource("Drop", "A frame dropped at a full output port (frame, port).",
                            MakeTraceSourceAccessor(&SwitchedEthernetChannel::m_dropTrace),
                            "ns3::SwitchedEthernetChannel::DropTracedCallback");
    return tid;
}

SwitchedEthernetChannel::SwitchedEthernetChannel() = default;

SwitchedEthernetChannel::~SwitchedEthernetChannel() = default;

void
SwitchedEthernetChannel::DoDispose()
{
    m_ports.clear();
    m_portOfMac.clear();
    m_portOfIpv4.clear();
    Channel::DoDispose();
}

uint64_t
SwitchedEthernetChannel::Key(Mac48Address address)
{
    uint8_t bytes[6];
    address.CopyTo(bytes);
    uint64_t key = 0;
    for (uint8_t b : bytes)
    {
        key = (key << 8) | b;
    }
    return key;
}

uint32_t
SwitchedEthernetChannel::Add(Ptr<SwitchedEthernetNetDevice> device)
{
    auto port = static_cast<uint32_t>(m_ports.size());
    Mac48Address mac = Mac48Address::ConvertFrom(device->GetAddress());
    // No address yet: ns-3's unset values (0x66666666), as Ipv4Address() and
    // Ipv4Mask() hold them.
    m_ports.push_back(Port{device, Time(0), Ipv4Address().Get(), Ipv4Mask().Get(), mac});
    m_stationsLearnt = false;
    bool fresh = m_portOfMac.emplace(Key(mac), port).second;
    NS_ABORT_MSG_UNLESS(fresh, "two devices with MAC address " << mac << " on one switch");
    return port;
}

uint32_t
SwitchedEthernetChannel::PortOf(Ptr<SwitchedEthernetNetDevice> device) const
{
    uint32_t port = device->GetSwitchPort();
    NS_ASSERT_MSG(port < m_ports.size() && m_ports[port].device == device,
                  "device not attached to this switch");
    return port;
}

void
SwitchedEthernetChannel::Transmit(Ptr<const Packet> frame, Ptr<SwitchedEthernetNetDevice> from,
                                  Time wireTime)
{
    uint32_t in = PortOf(from);
    // Store and forward: the switch has the frame when its last bit has arrived
    // (the wire time ends with the inter-frame gap, which follows the last bit).
    // Frames join output queues in the order they arrive, which is not the order
    // they started (a short frame started later can arrive first): one event.
    Time atSwitch = wireTime - from->GetGapTime() + m_delay;
    Simulator::Schedule(atSwitch, &SwitchedEthernetChannel::Switch, this, frame, in);
}

void
SwitchedEthernetChannel::Switch(Ptr<const Packet> frame, uint32_t in)
{
    Time atSwitch = Simulator::Now();
    EthernetHeader header(false);
    frame->PeekHeader(header);
    Mac48Address destination = header.GetDestination();
    uint32_t target = in;
    if (m_arpRequests == TARGET_ONLY && header.GetLengthType() == ArpL3Protocol::PROT_NUMBER)
    {
        target = SnoopArp(frame, in);
    }
    if (!destination.IsGroup())
    {
        auto it = m_portOfMac.find(Key(destination));
        if (it == m_portOfMac.end() || it->second == in)
        {
            // No station has that address (or it is the sender's own): a switch
            // that has learnt every station filters the frame.
            NS_LOG_LOGIC("no port for " << destination << ", frame filtered");
            return;
        }
        Forward(it->second, frame, atSwitch);
        return;
    }
    if (target != in)
    {
        Forward(target, frame, atSwitch);
        return;
    }
    for (uint32_t port = 0; port < m_ports.size(); ++port)
    {
        if (port != in)
        {
            Forward(port, frame, atSwitch);
        }
    }
}

uint32_t
SwitchedEthernetChannel::SnoopArp(Ptr<const Packet> frame, uint32_t from)
{
    Ptr<Packet> copy = frame->Copy();
    EthernetHeader header(false);
    copy->RemoveHeader(header);
    ArpHeader arp;
    copy->PeekHeader(arp);
    // Learn where the sender is, as a switch snooping ARP does.
    m_portOfIpv4[arp.GetSourceIpv4Address().Get()] = from;
    if (!arp.IsRequest())
    {
        return from;
    }
    auto it = m_portOfIpv4.find(arp.GetDestinationIpv4Address().Get());
    return it == m_portOfIpv4.end() ? from : it->second; // unknown: flood
}

void
SwitchedEthernetChannel::Forward(uint32_t port, Ptr<const Packet> frame, Time atSwitch)
{
    Port& out = m_ports[port];
    Time ready = atSwitch + m_latency;
    Time start = std::max(ready, out.busyUntil);
    if (start > ready)
    {
        // Bytes still waiting on the port when this frame is ready to join them.
        double waiting = (start - ready).GetSeconds() * out.device->GetDataRate().GetBitRate() / 8;
        if (waiting + frame->GetSize() > m_bufferBytes)
        {
            ++m_queueDrops;
            m_dropTrace(frame, port);
            return;
        }
    }
    out.busyUntil = start + out.device->GetWireTime(frame->GetSize());
    Time arrival = out.busyUntil - out.device->GetGapTime() + m_delay; // last bit in
    Simulator::ScheduleWithContext(out.device->GetNode()->GetId(), arrival - Simulator::Now(),
                                   &SwitchedEthernetNetDevice::Receive, out.device, frame->Copy());
}

bool
SwitchedEthernetChannel::IsStaticResolution() const
{
    return m_resolution == STATIC;
}

void
SwitchedEthernetChannel::SetGateway(Ptr<SwitchedEthernetNetDevice> device)
{
    m_gateway = PortOf(device);
}

void
SwitchedEthernetChannel::LearnStations()
{
    // The stations' addresses, from their IPv4 interfaces on this switch.
    m_portOfIpv4.clear();
    for (uint32_t port = 0; port < m_ports.size(); ++port)
    {
        Port& p = m_ports[port];
        Ptr<Ipv4> ipv4 = p.device->GetNode()->GetObject<Ipv4>();
        int32_t interface = ipv4 ? ipv4->GetInterfaceForDevice(p.device) : -1;
        if (interface < 0)
        {
            continue;
        }
        for (uint32_t a = 0; a < ipv4->GetNAddresses(interface); ++a)
        {
            Ipv4InterfaceAddress address = ipv4->GetAddress(interface, a);
            m_portOfIpv4.emplace(address.GetLocal().Get(), port);
            if (a == 0)
            {
                p.local = address.GetLocal().Get();
                p.mask = address.GetMask().Get();
            }
        }
    }
    m_stationsLearnt = true;
}

bool
SwitchedEthernetChannel::ResolveIpv4(Ptr<const Packet> ipPacket,
                                     Ptr<SwitchedEthernetNetDevice> from, Mac48Address& mac)
{
    // The IPv4 header's destination (bytes 16 to 19), read without deserialising
    // the header: this runs for every IPv4 frame, and ns-3's address classes log
    // every call. The tests below are Ipv4Address's, on the same 32 bits.
    uint8_t header[20];
    if (ipPacket->CopyData(header, sizeof(header)) < sizeof(header))
    {
        ++m_unresolved; // no IPv4 header: nothing to resolve
        return false;
    }
    const uint32_t destination = uint32_t(header[16]) << 24 | uint32_t(header[17]) << 16 |
                                 uint32_t(header[18]) << 8 | uint32_t(header[19]);
    if (!m_stationsLearnt)
    {
        LearnStations();
    }
    const Port& sender = m_ports[PortOf(from)];
    const bool subnetBroadcast =
        sender.mask != 0xffffffff && (destination | ~sender.mask) == destination;
    if (destination == 0xffffffff || subnetBroadcast)
    {
        mac = Mac48Address::GetBroadcast();
        return true;
    }
    if (destination >= 0xe0000000 && destination <= 0xefffffff)
    {
        mac = Mac48Address::GetMulticast(Ipv4Address(destination));
        return true;
    }
    auto it = m_portOfIpv4.find(destination);
    uint32_t port = UINT32_MAX;
    if (it != m_portOfIpv4.end())
    {
        port = it->second;
    }
    else if ((destination & sender.mask) != (sender.local & sender.mask))
    {
        port = m_gateway;
    }
    if (port == UINT32_MAX)
    {
        ++m_unresolved; // no such station: ARP would have had no answer either
        return false;
    }
    mac = m_ports[port].mac;
    return true;
}

Time
SwitchedEthernetChannel::GetTxTime(const DataRate& rate, uint32_t bytes)
{
    const uint64_t bps = rate.GetBitRate();
    if (bytes > kMaxRememberedBytes)
    {
        return rate.CalculateBytesTxTime(bytes); // beyond any Ethernet frame
    }
    // A LAN has a few rates: find this one's table, then index it by size.
    auto table = std::find_if(m_txTimes.begin(), m_txTimes.end(),
                              [bps](const RateTimes& t) { return t.bps == bps; });
    if (table == m_txTimes.end())
    {
        table = m_txTimes.insert(m_txTimes.end(), RateTimes{bps, {}});
    }
    if (table->times.size() <= bytes)
    {
        table->times.resize(bytes + 1, Time(-1)); // negative: not computed yet
    }
    Time& t = table->times[bytes];
    if (t.IsStrictlyNegative())
    {
        t = rate.CalculateBytesTxTime(bytes);
    }
    return t;
}

Time
SwitchedEthernetChannel::GetDelay() const
{
    return m_delay;
}

uint64_t
SwitchedEthernetChannel::GetQueueDrops() const
{
    return m_queueDrops;
}

std::size_t
SwitchedEthernetChannel::GetNDevices() const
{
    return m_ports.size();
}

Ptr<NetDevice>
SwitchedEthernetChannel::GetDevice(std::size_t i) const
{
    return m_ports.at(i).device;
}

} // namespace ns3
