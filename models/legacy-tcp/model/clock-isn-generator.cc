#include "clock-isn-generator.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ClockIsnGenerator");

namespace
{
// splitmix64's finaliser: every input bit affects every output bit.
uint64_t
Mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
} // namespace

void
ClockIsnGenerator::SetMode(Mode mode)
{
    m_mode = mode;
}

void
ClockIsnGenerator::SetIncrement(uint32_t increment)
{
    m_increment = increment;
}

void
ClockIsnGenerator::SetOffsetVariable(Ptr<RandomVariableStream> offset)
{
    m_variable.Set(offset);
    m_drawn = false;
}

void
ClockIsnGenerator::SetOffsetTemplate(Ptr<RandomVariableStream> offset)
{
    m_variable.SetTemplate(offset);
    m_drawn = false;
}

Ptr<RandomVariableStream>
ClockIsnGenerator::GetOffsetVariable() const
{
    return m_variable.Peek();
}

void
ClockIsnGenerator::SetStream(int64_t stream)
{
    m_variable.SetStream(stream);
}

uint32_t
ClockIsnGenerator::GetSecret()
{
    if (!m_drawn)
    {
        Ptr<RandomVariableStream> variable = m_variable.Get();
        m_offset = variable ? static_cast<uint32_t>(variable->GetInteger()) : 0;
        m_drawn = true;
        NS_LOG_LOGIC("ISN clock offset " << m_offset);
    }
    return m_offset;
}

SequenceNumber32
ClockIsnGenerator::Next(Time now, const LegacyTcpFourTuple& key)
{
    if (m_mode == ZERO)
    {
        return SequenceNumber32(0);
    }
    uint32_t secret = GetSecret();
    // One tick per 4 microseconds, wrapping modulo 2^32.
    auto ticks = static_cast<uint32_t>(now.GetNanoSeconds() / 4000);
    if (m_mode == HASHED)
    {
        uint64_t tuple = (uint64_t(key.localAddress) << 32 | key.remoteAddress) ^
                         (uint64_t(key.localPort) << 16 | key.remotePort) * 0x9E3779B97F4A7C15ULL;
        auto f = static_cast<uint32_t>(Mix(tuple ^ Mix(secret)));
        return SequenceNumber32(ticks + f);
    }
    uint32_t step = m_increment * m_issued++;
    return SequenceNumber32(secret + ticks + step);
}

} // namespace ns3
