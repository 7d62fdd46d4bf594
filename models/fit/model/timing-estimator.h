#ifndef FIT_TIMING_ESTIMATOR_H
#define FIT_TIMING_ESTIMATOR_H

#include "connect-call.h"
#include "estimate.h"
#include "stack-candidate.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace retrotcp::fit
{

/// What became of a call, as far as the capture shows.
struct CallOutcome
{
    std::string word;   //!< established, refused, timed_out, reset, unfinished
    std::string detail; //!< e.g. "refused after 4 RST|ACKs"
};

/**
 * \brief Estimates the connect-timing parameters of one client's stack from its
 * calls: the round-trip time, the reaction to RST|ACK and the re-send interval,
 * the unanswered-SYN schedule (initial timeout, linear re-sends, doubling, cap)
 * and the number of re-sends, each with its uncertainty or as a bound, and says
 * what the calls cannot tell.
 *
 * A call whose SYNs stop before the end of the capture, with room for one more
 * on the estimated schedule, is finished; otherwise it is "unfinished" and
 * counts only as a lower bound.
 */
class TimingEstimator
{
  public:
    /**
     * \param calls one client's calls, in start order
     * \param captureEndNs time of the capture's last frame
     * \param resolutionNs timestamp resolution of the capture
     */
    TimingEstimator(const std::vector<ConnectCall>& calls, int64_t captureEndNs,
                    int64_t resolutionNs);

    /// The estimates (names are stack attribute names, plus "Rtt" and "RstReaction").
    const EstimateSet& Estimates() const;
    /// The reaction to a reset, if the capture shows one.
    std::optional<RstReaction> Reaction() const;
    /// One line per wire fact found, e.g. "unanswered SYN gaps 3, 6, 12 s: ...".
    const std::vector<EvidenceLine>& Evidence() const;
    /// What the capture cannot tell.
    const std::vector<std::string>& CannotTell() const;
    /// Per call (same order), its outcome.
    const std::vector<CallOutcome>& Outcomes() const;
    /// Timing jitter of the capture (s): spread of the round-trip times, at least 1 ms.
    double Jitter() const;
    /// Median RTT to each server address (s).
    const std::map<Ipv4, double>& ServerRtt() const;

    /// Median of \p values (not empty).
    static double Median(std::vector<double> values);

  private:
    void EstimateRtt();
    void EstimateRstReaction();
    void EstimateSchedule();
    void EstimateRetransmissions();
    /// The schedule as estimated so far, as a candidate (for censoring).
    StackCandidate Schedule() const;
    /// Uncertainty of a median of \p values.
    double Uncertainty(const std::vector<double>& values) const;
    bool Finished(const ConnectCall& call, double nextGap) const;
    double
    Seconds(int64_t ns) const
    {
        return double(ns) * 1e-9;
    }

    const std::vector<ConnectCall>& m_calls;
    int64_t m_endNs;
    double m_resolution;
    double m_jitter{0.001};
    EstimateSet m_estimates;
    std::optional<RstReaction> m_reaction;
    std::vector<EvidenceLine> m_evidence;
    std::vector<std::string> m_cannotTell;
    std::vector<CallOutcome> m_outcomes;
    std::map<Ipv4, double> m_serverRtt;
    std::vector<std::vector<double>> m_timeoutGaps; //!< by doublings before the gap
};

} // namespace retrotcp::fit

#endif
