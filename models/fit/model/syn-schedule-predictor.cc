#include "syn-schedule-predictor.h"

#include <algorithm>

namespace retrotcp::fit
{

CallPrediction
SynSchedulePredictor::Predict(const ConnectCall& call, const StackCandidate& stack)
{
    CallPrediction p;
    p.gaps.assign(call.syns.size(), std::nullopt);
    uint32_t resends = 0;
    uint32_t doublings = 0;
    double start = double(call.StartNs()) * 1e-9;
    for (size_t k = 0; k < call.syns.size(); ++k)
    {
        const SynRecord& syn = call.syns[k];
        double t = double(syn.timeNs) * 1e-9;
        std::optional<double> gap;
        bool timeout = false;
        std::string stop;
        if (syn.answer == SynAnswer::SynAck)
        {
            stop = "established";
        }
        else if (syn.answer == SynAnswer::Rst && stack.rstReaction == RstReaction::Fail)
        {
            stop = "refused";
        }
        else if (syn.answer == SynAnswer::Rst && stack.rstReaction == RstReaction::Retry)
        {
            if (resends >= stack.maxRetransmissions)
            {
                stop = "refused";
            }
            else
            {
                double answerDelay = double(syn.answerNs - syn.timeNs) * 1e-9;
                gap = std::max(stack.rstRetryInterval, answerDelay);
            }
        }
        else
        {
            double timeoutGap = stack.SynTimeout(doublings);
            if (stack.connectTimeout > 0 && t - start + timeoutGap >= stack.connectTimeout)
            {
                stop = "deadline";
            }
            else if (resends >= stack.maxRetransmissions)
            {
                stop = "timed_out";
            }
            else
            {
                gap = timeoutGap;
                timeout = true;
            }
        }
        if (k + 1 == call.syns.size())
        {
            p.next = gap;
            p.stop = stop;
            break;
        }
        if (!gap)
        {
            // The stack would have stopped here: every later observed SYN is
            // one it would not send.
            p.stop = stop;
            break;
        }
        p.gaps[k + 1] = gap;
        ++resends;
        doublings += timeout ? 1 : 0;
    }
    return p;
}

} // namespace retrotcp::fit
