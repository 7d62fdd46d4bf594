#ifndef FIT_CAPTURE_FITTER_H
#define FIT_CAPTURE_FITTER_H

#include "attempt-extractor.h"
#include "capture-reader.h"
#include "connect-call.h"
#include "estimate.h"
#include "override-selector.h"
#include "profile-scorer.h"
#include "stack-candidate.h"
#include "timing-estimator.h"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace retrotcp::fit
{

/// A capture that holds no connect attempt (after the filters).
class NoAttemptsError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

/// Everything the fit found for one client address.
struct ClientFit
{
    Ipv4 client{0};
    std::vector<ConnectCall> calls;
    std::vector<CallOutcome> outcomes;  //!< per call
    EstimateSet estimates;              //!< timing and SYN/port traits
    std::vector<EvidenceLine> evidence; //!< wire facts (with consistent profiles appended)
    std::vector<std::string> cannotTell;
    double jitter{0};                         //!< seconds
    std::map<Ipv4, double> serverRtt;         //!< median RTT per server
    std::vector<ProfileScore> scores;         //!< in candidate order
    std::vector<ProfileGroup> groups;         //!< ranked
    std::string best;                         //!< first member of the first group
    std::vector<ParameterOverride> overrides; //!< for best
    ProfileScore adjusted;                    //!< best with the overrides, scored again
};

/// The result of fitting one capture.
struct CaptureFit
{
    CaptureInfo info;
    uint64_t duplicates{0};
    std::vector<ClientFit> clients; //!< by address
    std::vector<std::string> warnings;
};

/**
 * \brief The fit, end to end: read the capture, find the connect calls, and
 * for each client estimate its parameters, score the profiles, group those
 * the capture cannot tell apart, and choose overrides for the best.
 */
class CaptureFitter
{
  public:
    explicit CaptureFitter(std::vector<StackCandidate> candidates);

    /// Throws CaptureError (unreadable) or NoAttemptsError (no connect attempt).
    CaptureFit Fit(const std::string& capture, const AttemptFilter& filter = {}) const;

    /// Fit calls already extracted (\p endNs: the capture's last frame time).
    ClientFit FitClient(Ipv4 client, std::vector<ConnectCall> calls, int64_t endNs,
                        int64_t resolutionNs) const;

    const std::vector<StackCandidate>&
    Candidates() const
    {
        return m_candidates;
    }

    /// What one override costs a profile's score.
    static constexpr double kTuningCost = 2;

  private:
    std::string ConsistentProfiles(const EvidenceLine& line, const ClientFit& fit) const;

    std::vector<StackCandidate> m_candidates;
};

} // namespace retrotcp::fit

#endif
