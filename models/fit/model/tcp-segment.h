#ifndef FIT_TCP_SEGMENT_H
#define FIT_TCP_SEGMENT_H

#include <cstdint>
#include <optional>
#include <string>

namespace retrotcp::fit
{

/// TCP header flags (RFC 793 3.1, RFC 3168).
enum TcpFlag : uint8_t
{
    kFin = 0x01,
    kSyn = 0x02,
    kRst = 0x04,
    kPsh = 0x08,
    kAck = 0x10,
};

/// An IPv4 address in host byte order.
using Ipv4 = uint32_t;

/// Dotted-quad text of an address.
std::string FormatIpv4(Ipv4 address);

/// Parse dotted-quad text; nothing if it is not one.
std::optional<Ipv4> ParseIpv4(const std::string& text);

/// The TCP options a SYN carries that say something about the stack.
struct TcpSynOptions
{
    std::optional<uint16_t> mss;        //!< kind 2, maximum segment size
    std::optional<uint8_t> windowScale; //!< kind 3, shift count
    bool sackPermitted{false};          //!< kind 4
    bool timestamps{false};             //!< kind 8
    std::string order;                  //!< option kinds in wire order, e.g. "M,N,W"
};

/// One TCP/IPv4 segment as a capture shows it.
struct TcpSegment
{
    uint64_t frame{0};   //!< frame number in the capture, from 1
    int64_t timeNs{0};   //!< capture timestamp, nanoseconds since the Unix epoch
    Ipv4 source{0};      //!< IPv4 source
    Ipv4 destination{0}; //!< IPv4 destination
    uint8_t ttl{0};      //!< IPv4 time to live
    uint16_t sourcePort{0};
    uint16_t destinationPort{0};
    uint32_t sequence{0};
    uint32_t acknowledgement{0};
    uint8_t flags{0};      //!< TcpFlag bits
    uint16_t window{0};    //!< window field, unscaled
    uint32_t payload{0};   //!< TCP payload bytes (from the IP length)
    TcpSynOptions options; //!< parsed on SYN segments only

    /// Whether every bit of \p mask is set.
    bool
    Has(uint8_t mask) const
    {
        return (flags & mask) == mask;
    }
};

} // namespace retrotcp::fit

#endif
