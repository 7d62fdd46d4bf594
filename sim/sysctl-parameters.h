#ifndef RETROTCP_SYSCTL_PARAMETERS_H
#define RETROTCP_SYSCTL_PARAMETERS_H

#include <nlohmann/json.hpp>
#include <string>

namespace retrotcp
{

struct StackProfile;
struct StackSpec;

/// True if \p profile takes Linux sysctl names (the linux profile).
bool TakesSysctlNames(const StackProfile& profile);

/**
 * \brief For a profile that takes them: read the sysctl names of \p parameters
 * (LinuxSysctlConfig: tcp_syn_retries, tcp_syn_linear_timeouts,
 * ip_local_port_range, with or without "net.ipv4.") and set the attributes they
 * stand for in stack.parameters, with the kernel's semantics. A sysctl and an
 * attribute it sets may not both be given; SynLinearRetries given as an attribute
 * is the linear count tcp_syn_retries adds to. Throws ScenarioError naming the
 * parameter's JSON path.
 */
void ApplySysctlParameters(const StackProfile& profile, const nlohmann::json& parameters,
                           const std::string& path, const std::string& file, StackSpec& stack);

} // namespace retrotcp

#endif
