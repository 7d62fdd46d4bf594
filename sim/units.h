#ifndef RETROTCP_UNITS_H
#define RETROTCP_UNITS_H

#include "ns3/nstime.h"

#include <cstdint>
#include <optional>
#include <string>

namespace retrotcp
{

/// Why a text is not an acceptable quantity (ParseDuration, ParseDataRate).
enum class QuantityProblem
{
    kSyntax,    //!< not NUMBER UNIT with a known unit
    kPrecision, //!< finer than the resolution (a duration below 1 ns, a rate below 1 bps)
    kTooLarge,  //!< above the maximum
    kZero,      //!< zero where it is not allowed (a data rate)
};

/**
 * \brief Longest duration a scenario may give anywhere: 100000 h (about 11.4
 * years). ns-3 time is a signed 64-bit count of nanoseconds (about 292 years);
 * the models add several durations (a start, an interval, a timer), so each one
 * stays well below that.
 */
constexpr int64_t kMaxDurationNs = 100000LL * 3600LL * 1000000000LL;
/// kMaxDurationNs in the scenario syntax, for messages.
constexpr const char* kMaxDurationText = "100000h";

/// Fastest data rate a scenario may give: 1000 Gbps (ns-3 DataRate is bits/s).
constexpr uint64_t kMaxDataRateBps = 1000ULL * 1000000000ULL;
/// kMaxDataRateBps in the scenario syntax, for messages.
constexpr const char* kMaxDataRateText = "1000Gbps";

/**
 * \brief Parse a duration with a unit: "3s", "500ms", "1.5s", "2min", "1h", "10us",
 * "100ns", exactly (decimal, no floating point), from 0 to kMaxDurationNs. Returns
 * nothing if the text is not such a duration, and why in \p problem.
 */
std::optional<ns3::Time> ParseDuration(const std::string& text, QuantityProblem* problem = nullptr);

/// What a duration was expected to be, given why one was refused (for messages).
std::string DurationExpectation(QuantityProblem problem);

/**
 * \brief Parse a data rate with a unit: "10Mbps", "64kbps", "1.544Mbps", "1Gbps",
 * "9600bps", exactly, from 1 bps to kMaxDataRateBps. Returns bits per second,
 * nothing if the text is not such a rate (why in \p problem).
 */
std::optional<uint64_t> ParseDataRate(const std::string& text, QuantityProblem* problem = nullptr);

/**
 * \brief A decimal integer of at most \p maxDigits digits and nothing else (no sign,
 * no space): its value, or nothing. maxDigits is at most 19.
 */
std::optional<uint64_t> ParseDecimal(const std::string& text, size_t maxDigits);

/**
 * \brief A duration in the scenario syntax, in the largest unit that keeps it exact
 * ("240s", "500ms", "0s").
 */
std::string FormatDuration(ns3::Time t);

/**
 * \brief A data rate in the scenario syntax, in the largest unit that keeps it exact
 * ("10Mbps", "1544kbps", "9600bps").
 */
std::string FormatDataRate(uint64_t bitsPerSecond);

/**
 * \brief Seconds with nanosecond resolution and no trailing noise ("3.000000000").
 */
std::string FormatSeconds(ns3::Time t);

} // namespace retrotcp

#endif
