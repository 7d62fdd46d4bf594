#ifndef FIT_CLIENT_TRAITS_ANALYZER_H
#define FIT_CLIENT_TRAITS_ANALYZER_H

#include "connect-call.h"
#include "estimate.h"

#include <string>
#include <vector>

namespace retrotcp::fit
{

/**
 * \brief What one client's calls show besides timing: the SYN's fields (MSS,
 * window, window scale, SACK, timestamps, option order, initial TTL), the
 * ephemeral ports (range seen and order of allocation) and, from a local port
 * used again to the same server port after an active close, an upper bound on
 * TIME-WAIT.
 */
class ClientTraitsAnalyzer
{
  public:
    explicit ClientTraitsAnalyzer(const std::vector<ConnectCall>& calls);

    /// SegmentSize, ReceiveWindow, WindowScale, SynOptions, InitialTtl,
    /// EphemeralPortMin, EphemeralPortMax, PortOrder, TimeWaitDelay.
    const EstimateSet& Estimates() const;
    /// Wire facts, one line each.
    const std::vector<EvidenceLine>& Evidence() const;
    /// What the calls cannot tell.
    const std::vector<std::string>& CannotTell() const;

  private:
    void SynFields();
    void Ports();
    void TimeWait();

    const std::vector<ConnectCall>& m_calls;
    EstimateSet m_estimates;
    std::vector<EvidenceLine> m_evidence;
    std::vector<std::string> m_cannotTell;
};

} // namespace retrotcp::fit

#endif
