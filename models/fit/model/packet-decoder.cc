#include "packet-decoder.h"

#include <pcap/dlt.h>

namespace retrotcp::fit
{

namespace
{
constexpr uint16_t kEtherIpv4 = 0x0800;
constexpr uint16_t kEtherVlan = 0x8100;
constexpr uint16_t kEtherQinQ = 0x88a8;
constexpr uint16_t kPppIpv4 = 0x0021;
constexpr uint32_t kAfInet = 2; // AF_INET on every BSD and Linux

uint16_t
Be16(const uint8_t* p)
{
    return uint16_t((p[0] << 8) | p[1]);
}

uint32_t
Be32(const uint8_t* p)
{
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}

#ifndef DLT_LINUX_SLL2
constexpr int DLT_LINUX_SLL2 = 276;
#endif
#ifndef DLT_IPV4
constexpr int DLT_IPV4 = 228;
#endif
} // namespace

PacketDecoder::PacketDecoder(int dlt)
    : m_dlt(dlt)
{
}

bool
PacketDecoder::Supported() const
{
    switch (m_dlt)
    {
    case DLT_EN10MB:
    case DLT_RAW:
    case DLT_IPV4:
    case DLT_LINUX_SLL:
    case DLT_LINUX_SLL2:
    case DLT_NULL:
    case DLT_LOOP:
    case DLT_PPP:
        return true;
    default:
        return false;
    }
}

std::string
PacketDecoder::LinkName() const
{
    switch (m_dlt)
    {
    case DLT_EN10MB:
        return "Ethernet";
    case DLT_RAW:
    case DLT_IPV4:
        return "raw IP";
    case DLT_LINUX_SLL:
        return "Linux cooked (SLL)";
    case DLT_LINUX_SLL2:
        return "Linux cooked (SLL2)";
    case DLT_NULL:
        return "BSD loopback (NULL)";
    case DLT_LOOP:
        return "BSD loopback (LOOP)";
    case DLT_PPP:
        return "PPP";
    default:
        return "link type " + std::to_string(m_dlt);
    }
}

int
PacketDecoder::IpOffset(const uint8_t* d, uint32_t n) const
{
    switch (m_dlt)
    {
    case DLT_EN10MB: {
        uint32_t off = 12;
        while (off + 2 <= n && (Be16(d + off) == kEtherVlan || Be16(d + off) == kEtherQinQ))
        {
            off += 4; // 802.1Q / 802.1ad tag: TPID and TCI
        }
        return off + 2 <= n && Be16(d + off) == kEtherIpv4 ? int(off + 2) : -1;
    }
    case DLT_RAW:
    case DLT_IPV4:
        return n >= 1 && (d[0] >> 4) == 4 ? 0 : -1;
    case DLT_LINUX_SLL:
        // pkttype, ARPHRD type, address length, 8 address bytes, protocol.
        return n >= 16 && Be16(d + 14) == kEtherIpv4 ? 16 : -1;
    case DLT_LINUX_SLL2:
        // protocol, reserved, ifindex, ARPHRD type, pkttype, address length, address.
        return n >= 20 && Be16(d) == kEtherIpv4 ? 20 : -1;
    case DLT_NULL: {
        // The address family in the byte order of the machine that captured.
        if (n < 4)
        {
            return -1;
        }
        uint32_t le = uint32_t(d[0]) | (uint32_t(d[1]) << 8) | (uint32_t(d[2]) << 16) |
                      (uint32_t(d[3]) << 24);
        return le == kAfInet || Be32(d) == kAfInet ? 4 : -1;
    }
    case DLT_LOOP:
        return n >= 4 && Be32(d) == kAfInet ? 4 : -1;
    case DLT_PPP: {
        uint32_t off = 0;
        if (n >= 2 && d[0] == 0xff && d[1] == 0x03)
        {
            off = 2; // HDLC address and control
        }
        return off + 2 <= n && Be16(d + off) == kPppIpv4 ? int(off + 2) : -1;
    }
    default:
        return -1;
    }
}

PacketDecoder::Kind
PacketDecoder::Decode(const uint8_t* data, uint32_t captured, TcpSegment& segment) const
{
    int off = IpOffset(data, captured);
    if (off < 0)
    {
        return Kind::Other;
    }
    return DecodeIpv4(data + off, captured - uint32_t(off), segment);
}

PacketDecoder::Kind
PacketDecoder::DecodeIpv4(const uint8_t* ip, uint32_t n, TcpSegment& s)
{
    // RFC 791 3.1: version, IHL, total length, flags and fragment offset, protocol.
    if (n < 20)
    {
        return n >= 1 && (ip[0] >> 4) == 4 ? Kind::Truncated : Kind::Other;
    }
    if ((ip[0] >> 4) != 4 || ip[9] != 6)
    {
        return Kind::Other;
    }
    uint32_t ihl = uint32_t(ip[0] & 0x0f) * 4;
    uint16_t fragment = Be16(ip + 6);
    if ((fragment & 0x1fff) != 0 || (fragment & 0x2000) != 0)
    {
        return Kind::Fragment;
    }
    uint32_t total = Be16(ip + 2);
    if (ihl < 20 || n < ihl + 20)
    {
        return Kind::Truncated;
    }
    const uint8_t* tcp = ip + ihl;
    // RFC 793 3.1: ports, sequence, acknowledgment, data offset, flags, window.
    uint32_t dataOffset = uint32_t(tcp[12] >> 4) * 4;
    s.ttl = ip[8];
    s.source = Be32(ip + 12);
    s.destination = Be32(ip + 16);
    s.sourcePort = Be16(tcp);
    s.destinationPort = Be16(tcp + 2);
    s.sequence = Be32(tcp + 4);
    s.acknowledgement = Be32(tcp + 8);
    s.flags = tcp[13] & 0x3f;
    s.window = Be16(tcp + 14);
    s.payload = total > ihl + dataOffset ? total - ihl - dataOffset : 0;
    s.options = TcpSynOptions{};
    if ((s.flags & kSyn) && dataOffset > 20)
    {
        uint32_t available = n - ihl;
        uint32_t end = dataOffset < available ? dataOffset : available;
        ParseOptions(tcp + 20, end > 20 ? end - 20 : 0, s.options);
    }
    return Kind::Tcp;
}

void
PacketDecoder::ParseOptions(const uint8_t* p, uint32_t n, TcpSynOptions& out)
{
    // RFC 793 3.1 (EOL 0, NOP 1, MSS 2), RFC 7323 (window scale 3, timestamps 8),
    // RFC 2018 (SACK permitted 4).
    uint32_t i = 0;
    while (i < n)
    {
        uint8_t kind = p[i];
        if (kind == 0)
        {
            break;
        }
        if (kind == 1)
        {
            out.order += out.order.empty() ? "N" : ",N";
            ++i;
            continue;
        }
        if (i + 1 >= n || p[i + 1] < 2 || i + p[i + 1] > n)
        {
            break; // malformed: keep what was read
        }
        uint8_t length = p[i + 1];
        std::string name = "K" + std::to_string(kind);
        if (kind == 2 && length == 4)
        {
            out.mss = Be16(p + i + 2);
            name = "M";
        }
        else if (kind == 3 && length == 3)
        {
            out.windowScale = p[i + 2];
            name = "W";
        }
        else if (kind == 4)
        {
            out.sackPermitted = true;
            name = "S";
        }
        else if (kind == 8)
        {
            out.timestamps = true;
            name = "T";
        }
        out.order += (out.order.empty() ? "" : ",") + name;
        i += length;
    }
}

} // namespace retrotcp::fit
