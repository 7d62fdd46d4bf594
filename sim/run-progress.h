#ifndef RETROTCP_RUN_PROGRESS_H
#define RETROTCP_RUN_PROGRESS_H

#include "ns3/nstime.h"

#include <chrono>
#include <csignal>
#include <cstdint>
#include <iosfwd>
#include <stdexcept>

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

/**
 * \brief While it exists, SIGINT and SIGTERM ask the run to stop between two slices
 * (a second signal stops the process at once). Requested() says whether one came.
 */
class InterruptGuard
{
  public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    /// True once SIGINT or SIGTERM has arrived (also without a guard: false).
    static bool Requested();

  private:
    void (*m_oldInt)(int);
    void (*m_oldTerm)(int);
};

/// Thrown by the runner when an interrupt was requested; no result file is left.
class RunInterrupted : public std::runtime_error
{
  public:
    RunInterrupted(ns3::Time reached, ns3::Time end, double wallSeconds);
    ns3::Time reached;  //!< simulated time reached
    ns3::Time end;      //!< the scenario's duration
    double wallSeconds; //!< wall time spent
};

} // namespace retrotcp

#endif
