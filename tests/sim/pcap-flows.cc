#include "pcap-flows.h"

#include <fstream>
#include <stdexcept>

namespace retrotcp
{
namespace test
{

namespace
{
uint32_t
Le32(const uint8_t* p)
{
    return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
}

uint32_t
Be32(const uint8_t* p)
{
    return (static_cast<uint32_t>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}

uint16_t
Be16(const uint8_t* p)
{
    return static_cast<uint16_t>((p[0] << 8) | p[1]);
}
} // namespace

std::map<TcpFlow, TcpFlowBytes>
ReadTcpFlows(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::vector<uint8_t> file((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    // libpcap file format: 24-byte global header (magic a1b2c3d4 little-endian, or
    // a1b23c4d for nanosecond timestamps as retrotcp writes them; link type 1 =
    // Ethernet), then a 16-byte header per record.
    uint32_t magic = file.size() < 24 ? 0 : Le32(file.data());
    if (file.size() < 24 || (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) ||
        Le32(file.data() + 20) != 1)
    {
        throw std::runtime_error(path + ": not a little-endian Ethernet PCAP");
    }
    std::map<TcpFlow, TcpFlowBytes> flows;
    std::map<TcpFlow, uint32_t> nextSeq;
    uint32_t frame = 0;
    for (size_t pos = 24; pos + 16 <= file.size();)
    {
        uint32_t captured = Le32(file.data() + pos + 8);
        const uint8_t* f = file.data() + pos + 16;
        pos += 16 + captured;
        ++frame;
        if (pos > file.size() || captured < 14 + 20 || Be16(f + 12) != 0x0800)
        {
            continue; // not IPv4 over Ethernet
        }
        const uint8_t* ip = f + 14;
        uint32_t ipHeader = 4u * (ip[0] & 0x0F);
        uint32_t ipTotal = Be16(ip + 2);
        if (ip[9] != 6 || 14 + ipTotal > captured)
        {
            continue; // not TCP
        }
        const uint8_t* tcp = ip + ipHeader;
        uint32_t tcpHeader = 4u * (tcp[12] >> 4);
        TcpFlow flow{Be32(ip + 12), Be16(tcp), Be32(ip + 16), Be16(tcp + 2)};
        uint32_t seq = Be32(tcp + 4);
        bool syn = (tcp[13] & 0x02) != 0;
        if (syn)
        {
            // A new connection on this 4-tuple starts a new byte stream.
            nextSeq[flow] = seq + 1;
            flows[flow] = TcpFlowBytes{{}, frame};
            continue;
        }
        auto expected = nextSeq.find(flow);
        if (expected == nextSeq.end())
        {
            continue;
        }
        uint32_t length = ipTotal - ipHeader - tcpHeader;
        const uint8_t* payload = tcp + tcpHeader;
        uint32_t skip = expected->second - seq; // bytes already seen
        if (length == 0 || static_cast<int32_t>(skip) < 0)
        {
            if (length > 0)
            {
                throw std::runtime_error(path + ": gap in a TCP flow at frame " +
                                         std::to_string(frame));
            }
            continue;
        }
        if (skip < length)
        {
            auto& bytes = flows[flow].bytes;
            bytes.insert(bytes.end(), payload + skip, payload + length);
            expected->second = seq + length;
        }
    }
    return flows;
}

} // namespace test
} // namespace retrotcp
