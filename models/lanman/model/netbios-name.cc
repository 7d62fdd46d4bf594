#include "netbios-name.h"

#include <cctype>

namespace ns3
{

std::string
NetbiosEncodeName(const std::string& name, uint8_t suffix)
{
    // RFC 1001 14.1: "each half-octet of the NetBIOS name is encoded into one byte
    // of the 32-byte field ... The half-octet is combined with the ASCII value of
    // 'A'".
    std::string padded;
    for (char c : name.substr(0, 15))
    {
        padded += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    padded.resize(15, ' ');
    padded += static_cast<char>(suffix);
    std::string out;
    for (unsigned char c : padded)
    {
        out += static_cast<char>('A' + (c >> 4));
        out += static_cast<char>('A' + (c & 0x0F));
    }
    return out;
}

std::string
NetbiosDecodeName(const std::string& encoded, uint8_t* suffix)
{
    if (encoded.size() != 32)
    {
        return "";
    }
    std::string raw;
    for (size_t i = 0; i < 32; i += 2)
    {
        int hi = encoded[i] - 'A';
        int lo = encoded[i + 1] - 'A';
        if (hi < 0 || hi > 15 || lo < 0 || lo > 15)
        {
            return "";
        }
        raw += static_cast<char>((hi << 4) | lo);
    }
    if (suffix)
    {
        *suffix = static_cast<uint8_t>(raw[15]);
    }
    raw.resize(15);
    while (!raw.empty() && raw.back() == ' ')
    {
        raw.pop_back();
    }
    return raw;
}

} // namespace ns3
