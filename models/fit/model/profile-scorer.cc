#include "profile-scorer.h"

#include "syn-schedule-predictor.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <sstream>

namespace retrotcp::fit
{

namespace
{
constexpr size_t kMaxContradictions = 4;

std::string
Sec(double s)
{
    std::ostringstream out;
    out << std::round(s * 1000) / 1000 << " s";
    return out.str();
}

void
Contradict(ProfileScore& score, const std::string& line)
{
    if (score.contradictions.size() < kMaxContradictions)
    {
        score.contradictions.push_back(line);
    }
}

std::string
StopWords(const std::string& stop)
{
    if (stop == "refused")
    {
        return "the call fails at the RST|ACK";
    }
    if (stop == "deadline")
    {
        return "its connect deadline has passed";
    }
    if (stop == "timed_out")
    {
        return "its re-sends are spent";
    }
    return "the call is established";
}
} // namespace

ProfileScorer::ProfileScorer(const std::vector<ConnectCall>& calls, int64_t captureEndNs,
                             double jitter, const EstimateSet& traits)
    : m_calls(calls)
    , m_endNs(captureEndNs)
    , m_jitter(jitter)
    , m_traits(traits)
{
}

double
ProfileScorer::Sigma(double gap) const
{
    return std::sqrt(m_jitter * m_jitter + 0.02 * gap * 0.02 * gap);
}

void
ProfileScorer::ScoreCall(size_t index, const StackCandidate& candidate, ProfileScore& score) const
{
    const ConnectCall& call = m_calls[index];
    CallPrediction p = SynSchedulePredictor::Predict(call, candidate);
    std::ostringstream fp;
    std::string label =
        "call " + std::to_string(index + 1) + " (port " + std::to_string(call.serverPort) + ")";
    for (size_t k = 1; k < call.syns.size(); ++k)
    {
        double observed = double(call.syns[k].timeNs - call.syns[k - 1].timeNs) * 1e-9;
        if (!p.gaps[k])
        {
            size_t extra = call.syns.size() - k;
            score.extraSyns += uint32_t(extra);
            score.logLikelihood -= kMismatch * double(extra);
            Contradict(score, label + ": would stop after SYN " + std::to_string(k) + " (" +
                                  StopWords(p.stop) + "); the capture shows " +
                                  std::to_string(extra) + " more");
            fp << "x" << extra << ";";
            break;
        }
        double predicted = *p.gaps[k];
        fp << std::llround(predicted * 1e6) << ";";
        double z = (observed - predicted) / Sigma(predicted);
        ++score.gapsCompared;
        if (std::fabs(z) < 3)
        {
            ++score.gapsMatched;
        }
        else
        {
            Contradict(score, label + ": SYN " + std::to_string(k + 1) + " came " + Sec(observed) +
                                  " after the previous one; the profile "
                                  "waits " +
                                  Sec(predicted));
        }
        score.logLikelihood -= std::min(z * z / 2, kMismatch);
    }
    if (p.next)
    {
        double quiet = double(m_endNs - call.LastSyn().timeNs) * 1e-9;
        double due = *p.next;
        if (quiet > due + 3 * Sigma(due))
        {
            ++score.missingSyns;
            score.logLikelihood -= kMismatch;
            Contradict(score, label + ": would re-send " + Sec(due) + " after SYN " +
                                  std::to_string(call.syns.size()) + "; the capture goes on " +
                                  Sec(quiet) + " without it");
            fp << "m" << std::llround(due * 1e6) << ";";
        }
        else
        {
            fp << "end;"; // the capture ends before it: as if the stack stopped
        }
    }
    else
    {
        fp << "end;";
    }
    score.fingerprint += fp.str() + "|";
}

void
ProfileScorer::ScoreTraits(const StackCandidate& c, ProfileScore& score) const
{
    const Estimate* lo = m_traits.Find("EphemeralPortMin");
    const Estimate* hi = m_traits.Find("EphemeralPortMax");
    if (lo && hi && (lo->value < c.portMin || hi->value > c.portMax))
    {
        score.logLikelihood -= kMismatch;
        Contradict(score, "local ports " + std::to_string(int(lo->value)) + "-" +
                              std::to_string(int(hi->value)) + " outside its range " +
                              std::to_string(c.portMin) + "-" + std::to_string(c.portMax));
        score.fingerprint += "ports;";
    }
    const Estimate* mss = m_traits.Find("SegmentSize");
    if (mss)
    {
        bool seen = mss->certainty == Certainty::Measured;
        if (seen != c.mss.has_value())
        {
            score.logLikelihood -= 3;
            Contradict(score, seen ? "SYNs carry an MSS option; the profile sends none"
                                   : "SYNs carry no MSS option; the profile sends one");
            score.fingerprint += "mss-option;";
        }
        else if (seen && uint16_t(mss->value) != *c.mss)
        {
            score.logLikelihood -= 1;
            Contradict(score, "MSS " + std::to_string(int(mss->value)) + "; the profile sends " +
                                  std::to_string(*c.mss));
            score.fingerprint += "mss;";
        }
    }
    const Estimate* window = m_traits.Find("ReceiveWindow");
    if (window && c.synWindow && uint16_t(window->value) != *c.synWindow)
    {
        score.logLikelihood -= 2;
        Contradict(score, "SYN window " + std::to_string(int(window->value)) +
                              "; the profile advertises " + std::to_string(*c.synWindow));
        score.fingerprint += "window;";
    }
}

ProfileScore
ProfileScorer::Score(const StackCandidate& candidate) const
{
    ProfileScore score;
    score.name = candidate.name;
    for (size_t i = 0; i < m_calls.size(); ++i)
    {
        ScoreCall(i, candidate, score);
    }
    ScoreTraits(candidate, score);
    return score;
}

std::vector<ProfileGroup>
ProfileScorer::Rank(const std::vector<StackCandidate>& candidates,
                    std::vector<ProfileScore>& scores)
{
    double best = -1e300;
    for (const auto& s : scores)
    {
        best = std::max(best, s.logLikelihood);
    }
    double total = 0;
    for (auto& s : scores)
    {
        s.probability = std::exp(s.logLikelihood - best);
        total += s.probability;
    }
    for (auto& s : scores)
    {
        s.probability /= total;
    }
    // Same fingerprint, same score: the capture cannot tell them apart.
    std::vector<ProfileGroup> groups;
    std::map<std::string, size_t> byFingerprint;
    std::vector<std::vector<const StackCandidate*>> members;
    for (size_t i = 0; i < scores.size(); ++i)
    {
        const ProfileScore& s = scores[i];
        auto key = s.fingerprint + "#" + std::to_string(std::llround(s.logLikelihood * 1e6));
        auto it = byFingerprint.find(key);
        if (it == byFingerprint.end())
        {
            byFingerprint[key] = groups.size();
            groups.push_back(ProfileGroup{{}, s.logLikelihood, 0, {}, &s});
            members.emplace_back();
            it = byFingerprint.find(key);
        }
        groups[it->second].members.push_back(s.name);
        groups[it->second].probability += s.probability;
        members[it->second].push_back(&candidates[i]);
    }
    for (size_t g = 0; g < groups.size(); ++g)
    {
        groups[g].differences = CandidateDifferences(members[g]);
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const ProfileGroup& a, const ProfileGroup& b) {
                         return a.logLikelihood > b.logLikelihood;
                     });
    return groups;
}

