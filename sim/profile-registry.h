#ifndef RETROTCP_PROFILE_REGISTRY_H
#define RETROTCP_PROFILE_REGISTRY_H

#include "legacy-tcp-profile.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace retrotcp
{

/// Which TCP implementation a profile runs on.
enum class StackKind
{
    Stock,  //!< ns-3.37's own TcpSocketBase, unchanged (for comparison)
    Legacy, //!< retrotcp's LegacyTcpL4Protocol
};

/// One value a profile sets, with where it comes from.
struct ProfileValue
{
    std::string parameter; //!< attribute name
    std::string value;     //!< value text, with unit
    std::string source;    //!< document, or "assumption, because ..."
};

/// A named set of stack attributes.
struct StackProfile
{
    std::string name;
    std::string description;
    StackKind kind{StackKind::Stock};
    std::vector<ProfileValue> values;
    /// The models' profile this one lists (legacy profiles), else nullptr.
    const ns3::LegacyTcpProfile* legacy{nullptr};
};

/// Every profile, in listing order: ns3-stock (the tool's own), then the models'
/// (LanmanProfileRegistry, LegacyTcpProfileRegistry).
const std::vector<StackProfile>& AllProfiles();

/// The profile called \p name, or nullptr.
const StackProfile* FindProfile(const std::string& name);

/// The ns-3 TypeId whose attributes the profile's parameters are.
std::string ParameterTypeId(const StackProfile& profile);

/// An attribute assignment: attribute name and value text.
using ParameterAssignment = std::pair<std::string, std::string>;

/**
 * \brief Check one per-host parameter of a profile and translate it into attribute
 * assignments. \p name is an attribute of ParameterTypeId(profile) or, for legacy
 * profiles, a Windows registry name (TcpMaxConnectRetransmissions,
 * MaxConnectRetries, TcpTimedWaitDelay in seconds, MaxUserPort, TcpInitialRtt in
 * milliseconds). Returns what was expected if the parameter is not acceptable,
 * nothing if it is (then \p assignments holds what to set).
 */
std::optional<std::string> CheckParameter(const StackProfile& profile, const std::string& name,
                                          const std::string& value,
                                          std::vector<ParameterAssignment>* assignments = nullptr);

/**
 * \brief The attributes of a legacy profile's TypeId that the profile does not set,
 * with their model defaults as value text (durations in the scenario syntax). With
 * \p scenarioSettable only those a scenario can set (CheckParameter() accepts their
 * type). Empty for stock profiles.
 */
std::vector<ParameterAssignment> ModelDefaults(const StackProfile& profile,
                                               bool scenarioSettable = false);

} // namespace retrotcp

#endif
