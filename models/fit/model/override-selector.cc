#include "override-selector.h"

#include <cmath>
#include <sstream>

namespace retrotcp::fit
{

namespace
{
double
Tolerance(const Estimate& e)
{
    return std::max(3 * e.uncertainty, 0.001 + 0.01 * e.value);
}

} // namespace

std::string
OverrideSelector::Duration(double seconds, double uncertainty)
{
    double ms = std::round(seconds * 1000);
    std::ostringstream out;
    if (std::fabs(seconds - ms / 1000) <= std::max(uncertainty, 1e-9))
    {
        if (std::fmod(ms, 1000) == 0)
        {
            out << int64_t(ms / 1000) << "s";
        }
        else
        {
            out << int64_t(ms) << "ms";
        }
        return out.str();
    }
    out << std::llround(seconds * 1e6) << "us";
    return out.str();
}

std::vector<ParameterOverride>
OverrideSelector::Select(const StackCandidate& profile, const EstimateSet& estimates,
                         StackCandidate& adjusted)
{
    std::vector<ParameterOverride> out;
    adjusted = profile;
    auto measured = [&](const char* name) -> const Estimate* {
        const Estimate* e = estimates.Find(name);
        return e && e->certainty == Certainty::Measured ? e : nullptr;
    };
    auto ok = [&](const std::string& name) {
        return profile.settable.empty() || profile.settable.count(name) > 0;
    };
    auto time = [&](const char* name, double& field, const char* why) {
        const Estimate* e = ok(name) ? measured(name) : nullptr;
        if (e && std::fabs(e->value - field) > Tolerance(*e))
        {
            out.push_back({name, Duration(e->value, e->uncertainty), why});
            field = e->value;
        }
    };
    const Estimate* policy = measured("ConnectRetryPolicy");
    if (policy && ok("ConnectRetryPolicy") && profile.rstReaction != RstReaction::Ignore &&
        policy->text != "ignore" && policy->text != RstReactionName(profile.rstReaction))
    {
        bool retry = policy->text == "retry";
        out.push_back(
            {"ConnectRetryPolicy", retry ? "Winsock" : "Unix",
             retry ? "the SYN is re-sent after a RST|ACK" : "the first RST|ACK fails the call"});
        adjusted.rstReaction = retry ? RstReaction::Retry : RstReaction::Fail;
    }
    if (adjusted.rstReaction == RstReaction::Retry)
    {
        time("RstRetryInterval", adjusted.rstRetryInterval, "re-send interval after a RST|ACK");
    }
    time("SynInitialTimeout", adjusted.synInitialTimeout, "gap after an unanswered first SYN");
    if (const Estimate* e = ok("SynLinearRetries") ? estimates.Find("SynLinearRetries") : nullptr)
    {
        bool low = e->certainty == Certainty::LowerBound && adjusted.synLinearRetries < e->value;
        bool other = e->certainty == Certainty::Measured && adjusted.synLinearRetries != e->value;
        if (low || other)
        {
            adjusted.synLinearRetries = uint32_t(e->value);
            out.push_back({"SynLinearRetries", std::to_string(adjusted.synLinearRetries),
                           low ? "at least this many equal timeout gaps"
                               : "equal timeout gaps before the first doubled one"});
        }
    }
    if (const Estimate* e = ok("SynTimeoutCap") ? estimates.Find("SynTimeoutCap") : nullptr)
    {
        double cap = adjusted.synTimeoutCap;
        if (e->certainty == Certainty::Measured &&
            (cap == 0 || std::fabs(e->value - cap) > Tolerance(*e)))
        {
            out.push_back({"SynTimeoutCap", Duration(e->value, e->uncertainty),
                           "the timeout stops doubling there"});
            adjusted.synTimeoutCap = e->value;
        }
        else if (e->certainty == Certainty::LowerBound && cap > 0 && cap < e->value - 0.001)
        {
            out.push_back({"SynTimeoutCap", "0s", "timeouts longer than the profile's cap"});
            adjusted.synTimeoutCap = 0;
        }
    }
    const Estimate* deadline = ok("ConnectTimeout") ? measured("ConnectTimeout") : nullptr;
    if (const Estimate* e =
            ok("MaxConnectRetransmissions") ? measured("MaxConnectRetransmissions") : nullptr)
    {
        uint32_t n = uint32_t(e->value);
        bool fromRefused = e->note.find("refused") != std::string::npos;
        uint32_t effective =
            fromRefused ? adjusted.maxRetransmissions : adjusted.ResendsUnanswered();
        if (effective != n || (fromRefused && adjusted.maxRetransmissions != n))
        {
            out.push_back({"MaxConnectRetransmissions", std::to_string(n), e->note});
            adjusted.maxRetransmissions = n;
            if (!fromRefused && adjusted.connectTimeout > 0 && !deadline && ok("ConnectTimeout"))
            {
                out.push_back({"ConnectTimeout", "0s", "the SYNs stop at the re-send count"});
                adjusted.connectTimeout = 0;
            }
        }
    }
    if (deadline && std::fabs(deadline->value - adjusted.connectTimeout) > deadline->uncertainty)
    {
        out.push_back(
            {"ConnectTimeout", Duration(deadline->value, deadline->uncertainty), deadline->note});
        adjusted.connectTimeout = deadline->value;
    }
    if (const Estimate* e = measured("SegmentSize");
        e && ok("SegmentSize") && profile.mss && *profile.mss != e->value)
    {
        out.push_back({"SegmentSize", std::to_string(int(e->value)), "MSS option of the SYN"});
        adjusted.mss = uint16_t(e->value);
    }
    if (const Estimate* e = measured("ReceiveWindow");
        e && ok("ReceiveWindow") && profile.synWindow && *profile.synWindow != e->value)
    {
        out.push_back({"ReceiveWindow", std::to_string(int(e->value)), "window of the SYN"});
        adjusted.synWindow = uint16_t(e->value);
    }
    const Estimate* lo = estimates.Find("EphemeralPortMin");
    const Estimate* hi = estimates.Find("EphemeralPortMax");
    if (lo && hi && ok("EphemeralPortMin") &&
        (lo->value < profile.portMin || hi->value > profile.portMax))
    {
        adjusted.portMin = uint16_t(lo->value);
        adjusted.portMax = uint16_t(std::max<double>(hi->value, profile.portMax));
        out.push_back(
            {"EphemeralPortMin", std::to_string(adjusted.portMin), "the lowest local port seen"});
        out.push_back({"EphemeralPortMax", std::to_string(adjusted.portMax),
                       "covers the highest local port seen"});
    }
    return out;
}

} // namespace retrotcp::fit
