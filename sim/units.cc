#include "units.h"

#include <cstdio>

namespace retrotcp
{

namespace
{
bool
IsDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool
IsLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// NUMBER UNIT read in one pass: digits, optionally '.' and digits, then letters,
// nothing else. The number is kept as text so that "0.1s" is exactly 100 ms.
struct NumberUnit
{
    std::string integral; //!< without leading zeros ("" for zero)
    std::string fraction; //!< without trailing zeros
    std::string unit;
};

std::optional<NumberUnit>
SplitNumberUnit(const std::string& text)
{
    size_t i = 0;
    const size_t n = text.size();
    size_t start = i;
    while (i < n && IsDigit(text[i]))
    {
        ++i;
    }
    if (i == start)
    {
        return std::nullopt;
    }
    NumberUnit q;
    q.integral = text.substr(start, i - start);
    if (i < n && text[i] == '.')
    {
        start = ++i;
        while (i < n && IsDigit(text[i]))
        {
            ++i;
        }
        if (i == start)
        {
            return std::nullopt;
        }
        q.fraction = text.substr(start, i - start);
    }
    start = i;
    while (i < n && IsLetter(text[i]))
    {
        ++i;
    }
    if (i == start || i != n)
    {
        return std::nullopt;
    }
    q.unit = text.substr(start);
    q.integral.erase(0, q.integral.find_first_not_of('0'));
    q.fraction.erase(q.fraction.find_last_not_of('0') + 1);
    return q;
}

// integral.fraction * scale, exactly, if it is an integer no greater than max.
std::optional<uint64_t>
Scale(const NumberUnit& q, uint64_t scale, uint64_t max, QuantityProblem* problem)
{
    auto fail = [&](QuantityProblem p) -> std::optional<uint64_t> {
        if (problem)
        {
            *problem = p;
        }
        return std::nullopt;
    };
    uint64_t divisor = 1;
    for (size_t i = 0; i < q.fraction.size(); ++i)
    {
        if (divisor > scale)
        {
            return fail(QuantityProblem::kPrecision);
        }
        divisor *= 10;
    }
    if (scale % divisor != 0)
    {
        return fail(QuantityProblem::kPrecision); // e.g. "1.5ns"
    }
    // max / scale bounds the integral part; 20 digits already exceed any uint64.
    if (q.integral.size() > 19)
    {
        return fail(QuantityProblem::kTooLarge);
    }
    uint64_t whole = q.integral.empty() ? 0 : std::stoull(q.integral);
    if (whole > max / scale)
    {
        return fail(QuantityProblem::kTooLarge);
    }
    uint64_t value = whole * scale;
    if (!q.fraction.empty())
    {
        value += std::stoull(q.fraction) * (scale / divisor); // < scale: no overflow
    }
    if (value > max)
    {
        return fail(QuantityProblem::kTooLarge);
    }
    return value;
}
} // namespace

std::optional<uint64_t>
ParseDecimal(const std::string& text, size_t maxDigits)
{
    if (text.empty() || text.size() > maxDigits || text.size() > 19)
    {
        return std::nullopt;
    }
    for (char c : text)
    {
        if (!IsDigit(c))
        {
            return std::nullopt;
        }
    }
    return std::stoull(text);
}

std::optional<ns3::Time>
ParseDuration(const std::string& text, QuantityProblem* problem)
{
    if (problem)
    {
        *problem = QuantityProblem::kSyntax;
    }
    auto q = SplitNumberUnit(text);
    if (!q)
    {
        return std::nullopt;
    }
    const std::pair<const char*, uint64_t> units[] = {
        {"ns", 1ULL},
        {"us", 1000ULL},
        {"ms", 1000000ULL},
        {"s", 1000000000ULL},
        {"min", 60ULL * 1000000000ULL},
        {"h", 3600ULL * 1000000000ULL},
    };
    for (const auto& [name, scale] : units)
    {
        if (q->unit == name)
        {
            auto ns = Scale(*q, scale, static_cast<uint64_t>(kMaxDurationNs), problem);
            if (!ns)
            {
                return std::nullopt;
            }
            return ns3::NanoSeconds(static_cast<int64_t>(*ns));
        }
    }
    return std::nullopt;
}

std::string
DurationExpectation(QuantityProblem problem)
{
    switch (problem)
    {
    case QuantityProblem::kTooLarge:
        return std::string("a duration of at most ") + kMaxDurationText +
               " (ns-3 time is a 64-bit count of nanoseconds)";
    case QuantityProblem::kPrecision:
        return "a duration in whole nanoseconds (ns-3's time resolution)";
    default:
        return "a duration with a unit (ns, us, ms, s, min, h), such as \"3s\", \"500ms\" or "
               "\"2min\"";
    }
}

std::optional<uint64_t>
ParseDataRate(const std::string& text, QuantityProblem* problem)
{
    if (problem)
    {
        *problem = QuantityProblem::kSyntax;
    }
    auto q = SplitNumberUnit(text);
    if (!q)
    {
        return std::nullopt;
    }
    const std::pair<const char*, uint64_t> units[] = {
        {"bps", 1ULL},        {"kbps", 1000ULL},       {"Kbps", 1000ULL},
        {"Mbps", 1000000ULL}, {"Gbps", 1000000000ULL},
    };
    for (const auto& [name, scale] : units)
    {
        if (q->unit == name)
        {
            auto bps = Scale(*q, scale, kMaxDataRateBps, problem);
            if (bps && *bps == 0)
            {
                if (problem)
                {
                    *problem = QuantityProblem::kZero;
                }
                return std::nullopt;
            }
            return bps;
        }
    }
    return std::nullopt;
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