std::vector<std::string>
CandidateDifferences(const std::vector<const StackCandidate*>& members)
{
    using Field = std::function<std::string(const StackCandidate&)>;
    auto sec = [](double s) { return s > 0 ? Sec(s) : std::string("none"); };
    const std::vector<std::pair<std::string, Field>> fields = {
        {"ConnectRetryPolicy",
         [](const StackCandidate& c) { return RstReactionName(c.rstReaction); }},
        {"RstRetryInterval", [&](const StackCandidate& c) { return sec(c.rstRetryInterval); }},
        {"MaxConnectRetransmissions",
         [](const StackCandidate& c) { return std::to_string(c.maxRetransmissions); }},
        {"SynInitialTimeout", [&](const StackCandidate& c) { return sec(c.synInitialTimeout); }},
        {"SynTimeoutCap", [&](const StackCandidate& c) { return sec(c.synTimeoutCap); }},
        {"SynLinearRetries",
         [](const StackCandidate& c) { return std::to_string(c.synLinearRetries); }},
        {"ConnectTimeout", [&](const StackCandidate& c) { return sec(c.connectTimeout); }},
        {"TIME-WAIT", [&](const StackCandidate& c) { return sec(c.timeWait); }},
        {"ephemeral ports",
         [](const StackCandidate& c) {
             return std::to_string(c.portMin) + "-" + std::to_string(c.portMax);
         }},
        {"MSS", [](const StackCandidate& c) { return c.mss ? std::to_string(*c.mss) : "none"; }},
        {"SYN window",
         [](const StackCandidate& c) {
             return c.synWindow ? std::to_string(*c.synWindow) : "unknown";
         }},
    };
    std::vector<std::string> out;
    for (const auto& [name, get] : fields)
    {
        std::map<std::string, std::string> values; // value -> members
        for (const auto* c : members)
        {
            auto& names = values[get(*c)];
            names += (names.empty() ? "" : ", ") + c->name;
        }
        if (values.size() > 1)
        {
            std::string line = name + " (";
            std::string sep;
            for (const auto& [value, names] : values)
            {
                line += sep + names + ": " + value;
                sep = "; ";
            }
            out.push_back(line + ")");
        }
    }
    return out;
}

} // namespace retrotcp::fit
