#include "clock-isn-generator.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ClockIsnGenerator");

void
ClockIsnGenerator::SetZeroMode(bool zero)
{
    m_zero = zero;
}

void
ClockIsnGenerator::SetOffsetVariable(Ptr<RandomVariableStream> offset)
{
    m_variable = offset;
    m_drawn = false;
}

Ptr<RandomVariableStream>
ClockIsnGenerator::GetOffsetVariable() const
{
    return m_variable;
}

SequenceNumber32
ClockIsnGenerator::Next(Time now)
{
    if (m_zero)
    {
        return SequenceNumber32(0);
    }
    if (!m_drawn)
    {
        m_offset = m_variable ? static_cast<uint32_t>(m_variable->GetInteger()) : 0;
        m_drawn = true;
        NS_LOG_LOGIC("ISN clock offset " << m_offset);
    }
    // One tick per 4 microseconds, wrapping modulo 2^32.
    auto ticks = static_cast<uint64_t>(now.GetNanoSeconds() / 4000);
    return SequenceNumber32(static_cast<uint32_t>(m_offset + ticks));
}

} // namespace ns3
