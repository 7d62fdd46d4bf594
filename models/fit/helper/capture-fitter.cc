#include "capture-fitter.h"

#include "client-traits-analyzer.h"

#include <cmath>

namespace retrotcp::fit
{

CaptureFitter::CaptureFitter(std::vector<StackCandidate> candidates)
    : m_candidates(std::move(candidates))
{
}

CaptureFit
CaptureFitter::Fit(const std::string& capture, const AttemptFilter& filter) const
{
    CaptureFit result;
    std::vector<TcpSegment> segments = CaptureReader::ReadAll(capture, &result.info);
    if (!result.info.truncation.empty())
    {
        result.warnings.push_back("the capture is cut short after frame " +
                                  std::to_string(result.info.frames) + " (" +
                                  result.info.truncation + "); fitted what came before");
    }
    AttemptExtractor extractor(filter);
    std::vector<ConnectCall> calls = extractor.Extract(std::move(segments));
    result.duplicates = extractor.Duplicates();
    if (calls.empty())
    {
        std::string what =
            result.info.tcpSegments == 0
                ? "no TCP/IPv4 segment in " + std::to_string(result.info.frames) + " frames"
                : "no TCP connect attempt (SYN without ACK) in " +
                      std::to_string(result.info.tcpSegments) + " TCP segments";
        if (extractor.Filtered() > 0)
        {
            what += " matching --client/--server (" + std::to_string(extractor.Filtered()) +
                    " SYNs left out)";
        }
        throw NoAttemptsError(capture + ": " + what);
    }
    std::map<Ipv4, std::vector<ConnectCall>> byClient;
    for (auto& call : calls)
    {
        byClient[call.client].push_back(std::move(call));
    }
    for (auto& [client, clientCalls] : byClient)
    {
        result.clients.push_back(FitClient(client, std::move(clientCalls), result.info.lastNs,
                                           result.info.resolutionNs));
    }
    return result;
}

ClientFit
CaptureFitter::FitClient(Ipv4 client, std::vector<ConnectCall> calls, int64_t endNs,
                         int64_t resolutionNs) const
{
    ClientFit fit;
    fit.client = client;
    fit.calls = std::move(calls);
    TimingEstimator timing(fit.calls, endNs, resolutionNs);
    ClientTraitsAnalyzer traits(fit.calls);
    fit.outcomes = timing.Outcomes();
    fit.jitter = timing.Jitter();
    fit.serverRtt = timing.ServerRtt();
    for (const auto* set : {&timing.Estimates(), &traits.Estimates()})
    {
        for (const auto& e : set->items)
        {
            fit.estimates.Set(e);
        }
    }
    fit.evidence = timing.Evidence();
    fit.evidence.insert(fit.evidence.end(), traits.Evidence().begin(), traits.Evidence().end());
    fit.cannotTell = timing.CannotTell();
    fit.cannotTell.insert(fit.cannotTell.end(), traits.CannotTell().begin(),
                          traits.CannotTell().end());
    // Each profile is scored as it is and tuned: with the overrides the wire asks
    // for, each costing kTuningCost (prior odds e^-2 against a changed default);
    // the reaction to a reset is the stack's nature, not a setting, and costs a
    // mismatch twice over. Profiles rank by the tuned score.
    ProfileScorer scorer(fit.calls, endNs, fit.jitter, traits.Estimates());
    std::vector<std::vector<ParameterOverride>> overrides;
    for (const auto& c : m_candidates)
    {
        ProfileScore asIs = scorer.Score(c);
        StackCandidate adjusted;
        overrides.push_back(OverrideSelector::Select(c, fit.estimates, adjusted));
        ProfileScore tuned = scorer.Score(adjusted);
        tuned.name = c.name;
        tuned.asIs = asIs.logLikelihood;
        tuned.contradictions = asIs.contradictions;
        for (const auto& o : overrides.back())
        {
            tuned.overrides.push_back(o.name + "=" + o.value);
            tuned.logLikelihood -=
                o.name == "ConnectRetryPolicy" ? 2 * ProfileScorer::kMismatch : kTuningCost;
            tuned.fingerprint += o.name + "=" + o.value + ";";
        }
        fit.scores.push_back(tuned);
    }
    fit.groups = ProfileScorer::Rank(m_candidates, fit.scores);
    fit.best = fit.groups.front().members.front();
    for (size_t i = 0; i < m_candidates.size(); ++i)
    {
        if (m_candidates[i].name == fit.best)
        {
            fit.overrides = overrides[i];
            fit.adjusted = fit.scores[i];
        }
    }
    for (auto& line : fit.evidence)
    {
        std::string consistent = ConsistentProfiles(line, fit);
        if (!consistent.empty())
        {
            line.text += ": " + consistent;
        }
    }
    for (const auto& group : fit.groups)
    {
        if (group.members.size() > 1 && !group.differences.empty() &&
            group.logLikelihood == fit.groups.front().logLikelihood)
        {
            std::string names;
            for (const auto& m : group.members)
            {
                names += (names.empty() ? "" : ", ") + m;
            }
            std::string diffs;
            for (const auto& d : group.differences)
            {
                diffs += (diffs.empty() ? "" : "; ") + d;
            }
            fit.cannotTell.push_back("which of " + names + ": they differ only in " + diffs);
        }
    }
    return fit;
}

std::string
CaptureFitter::ConsistentProfiles(const EvidenceLine& line, const ClientFit& fit) const
{
    // The profiles whose own values agree with this aspect of the estimates.
    const EstimateSet& e = fit.estimates;
    auto near = [](double estimate, double value, double u) {
        return std::fabs(estimate - value) <= std::max(3 * u, 0.001 + 0.03 * estimate);
    };
    std::string names;
    for (const auto& c : m_candidates)
    {
        bool ok = false;
        if (line.aspect == "rst")
        {
            const Estimate* policy = e.Find("ConnectRetryPolicy");
            const Estimate* interval = e.Find("RstRetryInterval");
            ok = policy && policy->text == RstReactionName(c.rstReaction);
            if (ok && c.rstReaction == RstReaction::Retry && interval &&
                interval->certainty == Certainty::Measured)
            {
                ok = near(interval->value, c.rstRetryInterval, interval->uncertainty);
            }
        }
        else if (line.aspect == "schedule")
        {
            const Estimate* initial = e.Find("SynInitialTimeout");
            const Estimate* linear = e.Find("SynLinearRetries");
            ok = initial && near(initial->value, c.synInitialTimeout, initial->uncertainty);
            if (ok && linear && linear->certainty == Certainty::Measured)
            {
                ok = c.synLinearRetries == uint32_t(linear->value);
            }
        }
        else if (line.aspect == "resends")
        {
            const Estimate* max = e.Find("MaxConnectRetransmissions");
            bool refused = max && max->note.find("refused") != std::string::npos;
            ok = max && max->certainty == Certainty::Measured &&
                 (refused ? c.maxRetransmissions : c.ResendsUnanswered()) == uint32_t(max->value);
        }
        else
        {
            return "";
        }
        if (ok)
        {
            names += (names.empty() ? "" : ", ") + c.name;
        }
    }
    return names.empty() ? "no profile" : names;
}

} // namespace retrotcp::fit
