#include "crafted-segment.h"

#include "ns3/tcp-header.h"

#include <cstdlib>

namespace ns3
{

namespace
{

struct BaseName
{
    CraftedBase base;
    const char* name;
};

const BaseName kBases[] = {
    {CraftedBase::ReplySeq, "reply.seq"},          {CraftedBase::ReplyAck, "reply.ack"},
    {CraftedBase::ReplyNext, "reply.next"},        {CraftedBase::TargetSndUna, "target.snd_una"},
    {CraftedBase::TargetSndNxt, "target.snd_nxt"}, {CraftedBase::TargetRcvNxt, "target.rcv_nxt"},
    {CraftedBase::TargetIss, "target.iss"},        {CraftedBase::TargetIrs, "target.irs"},
};

struct FlagName
{
    uint8_t flag;
    const char* name;
};

// In the order of the bits, as tshark lists them.
const FlagName kFlags[] = {
    {TcpHeader::FIN, "FIN"}, {TcpHeader::SYN, "SYN"}, {TcpHeader::RST, "RST"},
    {TcpHeader::PSH, "PSH"}, {TcpHeader::ACK, "ACK"}, {TcpHeader::URG, "URG"},
};

// 1 to 10 decimal digits, at most 4294967295.
std::optional<int64_t>
ParseNumber(const std::string& text)
{
    if (text.empty() || text.size() > 10)
    {
        return std::nullopt;
    }
    int64_t value = 0;
    for (char c : text)
    {
        if (c < '0' || c > '9')
        {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    if (value > 0xFFFFFFFFLL)
    {
        return std::nullopt;
    }
    return value;
}

} // namespace

std::optional<CraftedNumber>
CraftedNumber::Parse(const std::string& text)
{
    if (auto n = ParseNumber(text))
    {
        return CraftedNumber{CraftedBase::Absolute, *n};
    }
    for (const auto& b : kBases)
    {
        std::string name(b.name);
        if (text.compare(0, name.size(), name) != 0)
        {
            continue;
        }
        std::string rest = text.substr(name.size());
        if (rest.empty())
        {
            return CraftedNumber{b.base, 0};
        }
        if (rest[0] != '+' && rest[0] != '-')
        {
            return std::nullopt;
        }
        auto n = ParseNumber(rest.substr(1));
        if (!n)
        {
            return std::nullopt;
        }
        return CraftedNumber{b.base, rest[0] == '+' ? *n : -*n};
    }
    return std::nullopt;
}

std::string
CraftedNumber::ToString() const
{
    if (base == CraftedBase::Absolute)
    {
        return std::to_string(offset);
    }
    std::string text;
    for (const auto& b : kBases)
    {
        if (b.base == base)
        {
            text = b.name;
        }
    }
    if (offset > 0)
    {
        text += "+" + std::to_string(offset);
    }
    else if (offset < 0)
    {
        text += "-" + std::to_string(-offset);
    }
    return text;
}

bool
CraftedNumber::NeedsTarget() const
{
    return base >= CraftedBase::TargetSndUna;
}

bool
CraftedNumber::NeedsReply() const
{
    return base == CraftedBase::ReplySeq || base == CraftedBase::ReplyAck ||
           base == CraftedBase::ReplyNext;
}

std::optional<uint8_t>
ParseTcpFlags(const std::string& text)
{
    if (text.empty())
    {
        return std::nullopt;
    }
    uint8_t flags = 0;
    size_t start = 0;
    while (start <= text.size())
    {
        size_t end = text.find('|', start);
        end = end == std::string::npos ? text.size() : end;
        std::string word = text.substr(start, end - start);
        bool known = false;
        for (const auto& f : kFlags)
        {
            if (word == f.name)
            {
                flags |= f.flag;
                known = true;
            }
        }
        if (!known)
        {
            return std::nullopt;
        }
        start = end + 1;
    }
    return flags;
}

std::string
TcpFlagsText(uint8_t flags)
{
    std::string text;
    for (const auto& f : kFlags)
    {
        if (flags & f.flag)
        {
            text += (text.empty() ? "" : "|") + std::string(f.name);
        }
    }
    return text.empty() ? "NONE" : text;
}

} // namespace ns3
