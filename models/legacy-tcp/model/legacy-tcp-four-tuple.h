#ifndef LEGACY_TCP_FOUR_TUPLE_H
#define LEGACY_TCP_FOUR_TUPLE_H

#include "ns3/ipv4-address.h"

#include <cstddef>
#include <cstdint>

namespace ns3
{

/**
 * \brief Demultiplexing key of a TCP connection, seen from the local host.
 */
struct LegacyTcpFourTuple
{
    uint32_t localAddress{0};  //!< local IPv4 address (host order)
    uint16_t localPort{0};     //!< local port
    uint32_t remoteAddress{0}; //!< remote IPv4 address (host order)
    uint16_t remotePort{0};    //!< remote port

    /**
     * \brief Build a key.
     * \param la local address \param lp local port
     * \param ra remote address \param rp remote port
     * \return the key
     */
    static LegacyTcpFourTuple
    Make(Ipv4Address la, uint16_t lp, Ipv4Address ra, uint16_t rp)
    {
        return LegacyTcpFourTuple{la.Get(), lp, ra.Get(), rp};
    }

    bool
    operator==(const LegacyTcpFourTuple& o) const
    {
        return localAddress == o.localAddress && localPort == o.localPort &&
               remoteAddress == o.remoteAddress && remotePort == o.remotePort;
    }
};

/**
 * \brief Hash of a LegacyTcpFourTuple (for std::unordered_map).
 */
struct LegacyTcpFourTupleHash
{
    std::size_t
    operator()(const LegacyTcpFourTuple& k) const
    {
        uint64_t a = (uint64_t(k.localAddress) << 16) ^ k.localPort;
        uint64_t b = (uint64_t(k.remoteAddress) << 16) ^ k.remotePort;
        uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x7F4A7C159E3779B9ULL + (a << 6) + (a >> 2));
        h ^= h >> 29;
        return static_cast<std::size_t>(h * 0xBF58476D1CE4E5B9ULL);
    }
};

} // namespace ns3

#endif
