#ifndef RETROTCP_SCENARIO_LOADER_H
#define RETROTCP_SCENARIO_LOADER_H

#include "scenario.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace retrotcp
{

/**
 * \brief Read and parse a scenario file; syntax errors are reported as
 * FILE:LINE:COLUMN. Throws ScenarioError.
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
