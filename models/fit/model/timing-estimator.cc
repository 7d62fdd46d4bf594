#include "timing-estimator.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace retrotcp::fit
{

namespace
{
// Ratios of successive timeouts: "the same" and "doubled" (Q175523: "doubled
// with each successive retransmission").
bool
SameTimeout(double ratio)
{
    return ratio > 0.8 && ratio < 1.25;
}

bool
Doubled(double ratio)
{
    return ratio >= 1.5;
}

std::string
Sec(double s)
{
    std::ostringstream out;
    if (s < 0.1)
    {
        out << std::round(s * 1e6) / 1e3 << " ms";
        return out.str();
    }
    out << std::round(s * 1000) / 1000;
    return out.str() + " s";
}

std::string
List(const std::vector<double>& values)
{
    std::ostringstream out;
    for (size_t i = 0; i < values.size(); ++i)
    {
        out << (i ? ", " : "") << std::round(values[i] * 1000) / 1000;
    }
    return out.str() + " s";
}

uint32_t
Mode(const std::vector<uint32_t>& values)
{
    std::map<uint32_t, uint32_t> counts;
    for (uint32_t v : values)
    {
        ++counts[v];
    }
    uint32_t best = values.front();
    for (const auto& [v, c] : counts)
    {
        if (c > counts[best])
        {
            best = v;
        }
    }
    return best;
}
} // namespace

TimingEstimator::TimingEstimator(const std::vector<ConnectCall>& calls, int64_t captureEndNs,
                                 int64_t resolutionNs)
    : m_calls(calls)
    , m_endNs(captureEndNs)
    , m_resolution(double(resolutionNs) * 1e-9)
{
    EstimateRtt();
    EstimateRstReaction();
    EstimateSchedule();
    EstimateRetransmissions();
}

double
TimingEstimator::Median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double
TimingEstimator::Uncertainty(const std::vector<double>& values) const
{
    // Spread of the samples (median absolute deviation, as a standard deviation)
    // over sqrt(n), never below the capture's jitter over sqrt(n) nor its
    // timestamp resolution.
    double median = Median(values);
    std::vector<double> deviations;
    for (double v : values)
    {
        deviations.push_back(std::fabs(v - median));
    }
    double sd = 1.4826 * Median(deviations);
    double n = double(values.size());
    return std::max({sd / std::sqrt(n), m_jitter / std::sqrt(n), m_resolution});
}

void
TimingEstimator::EstimateRtt()
{
    std::map<Ipv4, std::vector<double>> byServer;
    std::vector<double> all;
    for (const auto& call : m_calls)
    {
        for (const auto& syn : call.syns)
        {
            if (syn.answer != SynAnswer::None)
            {
                double rtt = Seconds(syn.answerNs - syn.timeNs);
                byServer[call.server].push_back(rtt);
                all.push_back(rtt);
            }
        }
    }
    std::vector<double> deviations;
    for (const auto& [server, samples] : byServer)
    {
        double median = Median(samples);
        m_serverRtt[server] = median;
        for (double s : samples)
        {
            deviations.push_back(std::fabs(s - median));
        }
    }
    Estimate rtt{"Rtt", Certainty::Unknown, 0, 0, "s", "", 0, ""};
    if (all.empty())
    {
        rtt.note = "no SYN was answered";
        m_estimates.Set(rtt);
        return;
    }
    m_jitter = std::max(0.001, deviations.size() >= 3 ? 3 * 1.4826 * Median(deviations) : 0.0);
    rtt.certainty = Certainty::Measured;
    rtt.value = Median(all);
    rtt.uncertainty = Uncertainty(all);
    rtt.samples = uint32_t(all.size());
    auto [lo, hi] = std::minmax_element(all.begin(), all.end());
    rtt.note = "SYN to answer at the capture point, " + std::to_string(all.size()) +
               " answers, from " + Sec(*lo) + " to " + Sec(*hi);
    m_estimates.Set(rtt);
    m_evidence.push_back({"rtt", "round trip " + Sec(rtt.value) + " (median of " +
                                     std::to_string(all.size()) + " SYN answers)"});
}

void
TimingEstimator::EstimateRstReaction()
{
    std::vector<double> afterRst;
    bool doubling = false;
    uint32_t failedAtOnce = 0;
    uint32_t refusedCalls = 0;
    for (const auto& call : m_calls)
    {
        std::vector<double> gaps;
        for (size_t k = 0; k + 1 < call.syns.size(); ++k)
        {
            if (call.syns[k].answer == SynAnswer::Rst)
            {
                gaps.push_back(Seconds(call.syns[k + 1].timeNs - call.syns[k].timeNs));
            }
        }
        for (size_t i = 1; i < gaps.size(); ++i)
        {
            doubling = doubling || Doubled(gaps[i] / gaps[i - 1]);
        }
        afterRst.insert(afterRst.end(), gaps.begin(), gaps.end());
        if (call.LastSyn().answer == SynAnswer::Rst)
        {
            ++refusedCalls;
            // Quiet long after a lone refused SYN: no stack of the profiles waits
            // longer than 3 s (the stock timeout) to re-send.
            double quiet = Seconds(m_endNs - call.LastSyn().timeNs);
            if (call.syns.size() == 1 && quiet > 3.5)
            {
                ++failedAtOnce;
            }
        }
    }
    Estimate reaction{"ConnectRetryPolicy", Certainty::Unknown, 0, 0, "", "", 0, ""};
    Estimate interval{"RstRetryInterval", Certainty::Unknown, 0, 0, "s", "", 0, ""};
    if (!afterRst.empty() && doubling)
    {
        m_reaction = RstReaction::Ignore;
        reaction.text = "ignore";
        reaction.note = "the SYNs after RST|ACKs follow the doubling timeout schedule";
        m_evidence.push_back({"rst",
                              "RST|ACKs neither end the call nor speed up the SYNs: re-sends "
                              "follow the timeout schedule"});
        interval.note = "RST|ACKs are ignored";
    }
    else if (!afterRst.empty())
    {
        m_reaction = RstReaction::Retry;
        reaction.text = "retry";
        interval.certainty = Certainty::Measured;
        interval.value = Median(afterRst);
        interval.uncertainty = Uncertainty(afterRst);
        interval.samples = uint32_t(afterRst.size());
        interval.note = "SYN to the re-send after its RST|ACK, " + std::to_string(afterRst.size()) +
                        " re-sends";
        reaction.note = "the SYN is re-sent after a RST|ACK";
        m_evidence.push_back({"rst", "after each RST|ACK the SYN is re-sent " +
                                         Sec(interval.value) + " later (" +
                                         std::to_string(afterRst.size()) + " re-sends)"});
    }
    else if (failedAtOnce > 0)
    {
        m_reaction = RstReaction::Fail;
        reaction.text = "fail";
        reaction.note = "a call ends at its first RST|ACK";
        interval.note = "the first RST|ACK ends the call: no re-send to measure";
        m_evidence.push_back({"rst", "the first RST|ACK fails the call (" +
                                         std::to_string(failedAtOnce) + " calls): UNIX-style"});
    }
    else
    {
        std::string why = refusedCalls == 0
                              ? "no refused connect seen: nothing about the reaction to RST|ACK "
                                "or the re-send interval after one"
                              : "the capture ends too soon after each RST|ACK to see whether "
                                "the SYN would be re-sent";
        reaction.note = why;
        interval.note = why;
        m_cannotTell.push_back(why);
    }
    reaction.samples = uint32_t(afterRst.size() + failedAtOnce);
    reaction.certainty = m_reaction ? Certainty::Measured : Certainty::Unknown;
    m_estimates.Set(reaction);
    m_estimates.Set(interval);
}

void
TimingEstimator::EstimateSchedule()
{
    bool ignoreRst = m_reaction == RstReaction::Ignore;
    for (const auto& call : m_calls)
    {
        size_t d = 0;
        for (size_t k = 0; k + 1 < call.syns.size(); ++k)
        {
            SynAnswer a = call.syns[k].answer;
            if (a == SynAnswer::None || (a == SynAnswer::Rst && ignoreRst))
            {
                if (m_timeoutGaps.size() <= d)
                {
                    m_timeoutGaps.resize(d + 1);
                }
                m_timeoutGaps[d].push_back(Seconds(call.syns[k + 1].timeNs - call.syns[k].timeNs));
                ++d;
            }
        }
    }
    Estimate initial{"SynInitialTimeout", Certainty::Unknown, 0, 0, "s", "", 0, ""};
    Estimate linear{"SynLinearRetries", Certainty::Unknown, 0, 0, "count", "", 0, ""};
    Estimate cap{"SynTimeoutCap", Certainty::Unknown, 0, 0, "s", "", 0, ""};
    Estimate factor{"SynBackoffFactor", Certainty::Unknown, 0, 0, "", "", 0, ""};
    if (m_timeoutGaps.empty())
    {
        std::string why = "no unanswered SYN was re-sent: nothing about the SYN timeout, its "
                          "doubling or its cap";
        initial.note = linear.note = cap.note = factor.note = why;
        m_cannotTell.push_back(why);
        for (const auto& e : {initial, linear, cap, factor})
        {
            m_estimates.Set(e);
        }
        return;
    }
    std::vector<double> medians;
    for (const auto& gaps : m_timeoutGaps)
    {
        medians.push_back(Median(gaps));
    }
    initial.certainty = Certainty::Measured;
    initial.value = medians[0];
    initial.uncertainty = Uncertainty(m_timeoutGaps[0]);
    initial.samples = uint32_t(m_timeoutGaps[0].size());
    initial.note = "gap after the first unanswered SYN";
    // Walk the timeouts: equal ones (linear phase), then doublings, then a cap.
    size_t firstDoubling = 0;
    std::vector<double> ratios;
    for (size_t d = 1; d < medians.size(); ++d)
    {
        double r = medians[d] / medians[d - 1];
        if (firstDoubling == 0 && SameTimeout(r))
        {
            continue;
        }
        if (firstDoubling == 0 && Doubled(r))
        {
            firstDoubling = d;
            ratios.push_back(r);
            continue;
        }
        if (firstDoubling != 0 && r > 1.9)
        {
            ratios.push_back(r);
            continue;
        }
        if (firstDoubling != 0 && cap.certainty == Certainty::Unknown)
        {
            cap.certainty = Certainty::Measured;
            cap.value = medians[d];
            cap.uncertainty = Uncertainty(m_timeoutGaps[d]);
            cap.samples = uint32_t(m_timeoutGaps[d].size());
            cap.note = "the timeout stops doubling at " + Sec(medians[d]);
        }
    }
    // Every gap of the linear phase is the initial timeout: estimate it from all.
    size_t linearEnd = firstDoubling == 0 ? medians.size() : firstDoubling;
    std::vector<double> pooled;
    for (size_t d = 0; d < linearEnd; ++d)
    {
        pooled.insert(pooled.end(), m_timeoutGaps[d].begin(), m_timeoutGaps[d].end());
    }
    initial.value = Median(pooled);
    initial.uncertainty = Uncertainty(pooled);
    initial.samples = uint32_t(pooled.size());
    if (linearEnd > 1)
    {
        initial.note = "gaps at the initial timeout (the first " + std::to_string(linearEnd) +
                       " of each unanswered call)";
    }
    std::string shape;
    if (medians.size() == 1)
    {
        linear.note = factor.note = "one unanswered re-send per call: nothing about doubling";
        m_cannotTell.push_back("only one timeout gap per call: nothing about linear re-sends, "
                               "doubling or a cap");
        shape = "initial " + Sec(medians[0]);
    }
    else if (firstDoubling == 0)
    {
        linear.certainty = Certainty::LowerBound;
        linear.value = double(medians.size() - 1);
        linear.note = "every timeout gap is the same: no doubling seen";
        factor.note = "no doubling seen";
        shape = "initial " + Sec(initial.value) + ", not doubled";
    }
    else
    {
        linear.certainty = Certainty::Measured;
        linear.value = double(firstDoubling - 1);
        linear.samples = uint32_t(m_timeoutGaps[firstDoubling].size());
        linear.note = "re-sends at the initial timeout before the first doubled gap";
        factor.certainty = Certainty::Measured;
        factor.value = Median(ratios);
        factor.uncertainty = Uncertainty(ratios);
        factor.samples = uint32_t(ratios.size());
        factor.note = "ratio of successive timeouts";
        shape = "initial " + Sec(initial.value) +
                (firstDoubling > 1 ? ", " + std::to_string(firstDoubling - 1) + " linear re-sends"
                                   : std::string()) +
                ", then doubling";
    }
    if (cap.certainty == Certainty::Unknown)
    {
        double largest = *std::max_element(medians.begin(), medians.end());
        cap.certainty = Certainty::LowerBound;
        cap.value = largest;
        cap.note = "not reached: no cap below the largest timeout seen";
        m_cannotTell.push_back("the SYN timeout cap: not reached (at least " + Sec(largest) + ")");
    }
    else
    {
        shape += ", capped at " + Sec(cap.value);
    }
    m_evidence.push_back({"schedule", "unanswered SYN gaps " + List(medians) + ": " + shape});
    for (const auto& e : {initial, linear, cap, factor})
    {
        m_estimates.Set(e);
    }
}

StackCandidate
TimingEstimator::Schedule() const
{
    StackCandidate s;
    s.synInitialTimeout = m_estimates.Measured("SynInitialTimeout").value_or(3.0);
    const Estimate* linear = m_estimates.Find("SynLinearRetries");
    s.synLinearRetries =
        linear && linear->certainty != Certainty::Unknown ? uint32_t(linear->value) : 0;
    s.synTimeoutCap = m_estimates.Measured("SynTimeoutCap").value_or(0.0);
    s.rstRetryInterval = m_estimates.Measured("RstRetryInterval").value_or(3.0);
    return s;
}

bool
TimingEstimator::Finished(const ConnectCall& call, double nextGap) const
{
    // Room for one more SYN: the capture goes on past it by more than the jitter.
    double quiet = Seconds(m_endNs - call.LastSyn().timeNs);
    return quiet > nextGap * 1.05 + 3 * m_jitter;
}

void
TimingEstimator::EstimateRetransmissions()
{
    StackCandidate schedule = Schedule();
    bool ignoreRst = m_reaction == RstReaction::Ignore;
    std::vector<uint32_t> refused;
    std::vector<uint32_t> timedOut;
    uint32_t atLeast = 0;
    double deadlineLow = 0;
    double deadlineHigh = 1e18;
    for (const auto& call : m_calls)
    {
        uint32_t resends = uint32_t(call.syns.size() - 1);
        uint32_t doublings = 0;
        for (size_t k = 0; k + 1 < call.syns.size(); ++k)
        {
            SynAnswer a = call.syns[k].answer;
            doublings += (a == SynAnswer::None || (a == SynAnswer::Rst && ignoreRst)) ? 1 : 0;
        }
        const SynRecord& last = call.LastSyn();
        CallOutcome outcome;
        if (call.established || last.answer == SynAnswer::SynAck)
        {
            outcome = {"established", "established at SYN " + std::to_string(resends + 1)};
        }
        else if (call.clientReset)
        {
            outcome = {"reset", "the client reset the connection after the SYN|ACK"};
        }
        else if (last.answer == SynAnswer::Rst && !ignoreRst)
        {
            bool retries = m_reaction == RstReaction::Retry;
            double next = retries ? schedule.rstRetryInterval : 3.0;
            if (m_reaction == RstReaction::Fail || Finished(call, next))
            {
                outcome = {"refused", "refused after " + std::to_string(resends + 1) + " RST|ACK" +
                                          (resends ? "s" : "")};
                if (retries)
                {
                    refused.push_back(resends);
                }
            }
            else
            {
                outcome = {"unfinished", "the capture ends before the next re-send"};
                atLeast = std::max(atLeast, resends);
            }
        }
        else
        {
            double next = schedule.SynTimeout(doublings);
            double lastOffset = Seconds(last.timeNs - call.StartNs());
            if (Finished(call, next))
            {
                outcome = {"timed_out",
                           std::to_string(resends + 1) + " SYNs, no answer to the last"};
                timedOut.push_back(resends);
                deadlineLow = std::max(deadlineLow, lastOffset);
                deadlineHigh = std::min(deadlineHigh, lastOffset + next);
            }
            else
            {
                outcome = {"unfinished", "the capture ends before the next SYN would be due"};
                atLeast = std::max(atLeast, resends);
            }
        }
        m_outcomes.push_back(outcome);
    }
    Estimate max{"MaxConnectRetransmissions", Certainty::Unknown, 0, 0, "count", "", 0, ""};
    Estimate deadline{"ConnectTimeout", Certainty::Unknown, 0, 0, "s", "", 0, ""};
    deadline.note = "no deadline other than the re-send count shows";
    if (!refused.empty())
    {
        max.certainty = Certainty::Measured;
        max.value = Mode(refused);
        max.samples = uint32_t(refused.size());
        max.note = "re-sends of refused calls";
        m_evidence.push_back({"resends", "refused calls re-send the SYN " +
                                             std::to_string(Mode(refused)) + " times (" +
                                             std::to_string(refused.size()) + " calls)"});
        if (!timedOut.empty() && Mode(timedOut) < Mode(refused))
        {
            deadline.certainty = Certainty::Measured;
            deadline.value = (deadlineLow + deadlineHigh) / 2;
            deadline.uncertainty = (deadlineHigh - deadlineLow) / 2;
            deadline.samples = uint32_t(timedOut.size());
            deadline.note = "unanswered calls stop earlier than refused ones: a deadline after " +
                            Sec(deadlineLow) + " and by " + Sec(deadlineHigh);
        }
    }
    else if (!timedOut.empty())
    {
        max.certainty = Certainty::Measured;
        max.value = Mode(timedOut);
        max.samples = uint32_t(timedOut.size());
        max.note = "re-sends of unanswered calls; a connect deadline after " + Sec(deadlineLow) +
                   " and by " + Sec(deadlineHigh) + " would look the same";
        m_evidence.push_back({"resends", "unanswered calls stop after " +
                                             std::to_string(Mode(timedOut)) + " re-sends (" +
                                             std::to_string(timedOut.size()) + " calls)"});
        m_cannotTell.push_back("whether the SYNs stop at a re-send count or at a connect "
                               "deadline (after " +
                               Sec(deadlineLow) + ", by " + Sec(deadlineHigh) + ")");
        deadline.note = "cannot be told from a re-send count (no refused call re-sent)";
    }
    else if (atLeast > 0)
    {
        max.certainty = Certainty::LowerBound;
        max.value = atLeast;
        max.note = "no call seen to its end: the capture stops first";
        m_cannotTell.push_back("the number of SYN re-sends: no failing call is seen to its end "
                               "(at least " +
                               std::to_string(atLeast) + ")");
    }
    else
    {
        max.note = "no failing call seen to its end";
        m_cannotTell.push_back("the number of SYN re-sends: no failing call seen to its end");
    }
    m_estimates.Set(max);
    m_estimates.Set(deadline);
}

const EstimateSet&
TimingEstimator::Estimates() const
{
    return m_estimates;
}

std::optional<RstReaction>
TimingEstimator::Reaction() const
{
    return m_reaction;
}

const std::vector<EvidenceLine>&
TimingEstimator::Evidence() const
{
    return m_evidence;
}

const std::vector<std::string>&
TimingEstimator::CannotTell() const
{
    return m_cannotTell;
}

const std::vector<CallOutcome>&
TimingEstimator::Outcomes() const
{
    return m_outcomes;
}

double
TimingEstimator::Jitter() const
{
    return m_jitter;
}

const std::map<Ipv4, double>&
TimingEstimator::ServerRtt() const
{
    return m_serverRtt;
}

} // namespace retrotcp::fit
