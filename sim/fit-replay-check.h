#ifndef RETROTCP_FIT_REPLAY_CHECK_H
#define RETROTCP_FIT_REPLAY_CHECK_H

#include "capture-fitter.h"
#include "fit-replay-writer.h"

#include <cstdint>
#include <string>

namespace retrotcp
{

/// How the simulated timeline of a replay differs from the captured one.
struct ReplayDifference
{
    uint32_t calls{0};     //!< captured calls matched with a simulated one
    uint32_t unmatched{0}; //!< captured calls with no simulated counterpart
    uint32_t syns{0};      //!< SYN times compared
    uint32_t missing{0};   //!< captured SYNs the replay did not send
    uint32_t extra{0};     //!< SYNs the replay sent (within the capture's span) that it lacks
    double largest{0};     //!< largest |simulated - captured| SYN time, seconds
    std::string where;     //!< which SYN that was
};

/**
 * \brief Compares a replay's simulated wire (its clients' PCAPs) with the
 * capture: the calls are matched by client, server, port and order, their SYNs
 * one by one, on the capture's clock (scenario time minus the plan's lead).
 */
class ReplayComparison
{
  public:
    /// \param runDir the replay's result folder (run with --pcap)
    static ReplayDifference Compare(const fit::CaptureFit& capture, const ReplayPlan& plan,
                                    const std::string& runDir);
};

} // namespace retrotcp

#endif
