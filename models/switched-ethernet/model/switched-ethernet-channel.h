#ifndef RETROTCP_SWITCHED_ETHERNET_CHANNEL_H
#define RETROTCP_SWITCHED_ETHERNET_CHANNEL_H

#include "ns3/channel.h"
#include "ns3/data-rate.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ns3
{

class SwitchedEthernetNetDevice;

/**
 * \brief An Ethernet switch with one full-duplex link per attached device: a
 * store-and-forward switch with an output queue per port.
 *
 * A frame reaches the switch when its last bit has crossed the sender's link; it
 * leaves on the destination port after the switch's forwarding latency, once the
 * frames queued on that port ahead of it have gone, and arrives one link delay
 * after its last bit leaves. Unicast frames go to one port, found in a hash table
 * of the attached devices' addresses (a switch that has learnt every station), so
 * the work per frame does not depend on how many hosts the LAN has. Broadcast and
 * multicast frames go to every other port; so do ARP requests, unless ArpRequests
 * is TargetOnly (see there).
 *
 * The output queues are computed, not simulated: each port keeps the time its
 * last frame finishes, so a unicast frame costs two events (in the switch, at its
 * destination) whatever the number of hosts or the queueing.
 */
class SwitchedEthernetChannel : public Channel
{
  public:
    /// How ARP requests (broadcasts) are delivered.
    enum ArpRequestDelivery
    {
        FLOOD,      //!< to every other port, as a switch does
        TARGET_ONLY //!< to the port of the address asked for, when the switch knows it
    };

    /// How devices find the Ethernet address of an IPv4 next hop.
    enum AddressResolution
    {
        ARP,   //!< ns-3's ARP, as on any Ethernet
        STATIC //!< static tables: the switch's list of its stations, no ARP
    };

    static TypeId GetTypeId();
    SwitchedEthernetChannel();
    ~SwitchedEthernetChannel() override;

    SwitchedEthernetChannel(const SwitchedEthernetChannel&) = delete;
    SwitchedEthernetChannel& operator=(const SwitchedEthernetChannel&) = delete;

    /**
     * \brief Give a device a port (SwitchedEthernetNetDevice::Attach calls this).
     * \param device the device
     * \return its port number (the device keeps it)
     */
    uint32_t Add(Ptr<SwitchedEthernetNetDevice> device);

    /**
     * \brief A device starts sending a frame.
     * \param frame the frame (Ethernet header first)
     * \param from the sending device
     * \param wireTime how long it occupies the sender's link
     */
    void Transmit(Ptr<const Packet> frame, Ptr<SwitchedEthernetNetDevice> from, Time wireTime);

    /** \return true if devices resolve addresses statically (no ARP) */
    bool IsStaticResolution() const;
    /**
     * \brief The station that off-link IPv4 traffic goes to, with static
     * resolution (the LAN's router).
     * \param device a device attached to this switch
     */
    void SetGateway(Ptr<SwitchedEthernetNetDevice> device);
    /**
     * \brief Static resolution of an IPv4 packet's next hop.
     * \param ipPacket the packet, IPv4 header first
     * \param from the sending device
     * \param mac set to the Ethernet destination
     * \return false if no station has that address (the frame is not sent)
     */
    bool ResolveIpv4(Ptr<const Packet> ipPacket, Ptr<SwitchedEthernetNetDevice> from,
                     Mac48Address& mac);

    /**
     * \brief DataRate::CalculateBytesTxTime, remembered: it divides in 128-bit fixed
     * point (about 600 instructions), four times per frame, for a few frame sizes
     * (a table per rate, indexed by size: no hashing).
     * \param rate a link's rate \param bytes bytes on the wire \return their time
     */
    Time GetTxTime(const DataRate& rate, uint32_t bytes);
    /** \return the one-way delay of each link */
    Time GetDelay() const;
    /** \return frames dropped so far because an output queue was full */
    uint64_t GetQueueDrops() const;

    // Channel
    std::size_t GetNDevices() const override;
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

  protected:
    void DoDispose() override;

  private:
    /// A switch port and its output queue.
    struct Port
    {
        Ptr<SwitchedEthernetNetDevice> device;
        Time busyUntil;   //!< when the last frame queued on it has left the switch
        uint32_t local;   //!< its IPv4 address (static resolution), as Ipv4Address::Get
        uint32_t mask;    //!< and mask, as Ipv4Mask::Get
        Mac48Address mac; //!< the device's address
    };

    /// A frame is in the switch (from port \p in): filter, flood or forward it.
    void Switch(Ptr<const Packet> frame, uint32_t in);
    void Forward(uint32_t port, Ptr<const Packet> frame, Time atSwitch);
    /**
     * \brief Learn the sender of an ARP packet; find the target of a request.
     * \return the port of the station an ARP request asks for, or \p from if
     * unknown (or not a request)
     */
    uint32_t SnoopArp(Ptr<const Packet> frame, uint32_t from);
    uint32_t PortOf(Ptr<SwitchedEthernetNetDevice> device) const;
    void LearnStations();
    static uint64_t Key(Mac48Address address);

    std::vector<Port> m_ports;
    std::unordered_map<uint64_t, uint32_t> m_portOfMac;  //!< station address -> port
    std::unordered_map<uint32_t, uint32_t> m_portOfIpv4; //!< IPv4 -> port (snooped or static)
    /// GetTxTime's values for one rate, indexed by bytes on the wire.
    struct RateTimes
    {
        uint64_t bps;            //!< the rate
        std::vector<Time> times; //!< by bytes; negative until computed
    };

    static constexpr uint32_t kMaxRememberedBytes = 16384; //!< larger: computed each time
    std::vector<RateTimes> m_txTimes;                      //!< one table per rate seen
    Time m_delay;
    Time m_latency;
    uint32_t m_bufferBytes{0};
    ArpRequestDelivery m_arpRequests{FLOOD};
    AddressResolution m_resolution{ARP};
    bool m_stationsLearnt{false};
    uint32_t m_gateway{UINT32_MAX}; //!< port of the gateway, if any
    uint64_t m_unresolved{0};
    uint64_t m_queueDrops{0};
    TracedCallback<Ptr<const Packet>, uint32_t> m_dropTrace;
};

} // namespace ns3

#endif
