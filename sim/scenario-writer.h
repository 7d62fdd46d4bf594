#ifndef RETROTCP_SCENARIO_WRITER_H
#define RETROTCP_SCENARIO_WRITER_H

#include "scenario.h"

#include <nlohmann/json.hpp>
#include <string>

namespace retrotcp
{

/**
 * \brief The scenario as it ran, fully resolved: every key with its value (defaults
 * filled in), every stack's profile values expanded into its "parameters" (profile
 * first, then the host's own, as the run applies them; LAN Manager stacks in
 * PROTOCOL.INI names). Loading it gives the same run: ParseScenario(ResolvedScenario(s))
 * resolves to the same document again.
 */
nlohmann::ordered_json ResolvedScenario(const Scenario& scenario);

/// ResolvedScenario() as the text of scenario.json (2-space indent, final newline).
std::string ResolvedScenarioText(const Scenario& scenario);

} // namespace retrotcp

#endif
