#ifndef FIT_STACK_CANDIDATE_H
#define FIT_STACK_CANDIDATE_H

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace retrotcp::fit
{

/// What a stack does when its SYN is answered by RST|ACK.
enum class RstReaction
{
    Fail,   //!< the call fails at once (UNIX: ECONNREFUSED)
    Retry,  //!< the SYN is re-sent after a fixed interval (Winsock, Q175523)
    Ignore, //!< the RST changes nothing: SYNs go on by the timeout schedule (stock ns-3)
};

/// "fail", "retry" or "ignore".
const char* RstReactionName(RstReaction reaction);

/**
 * \brief The connect-time behaviour of one stack profile, in the terms the wire
 * can show: the SYN schedule, the reaction to a reset, the SYN's fields and the
 * local ports. Times are seconds.
 */
struct StackCandidate
{
    std::string name; //!< profile name
    RstReaction rstReaction{RstReaction::Fail};
    double rstRetryInterval{0.5};   //!< Retry: from a SYN to its re-send
    uint32_t maxRetransmissions{3}; //!< SYN re-sends per call, of any cause
    double synInitialTimeout{3};    //!< first SYN timeout
    double synTimeoutCap{0};        //!< upper bound of the timeout, 0 = none
    uint32_t synLinearRetries{0};   //!< re-sends before the timeout doubles
    double connectTimeout{0};       //!< overall deadline from the first SYN, 0 = none
    double timeWait{240};           //!< TIME-WAIT length
    uint16_t portMin{1025};         //!< ephemeral port range
    uint16_t portMax{5000};
    std::optional<uint16_t> mss;       //!< MSS option value; nothing: SYNs carry none
    std::optional<uint16_t> synWindow; //!< SYN window field, if known
    /// Parameters (LegacyTcpL4Protocol attribute names) a scenario can set for
    /// this profile; empty: all of them.
    std::set<std::string> settable;

    /// The SYN timeout after \p doublings timeout re-sends (linear phase, doubling, cap).
    double SynTimeout(uint32_t doublings) const;

    /// Re-sends of a call whose SYNs all go unanswered: maxRetransmissions, or
    /// fewer where the connect deadline comes first.
    uint32_t ResendsUnanswered() const;
};

} // namespace retrotcp::fit

#endif
