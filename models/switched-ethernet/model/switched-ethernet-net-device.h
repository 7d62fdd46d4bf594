#ifndef RETROTCP_SWITCHED_ETHERNET_NET_DEVICE_H
#define RETROTCP_SWITCHED_ETHERNET_NET_DEVICE_H

#include "ns3/data-rate.h"
#include "ns3/error-model.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/queue.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class SwitchedEthernetChannel;

/**
 * \brief A full-duplex Ethernet interface on its own link to a switch
 * (SwitchedEthernetChannel).
 *
 * Frames are Ethernet II (DIX): a 14-byte header, the payload padded to the
 * 46-byte minimum. Serialisation counts what the wire carries besides: the 8-byte
 * preamble and start delimiter, the 4-byte FCS and the 96-bit inter-frame gap
 * (IEEE 802.3 clause 4). The link is full duplex: no carrier sense, no collisions.
 * Frames wait in the transmit queue while the link is busy.
 */
class SwitchedEthernetNetDevice : public NetDevice
{
  public:
    static TypeId GetTypeId();
    SwitchedEthernetNetDevice();
    ~SwitchedEthernetNetDevice() override;

    SwitchedEthernetNetDevice(const SwitchedEthernetNetDevice&) = delete;
    SwitchedEthernetNetDevice& operator=(const SwitchedEthernetNetDevice&) = delete;

    /**
     * \brief Plug the device into a switch port.
     * \param channel the switch
     */
    void Attach(Ptr<SwitchedEthernetChannel> channel);

    /** \return the switch port this device is plugged into */
    uint32_t GetSwitchPort() const;
    /** \param queue the transmit queue */
    void SetQueue(Ptr<Queue<Packet>> queue);
    /** \return the transmit queue (a default DropTailQueue made now if none was set) */
    Ptr<Queue<Packet>> GetQueue() const;
    /** \return the link's data rate (both directions) */
    DataRate GetDataRate() const;
    /**
     * \brief The time a frame occupies the link, overheads included.
     * \param frameBytes header + padded payload (no FCS)
     * \return preamble + frame + FCS + inter-frame gap at the link's rate
     */
    Time GetWireTime(uint32_t frameBytes) const;
    /** \return the inter-frame gap at the link's rate (the end of every wire time) */
    Time GetGapTime() const;

    /**
     * \brief A frame arrives from the switch (called by the channel).
     * \param frame the frame, Ethernet header included
     */
    void Receive(Ptr<Packet> frame);

    // NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsPointToPoint() const override;
    bool IsBridge() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet, const Address& source, const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

    /// Ethernet's smallest payload; shorter ones are padded (IEEE 802.3 4.2.3.3).
    static constexpr uint32_t kMinPayload = 46;
    /// Preamble (7) and start frame delimiter (1), in bytes.
    static constexpr uint32_t kPreamble = 8;
    /// Frame check sequence, in bytes (counted on the wire, not carried in packets).
    static constexpr uint32_t kFcs = 4;
    /// Inter-frame gap: 96 bit times, in bytes.
    static constexpr uint32_t kInterFrameGap = 12;

  protected:
    void DoDispose() override;

  private:
    void TransmitStart();
    void ScheduleWake(Time delay);
    void Wake();

    Ptr<Node> m_node;
    Ptr<SwitchedEthernetChannel> m_channel;
    mutable Ptr<Queue<Packet>> m_queue; //!< made at first use unless set
    Ptr<ErrorModel> m_receiveErrorModel;
    Mac48Address m_address;
    DataRate m_dataRate;
    uint32_t m_ifIndex{0};
    uint32_t m_switchPort{0};
    uint16_t m_mtu{1500};
    bool m_wakePending{false}; //!< a Wake is scheduled: frames wait for it
    Time m_busyUntil;          //!< the end of the last frame's wire time
    NetDevice::ReceiveCallback m_rxCallback;
    NetDevice::PromiscReceiveCallback m_promiscRxCallback;
    TracedCallback<> m_linkChangeCallbacks;

    TracedCallback<Ptr<const Packet>> m_macTxTrace;
    TracedCallback<Ptr<const Packet>> m_macTxDropTrace;
    TracedCallback<Ptr<const Packet>> m_macRxTrace;
    TracedCallback<Ptr<const Packet>> m_phyRxDropTrace;
    TracedCallback<Ptr<const Packet>> m_snifferTrace;
    TracedCallback<Ptr<const Packet>> m_promiscSnifferTrace;
};

} // namespace ns3

#endif
