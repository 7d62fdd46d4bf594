#ifndef RETROTCP_PROFILE_REGISTRY_H
#define RETROTCP_PROFILE_REGISTRY_H

#include <optional>
#include <string>
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
};

/// Every profile, in listing order.
const std::vector<StackProfile>& AllProfiles();

/// The profile called \p name, or nullptr.
const StackProfile* FindProfile(const std::string& name);

/// The ns-3 TypeId whose attributes the profile's parameters are.
std::string ParameterTypeId(const StackProfile& profile);

/**
 * \brief Check one per-host parameter of a profile; returns what was expected if
 * \p value is not acceptable, nothing if it is.
 */
std::optional<std::string> CheckParameter(const StackProfile& profile, const std::string& name,
                                          const std::string& value);

} // namespace retrotcp

#endif
