#include "smb-messages.h"

#include <cctype>

namespace ns3
{

namespace
{
/// Buffer format of a dialect string ([MS-CIFS] 2.2.4.52.1).
constexpr uint8_t kDialectBufferFormat = 0x02;
/// AndXCommand when no command follows ([MS-CIFS] 2.2.3.4).
constexpr uint8_t kNoAndX = 0xFF;

// AndXCommand, AndXReserved, AndXOffset: no chained command follows, so the
// offset is 0 (the receiver ignores it, [MS-CIFS] 2.2.3.4).
void
NoAndX(SmbBody& b)
{
    b.Param8(kNoAndX).Param8(0).Param16(0);
}

// Reads the AndX words; false if a chained command is announced (the model
// sends none).
bool
ReadNoAndX(SmbCursor& c)
{
    uint8_t command = c.U8();
    c.U8();
    c.U16();
    return command == kNoAndX;
}
} // namespace

SmbBody
SmbNegotiateRequest::Encode() const
{
    SmbBody b;
    for (const auto& d : dialects)
    {
        b.Data8(kDialectBufferFormat).DataString(d);
    }
    return b;
}

bool
SmbNegotiateRequest::Decode(const SmbBody& body, SmbNegotiateRequest& out)
{
    if (body.GetWordCount() != 0)
    {
        return false;
    }
    SmbCursor c(body.GetData());
    out.dialects.clear();
    while (c.Ok() && c.Remaining() > 0)
    {
        if (c.U8() != kDialectBufferFormat)
        {
            return false;
        }
        out.dialects.push_back(c.String());
    }
    return c.Ok();
}

SmbBody
SmbNegotiateResponse::Encode() const
{
    SmbBody b;
    b.Param16(dialectIndex);
    if (!lanman)
    {
        return b;
    }
    b.Param16(securityMode)
        .Param16(maxBufferSize)
        .Param16(maxMpxCount)
        .Param16(maxNumberVcs)
        .Param16(rawMode)
        .Param32(sessionKey)
        .Param16(serverTime)
        .Param16(serverDate)
        .Param16(static_cast<uint16_t>(serverTimeZone))
        .Param16(static_cast<uint16_t>(challenge.size()))
        .Param16(0); // Reserved
    b.DataBytes(challenge).DataString(domain);
    return b;
}

bool
SmbNegotiateResponse::Decode(const SmbBody& body, SmbNegotiateResponse& out)
{
    SmbCursor w(body.GetParams());
    out = SmbNegotiateResponse();
    out.dialectIndex = w.U16();
    if (body.GetWordCount() == 1)
    {
        return w.Ok();
    }
    if (body.GetWordCount() != 13)
    {
        return false;
    }
    out.lanman = true;
    out.securityMode = w.U16();
    out.maxBufferSize = w.U16();
    out.maxMpxCount = w.U16();
    out.maxNumberVcs = w.U16();
    out.rawMode = w.U16();
    out.sessionKey = w.U32();
    out.serverTime = w.U16();
    out.serverDate = w.U16();
    out.serverTimeZone = static_cast<int16_t>(w.U16());
    uint16_t keyLength = w.U16();
    w.U16();
    SmbCursor d(body.GetData());
    out.challenge = d.Bytes(keyLength);
    out.domain = d.String();
    return w.Ok() && d.Ok();
}

SmbBody
SmbSessionSetupRequest::Encode() const
{
    SmbBody b;
    NoAndX(b);
    b.Param16(maxBufferSize)
        .Param16(maxMpxCount)
        .Param16(vcNumber)
        .Param32(sessionKey)
        .Param16(static_cast<uint16_t>(password.size()))
        .Param32(0); // Reserved
    b.DataBytes(password).DataString(account).DataString(domain).DataString(nativeOs).DataString(
        nativeLanMan);
    return b;
}

bool
SmbSessionSetupRequest::Decode(const SmbBody& body, SmbSessionSetupRequest& out)
{
    if (body.GetWordCount() != 10)
    {
        return false;
    }
    SmbCursor w(body.GetParams());
    bool noAndX = ReadNoAndX(w);
    out.maxBufferSize = w.U16();
    out.maxMpxCount = w.U16();
    out.vcNumber = w.U16();
    out.sessionKey = w.U32();
    uint16_t passwordLength = w.U16();
    SmbCursor d(body.GetData());
    out.password = d.Bytes(passwordLength);
    out.account = d.String();
    out.domain = d.String();
    out.nativeOs = d.String();
    out.nativeLanMan = d.String();
    return noAndX && w.Ok() && d.Ok();
}

SmbBody
SmbSessionSetupResponse::Encode() const
{
    SmbBody b;
    NoAndX(b);
    b.Param16(action);
    b.DataString(nativeOs).DataString(nativeLanMan).DataString(domain);
    return b;
}

bool
SmbSessionSetupResponse::Decode(const SmbBody& body, SmbSessionSetupResponse& out)
{
    if (body.GetWordCount() != 3)
    {
        return false;
    }
    SmbCursor w(body.GetParams());
    bool noAndX = ReadNoAndX(w);
    out.action = w.U16();
    SmbCursor d(body.GetData());
    out.nativeOs = d.String();
    out.nativeLanMan = d.String();
    out.domain = d.String();
    return noAndX && w.Ok() && d.Ok();
}

SmbBody
SmbTreeConnectRequest::Encode() const
{
    SmbBody b;
    NoAndX(b);
    b.Param16(flags).Param16(static_cast<uint16_t>(password.size()));
    b.DataBytes(password).DataString(path).DataString(service);
    return b;
}

bool
SmbTreeConnectRequest::Decode(const SmbBody& body, SmbTreeConnectRequest& out)
{
    if (body.GetWordCount() != 4)
    {
        return false;
    }
    SmbCursor w(body.GetParams());
    bool noAndX = ReadNoAndX(w);
    out.flags = w.U16();
    uint16_t passwordLength = w.U16();
    SmbCursor d(body.GetData());
    out.password = d.Bytes(passwordLength);
    out.path = d.String();
    out.service = d.String();
    return noAndX && w.Ok() && d.Ok();
}

SmbBody
SmbTreeConnectResponse::Encode() const
{
    SmbBody b;
    NoAndX(b);
    b.Param16(optionalSupport);
    b.DataString(service).DataString(nativeFileSystem);
    return b;
}

bool
SmbTreeConnectResponse::Decode(const SmbBody& body, SmbTreeConnectResponse& out)
{
    if (body.GetWordCount() != 3)
    {
        return false;
    }
    SmbCursor w(body.GetParams());
    bool noAndX = ReadNoAndX(w);
    out.optionalSupport = w.U16();
    SmbCursor d(body.GetData());
    out.service = d.String();
    out.nativeFileSystem = d.String();
    return noAndX && w.Ok() && d.Ok();
}

SmbBody
MakeSmbLogoffBody()
{
    SmbBody b;
    NoAndX(b);
    return b;
}

SmbBody
MakeSmbEmptyBody()
{
    return SmbBody();
}

std::vector<uint8_t>
SmbChallengeResponse(const std::string& password, const std::vector<uint8_t>& challenge)
{
    if (password.empty())
    {
        return {};
    }
    // FNV-1a over the upper-cased password (LAN Manager passwords are
    // case-insensitive) and the challenge, then three SplitMix64 steps: 24 bytes.
    uint64_t h = 0xcbf29ce484222325ULL;
    auto mix = [&h](uint8_t b) {
        h ^= b;
        h *= 0x100000001b3ULL;
    };
    for (char ch : password)
    {
        mix(static_cast<uint8_t>(std::toupper(static_cast<unsigned char>(ch))));
    }
    mix(0);
    for (uint8_t b : challenge)
    {
        mix(b);
    }
    std::vector<uint8_t> out;
    for (int block = 0; block < 3; ++block)
    {
        h += 0x9e3779b97f4a7c15ULL;
        uint64_t z = h;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        for (int i = 0; i < 8; ++i)
        {
            out.push_back(static_cast<uint8_t>(z >> (8 * i)));
        }
    }
    return out;
}

void
SmbDateTime(uint64_t seconds, uint16_t& date, uint16_t& time)
{
    uint64_t days = seconds / 86400;
    uint64_t rest = seconds % 86400;
    time = static_cast<uint16_t>(((rest / 3600) << 11) | (((rest / 60) % 60) << 5) |
                                 ((rest % 60) / 2));
    uint32_t year = 1980;
    auto leap = [](uint32_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
    while (days >= (leap(year) ? 366u : 365u))
    {
        days -= leap(year) ? 366 : 365;
        ++year;
    }
    static const uint8_t kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    uint32_t month = 0;
    while (true)
    {
        uint32_t length = kMonthDays[month] + (month == 1 && leap(year) ? 1 : 0);
        if (days < length)
        {
            break;
        }
        days -= length;
        ++month;
    }
    date = static_cast<uint16_t>(((year - 1980) << 9) | ((month + 1) << 5) | (days + 1));
}

} // namespace ns3
