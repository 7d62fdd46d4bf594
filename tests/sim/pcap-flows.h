#ifndef RETROTCP_TEST_PCAP_FLOWS_H
#define RETROTCP_TEST_PCAP_FLOWS_H

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace retrotcp
{
namespace test
{

/// One direction of a TCP connection.
struct TcpFlow
{
    uint32_t srcAddress{0}; //!< IPv4 source, host order
    uint16_t srcPort{0};    //!< TCP source port
    uint32_t dstAddress{0}; //!< IPv4 destination, host order
    uint16_t dstPort{0};    //!< TCP destination port

    bool
    operator<(const TcpFlow& o) const
    {
        return std::tie(srcAddress, srcPort, dstAddress, dstPort) <
               std::tie(o.srcAddress, o.srcPort, o.dstAddress, o.dstPort);
    }
};

/// The byte stream one direction carried, and where each part began.
struct TcpFlowBytes
{
    std::vector<uint8_t> bytes; //!< payload in sequence order, each byte once
    uint32_t firstFrame{0};     //!< frame number (from 1) of the SYN
};

/**
 * \brief Read an Ethernet PCAP file and reassemble the payload of every TCP flow
 * in sequence-number order (a retransmitted byte is kept once). Throws
 * std::runtime_error for a file that is not a little-endian Ethernet PCAP or a
 * flow with a gap.
 * \param path the capture \return flows by direction
 */
std::map<TcpFlow, TcpFlowBytes> ReadTcpFlows(const std::string& path);

} // namespace test
} // namespace retrotcp

#endif
