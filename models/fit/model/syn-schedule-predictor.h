#ifndef FIT_SYN_SCHEDULE_PREDICTOR_H
#define FIT_SYN_SCHEDULE_PREDICTOR_H

#include "connect-call.h"
#include "stack-candidate.h"

#include <optional>
#include <string>
#include <vector>

namespace retrotcp::fit
{

/// What a stack would have sent for a call, given the answers the call got.
struct CallPrediction
{
    /// Per observed SYN k >= 1, the gap from SYN k-1 the stack would leave;
    /// nothing where it would have sent no SYN k at all.
    std::vector<std::optional<double>> gaps;
    /// One more SYN after the last observed one, this long after it; nothing if
    /// the stack would have stopped.
    std::optional<double> next;
    /// Why the stack stops after the last SYN it sends: established, refused,
    /// timed_out, deadline, or empty if it would go on.
    std::string stop;
};

/**
 * \brief Replays a stack's SYN rules over one observed call: after each SYN
 * and its answer (none, RST|ACK or SYN|ACK), when would the stack send the next
 * SYN, or stop? The rules are the model's: one re-send counter for timeouts and
 * resets (MaxConnectRetransmissions), the timeout doubling after the linear
 * re-sends up to the cap, a re-send RstRetryInterval after the previous SYN (or
 * at the RST|ACK, if later) under Winsock, and the connect deadline.
 */
class SynSchedulePredictor
{
  public:
    /// Predict \p call under \p stack.
    static CallPrediction Predict(const ConnectCall& call, const StackCandidate& stack);
};

} // namespace retrotcp::fit

#endif
