#ifndef RETROTCP_INTERRUPT_H
#define RETROTCP_INTERRUPT_H

#include <memory>
#include <stdexcept>
#include <string>

namespace retrotcp
{

/// A run stopped by SIGINT, SIGTERM or SIGHUP; the command exits 128 + Signal().
class Interrupted : public std::runtime_error
{
  public:
    explicit Interrupted(int signal);
    /** \brief The same interrupt, saying how far the run got. \param where "at 37% (...)" */
    Interrupted(const Interrupted& from, const std::string& where);

    int
    Signal() const
    {
        return m_signal;
    }

  private:
    int m_signal;
};

/**
 * \brief While one exists, SIGINT, SIGTERM and SIGHUP do not kill the process: a
 * watcher thread notes the first one and stops the simulator (from the watcher,
 * through ns-3's thread-safe ScheduleWithContext), and the run then throws
 * Interrupted at its next check (CheckInterrupt), which removes its staging
 * folder. One per process, on the main thread.
 */
class InterruptWatch
{
  public:
    InterruptWatch();
    ~InterruptWatch();
    InterruptWatch(const InterruptWatch&) = delete;
    InterruptWatch& operator=(const InterruptWatch&) = delete;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Throw Interrupted if a signal came (no-op without an InterruptWatch).
void CheckInterrupt();

/// Tell the watcher whether the simulator is between Simulator::Run() calls of a
/// live simulation (it may be stopped) or not (created or destroyed: hands off).
void SetSimulating(bool simulating);

/// "SIGINT", "SIGTERM", ...
std::string SignalName(int signal);

} // namespace retrotcp

#endif
