#ifndef FIT_OVERRIDE_SELECTOR_H
#define FIT_OVERRIDE_SELECTOR_H

#include "estimate.h"
#include "stack-candidate.h"

#include <string>
#include <vector>

namespace retrotcp::fit
{

/// A parameter of the best profile set to what the capture shows instead.
struct ParameterOverride
{
    std::string name;  //!< LegacyTcpL4Protocol attribute name
    std::string value; //!< scenario value text, e.g. "500ms", "6", "Winsock"
    std::string reason;
};

/**
 * \brief Chooses the parameter overrides that make a profile reproduce the
 * capture: every parameter the capture measures (or bounds) whose profile value
 * it contradicts beyond the estimate's uncertainty. Times are written to the
 * millisecond where the estimate cannot tell finer, else to the microsecond.
 */
class OverrideSelector
{
  public:
    /**
     * \param profile the chosen profile
     * \param estimates the client's estimates
     * \param adjusted receives the profile with the overrides applied
     */
    static std::vector<ParameterOverride> Select(const StackCandidate& profile,
                                                 const EstimateSet& estimates,
                                                 StackCandidate& adjusted);

    /// A duration as scenario text ("3s", "500ms", "1.234567s"), rounded to
    /// whole milliseconds when that is within \p uncertainty.
    static std::string Duration(double seconds, double uncertainty);
};

} // namespace retrotcp::fit

#endif
