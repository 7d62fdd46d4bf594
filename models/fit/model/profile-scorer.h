#ifndef FIT_PROFILE_SCORER_H
#define FIT_PROFILE_SCORER_H

#include "connect-call.h"
#include "estimate.h"
#include "stack-candidate.h"

#include <cstdint>
#include <string>
#include <vector>

namespace retrotcp::fit
{

/// How well one profile explains a client's calls.
struct ProfileScore
{
    std::string name;
    double logLikelihood{0}; //!< sum of the evidence terms (0 = everything as predicted)
    double probability{0};   //!< share among the scored profiles, equal priors
    uint32_t gapsCompared{0};
    uint32_t gapsMatched{0};                 //!< within 3 sigma
    uint32_t extraSyns{0};                   //!< SYNs seen that the profile would not send
    uint32_t missingSyns{0};                 //!< SYNs the profile would send that the capture lacks
    std::vector<std::string> contradictions; //!< what disagrees, one line each
    std::string fingerprint;                 //!< equal for profiles that predict the same wire
    double asIs{0};                          //!< score of the profile at its own values
    std::vector<std::string> overrides;      //!< NAME=VALUE the tuned score assumes
};

/// Profiles the capture cannot tell apart, ranked together.
struct ProfileGroup
{
    std::vector<std::string> members;
    double logLikelihood{0};
    double probability{0};                //!< sum over the members
    std::vector<std::string> differences; //!< what the members differ in (unseen)
    const ProfileScore* score{nullptr};   //!< the first member's score
};

/**
 * \brief Scores stack profiles against one client's calls.
 *
 * Each observed SYN gap is compared with the gap the profile would leave
 * (SynSchedulePredictor) under Gaussian timing noise of sigma = sqrt(j^2 +
 * (0.02 g)^2) for a predicted gap g and the capture's jitter j: 2 % for timer
 * rounding. A term is at most 12.5 (5 sigma), and so is a SYN seen that the
 * profile would not send, or one it would send that the capture lacks. The
 * SYN's fields add small terms: local ports outside the profile's range 12.5,
 * MSS option present or absent against the profile 3, its value 1, the SYN
 * window 2. The probability of a profile is exp(score) normalised over all
 * profiles (equal priors).
 */
class ProfileScorer
{
  public:
    /// \param traits ClientTraitsAnalyzer's estimates for the same calls
    ProfileScorer(const std::vector<ConnectCall>& calls, int64_t captureEndNs, double jitter,
                  const EstimateSet& traits);

    /// Score one profile.
    ProfileScore Score(const StackCandidate& candidate) const;

    /**
     * \brief Normalise \p scores (one per candidate, same order) to
     * probabilities, rank them, and group the profiles with equal fingerprints.
     */
    static std::vector<ProfileGroup> Rank(const std::vector<StackCandidate>& candidates,
                                          std::vector<ProfileScore>& scores);

    /// The largest term one piece of evidence can add (5 sigma).
    static constexpr double kMismatch = 12.5;

  private:
    void ScoreCall(size_t index, const StackCandidate& candidate, ProfileScore& score) const;
    void ScoreTraits(const StackCandidate& candidate, ProfileScore& score) const;
    double Sigma(double gap) const;

    const std::vector<ConnectCall>& m_calls;
    int64_t m_endNs;
    double m_jitter;
    const EstimateSet& m_traits;
};

/// The parameters in which \p members differ, as "Name (a: x; b: y)".
std::vector<std::string> CandidateDifferences(const std::vector<const StackCandidate*>& members);

} // namespace retrotcp::fit

#endif
