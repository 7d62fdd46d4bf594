#include "ephemeral-port-allocator.h"

#include "ns3/abort.h"
#include "ns3/assert.h"
#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EphemeralPortAllocator");

void
EphemeralPortAllocator::SetRange(uint16_t min, uint16_t max)
{
    NS_ABORT_MSG_IF(min == 0, "ephemeral port range must start at 1 or above");
    NS_ABORT_MSG_IF(!m_refs.empty(), "ephemeral range changed while ports are in use");
    m_min = min;
    m_max = max < min ? min : max;
    m_next = m_min;
}

uint16_t
EphemeralPortAllocator::GetMin() const
{
    return m_min;
}

uint16_t
EphemeralPortAllocator::GetMax() const
{
    return m_max;
}

bool
EphemeralPortAllocator::InRange(uint16_t port) const
{
    return port >= m_min && port <= m_max;
}

void
EphemeralPortAllocator::SetHashed(bool hashed)
{
    m_hashed = hashed;
}

uint16_t
EphemeralPortAllocator::Allocate(uint64_t destination)
{
    uint32_t size = uint32_t(m_max) - m_min + 1;
    if (m_inRange >= size)
    {
        NS_LOG_LOGIC("all " << size << " ephemeral ports in use");
        return 0;
    }
    if (m_hashed)
    {
        return AllocateHashed(destination);
    }
    // BSD in_pcbbind: cycle through the range from the last port handed out.
    for (uint32_t i = 0; i < size; ++i)
    {
        uint16_t port = m_next;
        m_next = (m_next >= m_max) ? m_min : uint16_t(m_next + 1);
        if (m_refs.find(port) == m_refs.end())
        {
            Acquire(port);
            return port;
        }
    }
    return 0;
}

uint16_t
EphemeralPortAllocator::AllocateHashed(uint64_t destination)
{
    // Linux keeps 65536 perturbation slots; 256 keep the same shape for a host
    // talking to a few servers, at 1 KiB per host (allocated at first use).
    const uint32_t kSlots = 256;
    if (m_perturb.empty())
    {
        m_perturb.assign(kSlots, 0);
    }
    const uint32_t size = uint32_t(m_max) - m_min + 1;
    uint32_t& perturb = m_perturb[destination % kSlots];
    uint32_t offset = (perturb + uint32_t(destination >> 16)) % size;
    const uint32_t step = size > 1 ? 2 : 1;
    offset &= ~1U; // connect() tries ports of the even offset first
    for (uint32_t parity = 0; parity < step; ++parity, ++offset)
    {
        for (uint32_t i = 0; i < size; i += step)
        {
            auto port = uint16_t(m_min + (offset + i) % size);
            if (m_refs.find(port) == m_refs.end())
            {
                Acquire(port);
                // "add a little bit of randomness to the next source port": the
                // kernel draws 0..7 steps; a hash of the allocation count stands in.
                uint64_t r = (destination ^ ++m_allocations) * 0x9E3779B97F4A7C15ULL;
                uint32_t random = uint32_t(r >> 61) * step;
                perturb += std::max(i, random) + step;
                return port;
            }
        }
    }
    return 0;
}

bool
EphemeralPortAllocator::IsInUse(uint16_t port) const
{
    return m_refs.find(port) != m_refs.end();
}

void
EphemeralPortAllocator::Acquire(uint16_t port)
{
    uint32_t& refs = m_refs[port];
    if (refs++ == 0 && InRange(port))
    {
        ++m_inRange;
    }
}

void
EphemeralPortAllocator::Release(uint16_t port)
{
    auto it = m_refs.find(port);
    NS_ASSERT_MSG(it != m_refs.end(), "releasing unused port " << port);
    if (it == m_refs.end())
    {
        return;
    }
    if (--it->second == 0)
    {
        m_refs.erase(it);
        if (InRange(port))
        {
            --m_inRange;
        }
    }
}

uint32_t
EphemeralPortAllocator::GetInUseInRange() const
{
    return m_inRange;
}

} // namespace ns3
