#include "switched-ethernet-net-device.h"

#include "ethernet-padding-trailer.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/ethernet-header.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"
#include "switched-ethernet-channel.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SwitchedEthernetNetDevice");
NS_OBJECT_ENSURE_REGISTERED(SwitchedEthernetNetDevice);

TypeId
SwitchedEthernetNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SwitchedEthernetNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("SwitchedEthernet")
            .AddConstructor<SwitchedEthernetNetDevice>()
            .AddAttribute("Address",
                          "The MAC address of this interface (the helper allocates one).",
                          Mac48AddressValue(Mac48Address("ff:ff:ff:ff:ff:ff")),
                          MakeMac48AddressAccessor(&SwitchedEthernetNetDevice::m_address),
                          MakeMac48AddressChecker())
            .AddAttribute("Mtu",
                          "Largest payload of a frame, bytes. Default: Ethernet's 1500 "
                          "(IEEE 802.3, RFC 894).",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&SwitchedEthernetNetDevice::SetMtu,
                                               &SwitchedEthernetNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(68, 9000))
            .AddAttribute("DataRate",
                          "Rate of the link to the switch, each direction (bit/s). Default: "
                          "10BASE-T (IEEE 802.3i, 1990), the LAN Manager 2.x era.",
                          DataRateValue(DataRate("10Mbps")),
                          MakeDataRateAccessor(&SwitchedEthernetNetDevice::m_dataRate),
                          MakeDataRateChecker())
            .AddAttribute("ReceiveErrorModel",
                          "Error model applied to arriving frames (none by default).",
                          PointerValue(),
                          MakePointerAccessor(&SwitchedEthernetNetDevice::m_receiveErrorModel),
                          MakePointerChecker<ErrorModel>())
            .AddAttribute("TxQueue",
                          "Frames waiting for the link. If none is set, a DropTailQueue<Packet> "
                          "with its defaults (100 packets) is made at the first send or read: "
                          "a host that never sends costs no queue.",
                          PointerValue(),
                          MakePointerAccessor(&SwitchedEthernetNetDevice::SetQueue,
                                              &SwitchedEthernetNetDevice::GetQueue),
                          MakePointerChecker<Queue<Packet>>())
            .AddTraceSource("MacTx", "A packet from the layer above, before framing.",
                            MakeTraceSourceAccessor(&SwitchedEthernetNetDevice::m_macTxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacTxDrop", "A packet dropped because the transmit queue was full.",
                            MakeTraceSourceAccessor(&SwitchedEthernetNetDevice::m_macTxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx", "A packet passed up to the layer above, header removed.",
                            MakeTraceSourceAccessor(&SwitchedEthernetNetDevice::m_macRxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PhyRxDrop", "A frame corrupted by the receive error model.",
                            MakeTraceSourceAccessor(&SwitchedEthernetNetDevice::m_phyRxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("Sniffer", "Every frame sent or received (for packet captures).",
                            MakeTraceSourceAccessor(&SwitchedEthernetNetDevice::m_snifferTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource(
                "PromiscSniffer",
                "Every frame sent or received, promiscuous view (for packet captures).",
                MakeTraceSourceAccessor(&SwitchedEthernetNetDevice::m_promiscSnifferTrace),
                "ns3::Packet::TracedCallback");
    return tid;
}

SwitchedEthernetNetDevice::SwitchedEthernetNetDevice() = default;

SwitchedEthernetNetDevice::~SwitchedEthernetNetDevice() = default;

void
SwitchedEthernetNetDevice::DoDispose()
{
    m_node = nullptr;
    m_channel = nullptr;
    m_queue = nullptr;
    m_receiveErrorModel = nullptr;
    m_rxCallback =
        MakeNullCallback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&>();
    m_promiscRxCallback = MakeNullCallback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t,
                                           const Address&, const Address&, NetDevice::PacketType>();
    NetDevice::DoDispose();
}

void
SwitchedEthernetNetDevice::Attach(Ptr<SwitchedEthernetChannel> channel)
{
    NS_ASSERT_MSG(!m_channel, "device already attached");
    m_channel = channel;
    m_switchPort = m_channel->Add(this);
    m_linkChangeCallbacks();
}

uint32_t
SwitchedEthernetNetDevice::GetSwitchPort() const
{
    return m_switchPort;
}

void
SwitchedEthernetNetDevice::SetQueue(Ptr<Queue<Packet>> queue)
{
    m_queue = queue;
}

Ptr<Queue<Packet>>
SwitchedEthernetNetDevice::GetQueue() const
{
    if (!m_queue)
    {
        m_queue = CreateObject<DropTailQueue<Packet>>();
    }
    return m_queue;
}

DataRate
SwitchedEthernetNetDevice::GetDataRate() const
{
    return m_dataRate;
}

Time
SwitchedEthernetNetDevice::GetWireTime(uint32_t frameBytes) const
{
    const uint32_t bytes = kPreamble + frameBytes + kFcs + kInterFrameGap;
    return m_channel ? m_channel->GetTxTime(m_dataRate, bytes)
                     : m_dataRate.CalculateBytesTxTime(bytes);
}

Time
SwitchedEthernetNetDevice::GetGapTime() const
{
    return m_channel ? m_channel->GetTxTime(m_dataRate, kInterFrameGap)
                     : m_dataRate.CalculateBytesTxTime(kInterFrameGap);
}

bool
SwitchedEthernetNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    return SendFrom(packet, m_address, dest, protocolNumber);
}

bool
SwitchedEthernetNetDevice::SendFrom(Ptr<Packet> packet, const Address& source, const Address& dest,
                                    uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << source << dest << protocolNumber);
    Ptr<Queue<Packet>> queue = GetQueue();
    if (!m_channel)
    {
        m_macTxDropTrace(packet);
        return false;
    }
    m_macTxTrace(packet);
    Mac48Address destination = Mac48Address::ConvertFrom(dest);
    if (protocolNumber == 0x0800 && m_channel->IsStaticResolution() &&
        !m_channel->ResolveIpv4(packet, this, destination))
    {
        m_macTxDropTrace(packet);
        return false;
    }
    if (packet->GetSize() < kMinPayload)
    {
        // Zero bytes, written in place (AddPaddingAtEnd would leave whatever
        // memory held; appending a packet of zeros cost a packet and a merge).
        packet->AddTrailer(EthernetPaddingTrailer(kMinPayload - packet->GetSize()));
    }
    EthernetHeader header(false); // Ethernet II: the type field, no length
    header.SetSource(Mac48Address::ConvertFrom(source));
    header.SetDestination(destination);
    header.SetLengthType(protocolNumber);
    packet->AddHeader(header);
    if (!queue->Enqueue(packet))
    {
        m_macTxDropTrace(packet);
        return false;
    }
    // The link is free once the last frame's wire time (gap included) has passed.
    // Frames ahead of this one wait for the wake-up already scheduled; with none
    // ahead, this one starts now or at the end of the frame on the wire.
    if (!m_wakePending)
    {
        if (Simulator::Now() >= m_busyUntil)
        {
            TransmitStart();
        }
        else
        {
            ScheduleWake(m_busyUntil - Simulator::Now());
        }
    }
    return true;
}

void
SwitchedEthernetNetDevice::TransmitStart()
{
    // No event at the end of every frame (a third of a frame's events): the end
    // is remembered, and a wake-up is scheduled only while frames wait.
    Ptr<Packet> frame = m_queue->Dequeue();
    if (!frame)
    {
        return;
    }
    m_snifferTrace(frame);
    m_promiscSnifferTrace(frame);
    Time wire = GetWireTime(frame->GetSize());
    m_channel->Transmit(frame, this, wire);
    m_busyUntil = Simulator::Now() + wire;
    if (!m_queue->IsEmpty())
    {
        ScheduleWake(wire);
    }
}

void
SwitchedEthernetNetDevice::ScheduleWake(Time delay)
{
    m_wakePending = true;
    Simulator::Schedule(delay, &SwitchedEthernetNetDevice::Wake, this);
}

void
SwitchedEthernetNetDevice::Wake()
{
    m_wakePending = false;
    if (m_channel) // not disposed since
    {
        TransmitStart();
    }
}

void
SwitchedEthernetNetDevice::Receive(Ptr<Packet> frame)
{
    NS_LOG_FUNCTION(this << frame);
    if (m_receiveErrorModel && m_receiveErrorModel->IsCorrupt(frame))
    {
        m_phyRxDropTrace(frame);
        return;
    }
    m_snifferTrace(frame);
    m_promiscSnifferTrace(frame);
    EthernetHeader header(false);
    frame->RemoveHeader(header);
    Mac48Address destination = header.GetDestination();
    uint16_t protocol = header.GetLengthType();
    NetDevice::PacketType type;
    if (destination.IsBroadcast())
    {
        type = NetDevice::PACKET_BROADCAST;
    }
    else if (destination.IsGroup())
    {
        type = NetDevice::PACKET_MULTICAST;
    }
    else if (destination == m_address)
    {
        type = NetDevice::PACKET_HOST;
    }
    else
    {
        type = NetDevice::PACKET_OTHERHOST;
    }
    if (!m_promiscRxCallback.IsNull())
    {
        m_promiscRxCallback(this, frame, protocol, header.GetSource(), destination, type);
    }
    if (type != NetDevice::PACKET_OTHERHOST)
    {
        m_macRxTrace(frame);
        m_rxCallback(this, frame, protocol, header.GetSource());
    }
}

void
SwitchedEthernetNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
SwitchedEthernetNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
SwitchedEthernetNetDevice::GetChannel() const
{
    return m_channel;
}

void
SwitchedEthernetNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
SwitchedEthernetNetDevice::GetAddress() const
{
    return m_address;
}

bool
SwitchedEthernetNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
SwitchedEthernetNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
SwitchedEthernetNetDevice::IsLinkUp() const
{
    return m_channel != nullptr;
}

void
SwitchedEthernetNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_linkChangeCallbacks.ConnectWithoutContext(callback);
}

bool
SwitchedEthernetNetDevice::IsBroadcast() const
{
    return true;
}

Address
SwitchedEthernetNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
SwitchedEthernetNetDevice::IsMulticast() const
{
    return true;
}

Address
SwitchedEthernetNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
SwitchedEthernetNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
SwitchedEthernetNetDevice::IsPointToPoint() const
{
    return false;
}

bool
SwitchedEthernetNetDevice::IsBridge() const
{
    return false;
}

Ptr<Node>
SwitchedEthernetNetDevice::GetNode() const
{
    return m_node;
}

void
SwitchedEthernetNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
SwitchedEthernetNetDevice::NeedsArp() const
{
    // Without ARP, IPv4 hands every packet over for the broadcast address; the
    // switch's station table supplies the real destination (SendFrom).
    return !(m_channel && m_channel->IsStaticResolution());
}

void
SwitchedEthernetNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
SwitchedEthernetNetDevice::SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb)
{
    m_promiscRxCallback = cb;
}

bool
SwitchedEthernetNetDevice::SupportsSendFrom() const
{
    return true;
}

} // namespace ns3
