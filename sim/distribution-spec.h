#ifndef RETROTCP_DISTRIBUTION_SPEC_H
#define RETROTCP_DISTRIBUTION_SPEC_H

#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace retrotcp
{

class JsonReader;

/**
 * \brief A workload value drawn at random (docs/scenario-format.md, "Random
 * workloads"): a distribution of durations or of byte counts, and the named
 * stream it is drawn from.
 *
 * Parameters are kept exactly as written (durations in nanoseconds, sizes in
 * bytes), so that scenario.json writes them back unchanged.
 */
struct DistributionSpec
{
    /// The distribution.
    enum class Kind
    {
        Constant,    //!< params: value
        Uniform,     //!< params: min, max (sizes: every byte count in [min, max] alike)
        Exponential, //!< params: mean, max (0 = none; draws above it are drawn again)
        Normal,      //!< params: mean, stddev, bound (draws beyond mean +- bound drawn again)
        Empirical,   //!< values: one of them, each alike (repeat one to weight it)
    };

    /// What the values are.
    enum class Unit
    {
        Duration, //!< nanoseconds
        Bytes,    //!< bytes
    };

    Kind kind{Kind::Constant};   //!< the distribution
    Unit unit{Unit::Duration};   //!< its values
    std::vector<int64_t> params; //!< as listed for each kind
    std::vector<int64_t> values; //!< empirical values
    std::string stream;          //!< name of its stream (default: the JSON pointer)
    std::string path;            //!< JSON pointer where it is given

    /// The mean, in seconds or bytes (for estimates).
    double Mean() const;
    /// The smallest value it can draw, in seconds or bytes.
    double Min() const;
};

/**
 * \brief Read \p key of \p r as a distribution if it is an object; nothing if the
 * key is absent or holds a plain value (which the caller reads as before).
 * Sizes are at most \p maxBytes. Throws ScenarioError for a bad distribution.
 */
std::optional<DistributionSpec> ReadDistribution(const JsonReader& r, const char* key,
                                                 DistributionSpec::Unit unit,
                                                 uint64_t maxBytes = 1U << 30);

/// The distribution as scenario.json writes it (its stream named).
nlohmann::ordered_json DistributionJson(const DistributionSpec& d);

/**
 * \brief The ns-3 stream number of member \p member of a host group for stream
 * \p name: 2^40 + FNV-1a-32(name) x 2^20 + member, so a stream's draws depend only
 * on its name, the member and the run's seed and run number.
 */
int64_t DistributionStreamNumber(const std::string& name, uint32_t member);

/**
 * \brief A random variable that draws \p d (seconds or bytes) on the stream of
 * group member \p member.
 */
ns3::Ptr<ns3::RandomVariableStream> MakeDistributionVariable(const DistributionSpec& d,
                                                             uint32_t member);

} // namespace retrotcp

#endif
