#include "tcp-segment.h"

namespace retrotcp::fit
{

std::string
FormatIpv4(Ipv4 a)
{
    return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
           std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255);
}

std::optional<Ipv4>
ParseIpv4(const std::string& text)
{
    Ipv4 value = 0;
    int parts = 0;
    size_t i = 0;
    while (parts < 4)
    {
        size_t start = i;
        uint32_t octet = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 3)
        {
            octet = octet * 10 + uint32_t(text[i] - '0');
            ++i;
        }
        if (i == start || octet > 255)
        {
            return std::nullopt;
        }
        value = (value << 8) | octet;
        ++parts;
        if (parts < 4)
        {
            if (i >= text.size() || text[i] != '.')
            {
                return std::nullopt;
            }
            ++i;
        }
    }
    if (i != text.size())
    {
        return std::nullopt;
    }
    return value;
}

} // namespace retrotcp::fit
