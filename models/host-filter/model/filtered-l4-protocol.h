#ifndef FILTERED_L4_PROTOCOL_H
#define FILTERED_L4_PROTOCOL_H

#include "host-packet-filter.h"
#include "ns3/ip-l4-protocol.h"

namespace ns3
{

/**
 * \brief A transport protocol seen through the host's packet filter: it stands in
 * the IPv4 layer's protocol table in place of the real TCP or UDP, passes what the
 * filter lets through to it (and from it to IPv4), drops the rest or answers it.
 *
 * Any TCP stack works behind it (ns-3's TcpL4Protocol, LegacyTcpL4Protocol), and
 * ICMP errors still reach the real protocol. PacketFilterHelper installs it.
 */
class FilteredL4Protocol : public IpL4Protocol
{
  public:
    /** \brief Get the type ID. \return the object TypeId */
    static TypeId GetTypeId();

    /**
     * \brief Put the filter in front of a protocol.
     * \param inner the real protocol (already in the IPv4 layer, with its down target)
     * \param filter the host's filter
     */
    void Wrap(Ptr<IpL4Protocol> inner, Ptr<HostPacketFilter> filter);
    /** \return the real protocol */
    Ptr<IpL4Protocol> GetInner() const;

    // IpL4Protocol
    int GetProtocolNumber() const override;
    enum IpL4Protocol::RxStatus Receive(Ptr<Packet> p, const Ipv4Header& header,
                                        Ptr<Ipv4Interface> incomingInterface) override;
    enum IpL4Protocol::RxStatus Receive(Ptr<Packet> p, const Ipv6Header& header,
                                        Ptr<Ipv6Interface> incomingInterface) override;
    void ReceiveIcmp(Ipv4Address icmpSource, uint8_t icmpTtl, uint8_t icmpType, uint8_t icmpCode,
                     uint32_t icmpInfo, Ipv4Address payloadSource, Ipv4Address payloadDestination,
                     const uint8_t payload[8]) override;
    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override;
    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override;
    IpL4Protocol::DownTargetCallback GetDownTarget() const override;
    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override;

  protected:
    void DoDispose() override;

  private:
    /** \brief The real protocol sends: filter, then IPv4. */
    void SendOut(Ptr<Packet> packet, Ipv4Address source, Ipv4Address destination, uint8_t protocol,
                 Ptr<Ipv4Route> route);
    /** \brief Answer an arriving TCP segment with a reset (RFC 793 p.36). */
    void SendReset(const Ipv4Header& ip, Ptr<const Packet> segment);
    /** \brief Answer an arriving packet with ICMP destination unreachable. */
    void SendUnreachable(const Ipv4Header& ip, Ptr<const Packet> packet, uint8_t code);

    Ptr<IpL4Protocol> m_inner;                 //!< the real protocol
    Ptr<HostPacketFilter> m_filter;            //!< the rules
    IpL4Protocol::DownTargetCallback m_down;   //!< IPv4 send
    IpL4Protocol::DownTargetCallback6 m_down6; //!< IPv6 send (passed through)
};

} // namespace ns3

#endif
