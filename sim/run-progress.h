#ifndef RETROTCP_RUN_PROGRESS_H
#define RETROTCP_RUN_PROGRESS_H

#include "ns3/nstime.h"

#include <chrono>
#include <cstdint>
#include <iosfwd>

namespace retrotcp
{

/**
 * \brief Progress of a run on the log stream: a line at most every second with the
 * share simulated, the wall time and an estimate of the time left, and a last line
 * at 100 %. The run is simulated in the same slices whether or not it is shown.
 */
class RunProgress
{
  public:
    RunProgress(std::ostream& log, ns3::Time end, bool enabled);
    /// After a slice: report if a second has passed since the last line.
    void Update(ns3::Time now, uint64_t events);
    /// At the end: the 100 % line, if any line was written.
    void Finish(ns3::Time now, uint64_t events);
    /// Wall seconds since the start.
    double WallSeconds() const;

  private:
    void Report(ns3::Time now, uint64_t events);

    std::ostream& m_log;
    ns3::Time m_end;
    bool m_enabled;
    bool m_reported{false};
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last;
};

} // namespace retrotcp

#endif
