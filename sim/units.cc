#include "units.h"

#include <cmath>
#include <cstdio>
#include <regex>

namespace retrotcp
{

namespace
{
// Split "12.5ms" into a decimal number and a unit; the number is kept as text so
// that "0.1s" becomes exactly 100 ms, without binary floating-point error.
bool
SplitNumberUnit(const std::string& text, std::string& integral, std::string& fraction,
                std::string& unit)
{
    static const std::regex re("^([0-9]+)(?:\\.([0-9]+))?([A-Za-z]+)$");
    std::smatch m;
    if (!std::regex_match(text, m, re))
    {
        return false;
    }
    integral = m[1];
    fraction = m[2];
    unit = m[3];
    return integral.size() <= 12 && fraction.size() <= 9;
}

// value = integral.fraction * scale, exactly, for scale a power of ten >= 10^fraction digits.
std::optional<uint64_t>
Scale(const std::string& integral, const std::string& fraction, uint64_t scale)
{
    uint64_t value = std::stoull(integral) * scale;
    uint64_t divisor = 1;
    for (size_t i = 0; i < fraction.size(); ++i)
    {
        divisor *= 10;
    }
    if (!fraction.empty())
    {
        if (scale % divisor != 0)
        {
            return std::nullopt; // more precision than the unit allows (e.g. "1.5ns")
        }
        value += std::stoull(fraction) * (scale / divisor);
    }
    return value;
}
} // namespace

std::optional<ns3::Time>
ParseDuration(const std::string& text)
{
    std::string integral;
    std::string fraction;
    std::string unit;
    if (!SplitNumberUnit(text, integral, fraction, unit))
    {
        return std::nullopt;
    }
    uint64_t scale = 0; // nanoseconds per unit
    if (unit == "ns")
    {
        scale = 1;
    }
    else if (unit == "us")
    {
        scale = 1000ULL;
    }
    else if (unit == "ms")
    {
        scale = 1000000ULL;
    }
    else if (unit == "s")
    {
        scale = 1000000000ULL;
    }
    else if (unit == "min")
    {
        scale = 60ULL * 1000000000ULL;
    }
    else if (unit == "h")
    {
        scale = 3600ULL * 1000000000ULL;
    }
    else
    {
        return std::nullopt;
    }
    auto ns = Scale(integral, fraction, scale);
    if (!ns)
    {
        return std::nullopt;
    }
    return ns3::NanoSeconds(static_cast<int64_t>(*ns));
}

std::optional<uint64_t>
ParseDataRate(const std::string& text)
{
    std::string integral;
    std::string fraction;
    std::string unit;
    if (!SplitNumberUnit(text, integral, fraction, unit))
    {
        return std::nullopt;
    }
    uint64_t scale = 0;
    if (unit == "bps")
    {
        scale = 1;
    }
    else if (unit == "kbps" || unit == "Kbps")
    {
        scale = 1000ULL;
    }
    else if (unit == "Mbps")
    {
        scale = 1000000ULL;
    }
    else if (unit == "Gbps")
    {
        scale = 1000000000ULL;
    }
    else
    {
        return std::nullopt;
    }
    auto bps = Scale(integral, fraction, scale);
    if (!bps || *bps == 0)
    {
        return std::nullopt;
    }
    return bps;
}

std::string
FormatDuration(ns3::Time t)
{
    int64_t ns = t.GetNanoSeconds();
    const std::pair<int64_t, const char*> units[] = {
        {1000000000LL, "s"}, {1000000LL, "ms"}, {1000LL, "us"}, {1LL, "ns"}};
    for (const auto& [scale, unit] : units)
    {
        if (ns % scale == 0)
        {
            return std::to_string(ns / scale) + unit;
        }
    }
    return std::to_string(ns) + "ns";
}

std::string
FormatDataRate(uint64_t bitsPerSecond)
{
    const std::pair<uint64_t, const char*> units[] = {
        {1000000000ULL, "Gbps"}, {1000000ULL, "Mbps"}, {1000ULL, "kbps"}};
    for (const auto& [scale, unit] : units)
    {
        if (bitsPerSecond >= scale && bitsPerSecond % scale == 0)
        {
            return std::to_string(bitsPerSecond / scale) + unit;
        }
    }
    return std::to_string(bitsPerSecond) + "bps";
}

std::string
FormatSeconds(ns3::Time t)
{
    int64_t ns = t.GetNanoSeconds();
    bool negative = ns < 0;
    uint64_t abs = negative ? static_cast<uint64_t>(-ns) : static_cast<uint64_t>(ns);
    char buffer[48];
    std::snprintf(buffer, sizeof(buffer), "%s%llu.%09llu", negative ? "-" : "",
                  static_cast<unsigned long long>(abs / 1000000000ULL),
                  static_cast<unsigned long long>(abs % 1000000000ULL));
    return buffer;
}

} // namespace retrotcp
