#ifndef RETROTCP_FIT_PROFILES_H
#define RETROTCP_FIT_PROFILES_H

#include "override-selector.h"
#include "profile-registry.h"
#include "stack-candidate.h"

#include <map>
#include <string>
#include <vector>

namespace retrotcp
{

/**
 * \brief Every profile of `retrotcp profiles`, in the terms `retrotcp fit`
 * scores: the one place where the fit reads the profile registry. Each value is
 * the profile's own, else the model attribute's default.
 */
std::vector<fit::StackCandidate> FitCandidates();

/**
 * \brief A scenario's stack.parameters for \p profile with the fit's overrides:
 * legacy profiles take them as they are; ns3-stock takes what TcpSocket has
 * (ConnTimeout, ConnCount) and \p dropped lists the rest.
 */
std::map<std::string, std::string> ReplayParameters(
    const StackProfile& profile, const std::vector<fit::ParameterOverride>& overrides,
    std::vector<std::string>& dropped);

} // namespace retrotcp

#endif
