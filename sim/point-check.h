#ifndef RETROTCP_POINT_CHECK_H
#define RETROTCP_POINT_CHECK_H

#include <iosfwd>
#include <string>
#include <vector>

namespace retrotcp
{

/**
 * \brief `retrotcp validate SCENARIO --points FILE`: check many variants of one
 * scenario at once (scripts/sweep checks every grid point before it runs any).
 *
 * FILE holds a JSON array of points, {"set": ["PATH=VALUE", ...], "seed": N}
 * ("seed" optional). Each point is loaded as `run` would load it: the common
 * \p overrides, then its own "set", then its seed. Writes one JSON document to
 * \p out: {"program_id": ..., "points": [{"ok": true, "scenario_sha256": ...,
 * "seed": N} or {"ok": false, "error": "..."}, ...]} in FILE's order.
 * \return 0 if every point is valid, 2 if any is not (or FILE is unreadable:
 * throws ScenarioError then)
 */
int CheckPoints(const std::string& scenarioFile, const std::vector<std::string>& overrides,
                const std::string& pointsFile, std::ostream& out);

} // namespace retrotcp

#endif
