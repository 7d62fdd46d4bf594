#ifndef RETROTCP_UNITS_H
#define RETROTCP_UNITS_H

#include "ns3/nstime.h"

#include <cstdint>
#include <optional>
#include <string>

namespace retrotcp
{

/**
 * \brief Parse a duration with a unit: "3s", "500ms", "1.5s", "2min", "1h", "10us",
 * "100ns". Returns nothing if the text is not such a duration.
 */
std::optional<ns3::Time> ParseDuration(const std::string& text);

/**
 * \brief Parse a data rate with a unit: "10Mbps", "64kbps", "1.544Mbps", "1Gbps",
 * "9600bps". Returns bits per second, nothing if the text is not a rate.
 */
std::optional<uint64_t> ParseDataRate(const std::string& text);

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
