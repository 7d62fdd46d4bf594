#ifndef FIT_ESTIMATE_H
#define FIT_ESTIMATE_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace retrotcp::fit
{

/// How much the capture says about a parameter.
enum class Certainty
{
    Measured,   //!< value +- uncertainty
    LowerBound, //!< at least value
    UpperBound, //!< at most value
    Unknown,    //!< nothing (the note says why)
};

/// "measured", "lower-bound", "upper-bound" or "unknown".
const char* CertaintyName(Certainty certainty);

/**
 * \brief One parameter estimated from the wire. \c name is the stack
 * attribute it estimates (e.g. "SynInitialTimeout"), or a wire quantity
 * ("Rtt", "PortOrder").
 */
struct Estimate
{
    std::string name;
    Certainty certainty{Certainty::Unknown};
    double value{0};       //!< seconds, count, bytes or port number (see unit)
    double uncertainty{0}; //!< +- in the same unit (timer rounding and capture jitter)
    std::string unit;      //!< "s", "count", "bytes", "port", "" (text only)
    std::string text;      //!< the value as text, for non-numeric ones (e.g. "sequential")
    uint32_t samples{0};   //!< wire observations behind it
    std::string note;      //!< evidence, or why it cannot be told
};

/// A wire fact, and which part of the stack's behaviour it is about.
struct EvidenceLine
{
    std::string aspect; //!< "rtt", "rst", "schedule", "resends", "syn", "ports", "time-wait"
    std::string text;
};

/// Estimates by name.
struct EstimateSet
{
    std::vector<Estimate> items;

    /// The estimate called \p name, or nullptr.
    const Estimate* Find(const std::string& name) const;
    /// The value of a measured estimate, if it is one.
    std::optional<double> Measured(const std::string& name) const;
    /// Add or replace.
    void Set(const Estimate& e);
};

} // namespace retrotcp::fit

#endif
