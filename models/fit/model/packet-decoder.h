#ifndef FIT_PACKET_DECODER_H
#define FIT_PACKET_DECODER_H

#include "tcp-segment.h"

#include <cstdint>
#include <string>

namespace retrotcp::fit
{

/**
 * \brief Decodes one captured frame, from its link-layer header down to TCP.
 *
 * Link types (libpcap DLT values): Ethernet with 802.1Q/802.1ad tags, raw IP
 * (DLT_RAW, DLT_IPV4), Linux cooked captures SLL and SLL2, BSD loopback
 * (DLT_NULL in either byte order, DLT_LOOP) and PPP (what ns-3 writes for
 * point-to-point links). Only unfragmented TCP over IPv4 is decoded.
 */
class PacketDecoder
{
  public:
    /// What a frame turned out to be.
    enum class Kind
    {
        Tcp,       //!< a TCP/IPv4 segment (decoded)
        Other,     //!< not TCP/IPv4 (ARP, IPv6, UDP, ICMP, ...)
        Fragment,  //!< a non-first or incomplete IPv4 fragment
        Truncated, //!< snap length too short for the TCP header
    };

    /// \param dlt the capture's link type (pcap_datalink)
    explicit PacketDecoder(int dlt);

    /// Whether the link type is one this decoder reads.
    bool Supported() const;

    /// The link type's name, e.g. "Ethernet" or "Linux cooked (SLL2)".
    std::string LinkName() const;

    /**
     * \brief Decode a frame of \p captured bytes (of \p original on the wire).
     * On Kind::Tcp, \p segment holds the segment (its frame and time are left
     * to the caller).
     */
    Kind Decode(const uint8_t* data, uint32_t captured, TcpSegment& segment) const;

  private:
    /// Offset of the IPv4 header, or -1 if the frame does not carry IPv4.
    int IpOffset(const uint8_t* data, uint32_t captured) const;
    static Kind DecodeIpv4(const uint8_t* ip, uint32_t captured, TcpSegment& segment);
    static void ParseOptions(const uint8_t* options, uint32_t length, TcpSynOptions& out);

    int m_dlt;
};

} // namespace retrotcp::fit

#endif
