#ifndef HOST_TIMER_CLOCK_H
#define HOST_TIMER_CLOCK_H

#include "deferred-random-variable.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"

namespace ns3
{

/**
 * \brief A host's periodic timer clock, for stacks whose timers count ticks.
 *
 * 4.4BSD runs its TCP timers from two periodic interrupts, the fast timeout (every
 * 200 ms; it sends delayed ACKs) and the slow timeout (every 500 ms; it drives the
 * retransmission timer, which counts down in ticks). Windows NT counts its delayed
 * ACK timer in 100 ms ticks (TcpDelAckTicks). A timer of n ticks set between two
 * ticks fires at the n-th tick after it was set, so its delay is between
 * (n - 1) x tick and n x tick, depending on where the clock was in its period.
 *
 * The ticks count from the host's boot, which is a random offset before the start
 * of the simulation (drawn once, at first use, from the phase variable), so hosts
 * do not tick in step.
 */
class HostTimerClock
{
  public:
    /** \brief Set the boot-offset variable (seconds). \param phase the variable */
    void SetPhaseVariable(Ptr<RandomVariableStream> phase);
    /**
     * \brief Draw the boot offset from a copy of this variable, made at first use.
     * \param phase the template
     */
    void SetPhaseTemplate(Ptr<RandomVariableStream> phase);
    /** \return the boot-offset variable (or its template) */
    Ptr<RandomVariableStream> GetPhaseVariable() const;
    /** \brief Fix the variable's stream. \param stream the stream number */
    void SetStream(int64_t stream);
    /**
     * \brief Delay of a timer set now.
     * \param now the simulated time \param timeout the nominal timeout
     * \param tick the clock period; 0 = an exact timer (the delay is \p timeout)
     * \return when the timer fires, from now: at the ceil(timeout / tick)-th tick
     *         (at least the first) after now
     */
    Time Delay(Time now, Time timeout, Time tick);

  private:
    bool m_drawn{false};               //!< offset drawn
    int64_t m_offsetNs{0};             //!< boot offset, nanoseconds
    DeferredRandomVariable m_variable; //!< offset variable
};

} // namespace ns3

#endif
