#include "host-timer-clock.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

void
HostTimerClock::SetPhaseVariable(Ptr<RandomVariableStream> phase)
{
    m_variable.Set(phase);
    m_drawn = false;
}

void
HostTimerClock::SetPhaseTemplate(Ptr<RandomVariableStream> phase)
{
    m_variable.SetTemplate(phase);
    m_drawn = false;
}

Ptr<RandomVariableStream>
HostTimerClock::GetPhaseVariable() const
{
    return m_variable.Peek();
}

void
HostTimerClock::SetStream(int64_t stream)
{
    m_variable.SetStream(stream);
}

Time
HostTimerClock::Delay(Time now, Time timeout, Time tick)
{
    if (!tick.IsStrictlyPositive())
    {
        return timeout;
    }
    if (!m_drawn)
    {
        Ptr<RandomVariableStream> variable = m_variable.Get();
        double seconds = variable ? variable->GetValue() : 0.0;
        m_offsetNs = static_cast<int64_t>(std::llround(std::max(0.0, seconds) * 1e9));
        m_drawn = true;
    }
    const int64_t t = tick.GetNanoSeconds();
    const int64_t hostNow = now.GetNanoSeconds() + m_offsetNs;
    const int64_t ticks = std::max<int64_t>(1, (timeout.GetNanoSeconds() + t - 1) / t);
    const int64_t fire = (hostNow / t + ticks) * t;
    return NanoSeconds(fire - hostNow);
}

} // namespace ns3
