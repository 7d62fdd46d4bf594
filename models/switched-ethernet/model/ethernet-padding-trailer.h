#ifndef ETHERNET_PADDING_TRAILER_H
#define ETHERNET_PADDING_TRAILER_H

#include "ns3/trailer.h"

namespace ns3
{

/**
 * \brief Zero bytes after a short payload, up to Ethernet's 46-byte minimum
 * (IEEE 802.3 clause 3.2.8: the pad field).
 *
 * Written in place at the end of the packet's buffer, where appending a packet of
 * zeros costs a packet, its buffer and a merge for most segments of a TCP
 * connection (SYN, ACK and FIN are 40 bytes of IP). The receiving IPv4 layer cuts
 * the pad off by the datagram's total length, as it would cut off any padding.
 */
class EthernetPaddingTrailer : public Trailer
{
  public:
    /**
     * \brief Get the type ID. \return the object TypeId
     */
    static TypeId GetTypeId();
    /** \param bytes how many zero bytes (default 0) */
    explicit EthernetPaddingTrailer(uint32_t bytes = 0);

    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator end) override;
    uint32_t Deserialize(Buffer::Iterator start, Buffer::Iterator end) override;

  private:
    uint32_t m_bytes; //!< the pad's length
};

} // namespace ns3

#endif
