#include "sysctl-parameters.h"

#include "json-reader.h"
#include "linux-sysctl-config.h"
#include "message-text.h"
#include "profile-registry.h"
#include "scenario-error.h"
#include "scenario.h"

namespace retrotcp
{

using nlohmann::json;

namespace
{

// The attributes each sysctl sets: giving both is ambiguous.
const std::pair<const char*, const char*> kSets[] = {
    {"tcp_syn_retries", "MaxConnectRetransmissions"},
    {"tcp_syn_retries", "SynExpiryTime"},
    {"tcp_syn_linear_timeouts", "MaxConnectRetransmissions"},
    {"tcp_syn_linear_timeouts", "SynLinearRetries"},
    {"ip_local_port_range", "EphemeralPortMin"},
    {"ip_local_port_range", "EphemeralPortMax"},
};

} // namespace

bool
TakesSysctlNames(const StackProfile& profile)
{
    return profile.name == "linux";
}

void
ApplySysctlParameters(const StackProfile& profile, const json& parameters, const std::string& path,
                      const std::string& file, StackSpec& stack)
{
    ns3::LinuxSysctlConfig config;
    std::map<std::string, std::string> paths; // bare sysctl name -> its JSON path
    for (const auto& item : parameters.items())
    {
        const ns3::LinuxSysctl* sysctl = ns3::LinuxSysctlConfig::Find(item.key());
        if (!sysctl)
        {
            continue;
        }
        std::string itemPath = path + "/" + JsonReader::Escape(item.key());
        if (!paths.emplace(sysctl->name, itemPath).second)
        {
            throw ScenarioError(file, itemPath, "each sysctl once",
                                Quoted(sysctl->name) + " with and without net.ipv4.");
        }
        std::string text =
            item.value().is_string() ? item.value().get<std::string>() : item.value().dump();
        if (auto expected = config.Set(item.key(), text))
        {
            throw ScenarioError(file, itemPath, *expected, JsonReader::Describe(item.value()));
        }
    }
    for (const auto& [sysctl, attribute] : kSets)
    {
        if (paths.count(sysctl) && parameters.contains(attribute))
        {
            throw ScenarioError(file, paths.at(sysctl),
                                std::string("either the sysctl ") + sysctl + " or the attribute " +
                                    attribute + ", not both",
                                "both");
        }
    }
    if (paths.count("tcp_syn_retries") && !paths.count("tcp_syn_linear_timeouts") &&
        stack.parameters.count("SynLinearRetries"))
    {
        // The host's own linear count (checked as an attribute) is what the
        // kernel would add to tcp_syn_retries.
        config.Set("tcp_syn_linear_timeouts", stack.parameters.at("SynLinearRetries"));
    }
    for (const auto& [attribute, value] : config.ToAttributes())
    {
        std::vector<ParameterAssignment> assignments;
        if (auto problem = CheckParameter(profile, attribute, value, &assignments))
        {
            throw ScenarioError(file, path, *problem + " (from the sysctls)", value);
        }
        for (const auto& [name, v] : assignments)
        {
            stack.parameters[name] = v;
        }
    }
}

} // namespace retrotcp
