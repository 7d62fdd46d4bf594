#include "lanman-app-spec.h"

#include "json-reader.h"
#include "lanman-profile-registry.h"
#include "lanman-stack-config.h"
#include "profile-registry.h"
#include "scenario-error.h"
#include "scenario.h"

namespace retrotcp
{

using nlohmann::json;

bool
IsLanmanProfile(const StackProfile& profile)
{
    return ns3::LanmanProfileRegistry::VersionOf(profile.name).has_value();
}

void
ApplyLanmanStackParameters(const StackProfile& profile, const json& parameters,
                           const std::string& path, const std::string& file, StackSpec& stack)
{
    auto version = ns3::LanmanProfileRegistry::VersionOf(profile.name);
    ns3::LanmanStackConfig config(version.value_or(ns3::LanmanVersion::V2_2));
    bool any = false;
    if (parameters.is_object())
    {
        for (const auto& item : parameters.items())
        {
            if (!ns3::LanmanStackConfig::IsParameterName(item.key()))
            {
                continue;
            }
            std::string itemPath = path + "/" + JsonReader::Escape(item.key());
            std::string text =
                item.value().is_string() ? item.value().get<std::string>() : item.value().dump();
            if (auto expected = config.Set(item.key(), text))
            {
                throw ScenarioError(file, itemPath, *expected, JsonReader::Describe(item.value()));
            }
            any = true;
        }
    }
    if (auto problem = config.Validate())
    {
        throw ScenarioError(file, path, *problem, "the PROTOCOL.INI values given");
    }
    stack.nbSessions = config.GetNbSessions();
    if (!any)
    {
        return; // the profile's own values are the defaults
    }
    for (const auto& [attribute, value] : config.ToAttributes())
    {
        // Without MSL the profile's Msl (or the host's own Msl attribute) applies:
        // the derived default equals the profile's, and a resolved scenario.json
        // writes Msl as an exact duration next to the PROTOCOL.INI names.
        if (attribute == "Msl" && !parameters.contains("MSL"))
        {
            continue;
        }
        if (parameters.contains(attribute))
        {
            throw ScenarioError(file, path + "/" + attribute,
                                "either the attribute " + attribute +
                                    " or PROTOCOL.INI names (NBSESSIONS, ...), not both",
                                "both");
        }
        stack.parameters[attribute] = value;
    }
}

} // namespace retrotcp
