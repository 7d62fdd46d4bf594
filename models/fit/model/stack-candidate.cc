#include "stack-candidate.h"

namespace retrotcp::fit
{

const char*
RstReactionName(RstReaction reaction)
{
    switch (reaction)
    {
    case RstReaction::Retry:
        return "retry";
    case RstReaction::Ignore:
        return "ignore";
    case RstReaction::Fail:
        break;
    }
    return "fail";
}

double
StackCandidate::SynTimeout(uint32_t doublings) const
{
    // The timeout stays synInitialTimeout for the first synLinearRetries re-sends
    // (Linux tcp_syn_linear_timeouts), then doubles with each, up to the cap
    // (Windows 95: 2 minutes; Q175523).
    uint32_t n = doublings > synLinearRetries ? doublings - synLinearRetries : 0;
    double timeout = synInitialTimeout;
    for (uint32_t i = 0; i < n && i < 40; ++i)
    {
        timeout *= 2;
        if (synTimeoutCap > 0 && timeout >= synTimeoutCap)
        {
            return synTimeoutCap;
        }
    }
    return timeout;
}

uint32_t
StackCandidate::ResendsUnanswered() const
{
    if (connectTimeout <= 0)
    {
        return maxRetransmissions;
    }
    double t = 0;
    uint32_t n = 0;
    while (n < maxRetransmissions && t + SynTimeout(n) < connectTimeout)
    {
        t += SynTimeout(n);
        ++n;
    }
    return n;
}

} // namespace retrotcp::fit
