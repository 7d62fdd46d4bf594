#ifndef RETROTCP_SCENARIO_LOADER_H
#define RETROTCP_SCENARIO_LOADER_H

#include "scenario.h"

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace retrotcp
{

/// Deepest nesting of objects and arrays a scenario (or a --set value) may have.
constexpr size_t kMaxJsonDepth = 32;

/// Address plan limits (topology.h): LANs, addresses per LAN, WAN links.
constexpr size_t kMaxLans = 255;
constexpr uint64_t kMaxAddressesPerLan = 65534;
constexpr size_t kMaxWanLinks = 16384;
/// Hosts in all: what a 24 GiB machine holds (docs/user-guide.md, "Large runs").
constexpr uint64_t kMaxHosts = 500000;

/// Seeds ns-3's generator (MRG32k3a) accepts: 1 to its second modulus - 1.
constexpr uint32_t kMinSeed = 1;
constexpr uint32_t kMaxSeed = 4294944442U;

/**
 * \brief Check and parse scenario text (UTF-8, nesting at most kMaxJsonDepth,
 * JSON); errors are reported as FILE:LINE:COLUMN. Throws ScenarioError.
 */
nlohmann::json ParseScenarioText(const std::string& text, const std::string& file);

/**
 * \brief Read and parse a scenario file (ParseScenarioText); its name must be UTF-8.
 * Throws ScenarioError.
 */
nlohmann::json ReadScenarioJson(const std::string& file);

/**
 * \brief Apply one "--set PATH=VALUE" to a scenario document.
 *
 * PATH is dot-separated; an array is indexed by position or, for arrays of named
 * objects (lans, wan_links, hosts), by name: "hosts.client.count". VALUE is read
 * as JSON when it parses as JSON (50, true, "x", {...}), else as a plain string
 * ("3s"). The last key may be new (validation then decides if it is allowed);
 * every other segment must exist. Throws ScenarioError naming the --set.
 */
void ApplyOverride(nlohmann::json& document, const std::string& assignment);

/**
 * \brief Validate a scenario document and turn it into a Scenario. Throws
 * ScenarioError at the first problem.
 */
Scenario ParseScenario(const nlohmann::json& document, const std::string& file);

/**
 * \brief ReadScenarioJson, every ApplyOverride in order, ParseScenario, then the
 * seed override if any.
 */
Scenario LoadScenario(const std::string& file, const std::vector<std::string>& overrides,
                      std::optional<uint32_t> seed = std::nullopt);

} // namespace retrotcp

#endif
