#include "point-check.h"

#include "build-info.h"
#include "scenario-error.h"
#include "scenario-loader.h"
#include "scenario-writer.h"
#include "sha256.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

namespace retrotcp
{

using nlohmann::json;

int
CheckPoints(const std::string& scenarioFile, const std::vector<std::string>& overrides,
            const std::string& pointsFile, std::ostream& out)
{
    json points;
    {
        std::ifstream in(pointsFile);
        if (!in)
        {
            throw ScenarioError::Plain(pointsFile, "cannot read the --points file");
        }
        try
        {
            points = json::parse(in);
        }
        catch (const json::parse_error& e)
        {
            throw ScenarioError::Plain(pointsFile, std::string("invalid JSON: ") + e.what());
        }
    }
    if (!points.is_array())
    {
        throw ScenarioError(pointsFile, "", "an array of {\"set\": [...], \"seed\": N}",
                            points.type_name());
    }
    json results = json::array();
    bool allOk = true;
    for (size_t i = 0; i < points.size(); ++i)
    {
        const json& p = points[i];
        json result;
        try
        {
            std::vector<std::string> sets = overrides;
            std::optional<uint32_t> seed;
            if (!p.is_object() ||
                (p.contains("set") && !(p["set"].is_array() || p["set"].is_null())) ||
                (p.contains("seed") && !p["seed"].is_null() &&
                 !(p["seed"].is_number_unsigned() && p["seed"].get<uint64_t>() >= 1 &&
                   p["seed"].get<uint64_t>() <= UINT32_MAX)))
            {
                throw ScenarioError(pointsFile, "/" + std::to_string(i),
                                    "{\"set\": [\"PATH=VALUE\", ...], \"seed\": N >= 1}", p.dump());
            }
            if (p.contains("set") && p["set"].is_array())
            {
                for (const auto& s : p["set"])
                {
                    sets.push_back(s.is_string() ? s.get<std::string>() : s.dump());
                }
            }
            if (p.contains("seed") && !p["seed"].is_null())
            {
                seed = p["seed"].get<uint32_t>();
            }
            Scenario s = LoadScenario(scenarioFile, sets, seed);
            result = {{"ok", true},
                      {"scenario_sha256", Sha256Hex(ResolvedScenarioText(s))},
                      {"seed", s.seed}};
        }
        catch (const ScenarioError& e)
        {
            result = {{"ok", false}, {"error", e.what()}};
            allOk = false;
        }
        results.push_back(result);
    }
    out << json{{"program_id", GetBuildInfo().ProgramId()}, {"points", results}}.dump() << "\n";
    return allOk ? 0 : 2;
}

} // namespace retrotcp
