#include "connection-block-pool.h"

#include "ns3/assert.h"
#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ConnectionBlockPool");

void
ConnectionBlockPool::SetCapacity(uint32_t capacity)
{
    m_capacity = capacity;
}

uint32_t
ConnectionBlockPool::GetCapacity() const
{
    return m_capacity;
}

uint32_t
ConnectionBlockPool::GetInUse() const
{
    return m_inUse;
}

bool
ConnectionBlockPool::IsExhausted() const
{
    return m_capacity != 0 && m_inUse >= m_capacity;
}

bool
ConnectionBlockPool::TryTake()
{
    if (IsExhausted())
    {
        NS_LOG_LOGIC("pool exhausted: " << m_inUse << "/" << m_capacity);
        return false;
    }
    ++m_inUse;
    return true;
}

uint64_t
ConnectionBlockPool::Release()
{
    NS_ASSERT(m_inUse > 0);
    if (!m_queue.empty() && (m_capacity == 0 || m_inUse <= m_capacity))
    {
        uint64_t waiter = m_queue.front();
        m_queue.pop_front();
        NS_LOG_LOGIC("block passes to waiting connection " << waiter);
        return waiter;
    }
    --m_inUse;
    return 0;
}

void
ConnectionBlockPool::Enqueue(uint64_t waiterId)
{
    m_queue.push_back(waiterId);
}

bool
ConnectionBlockPool::Dequeue(uint64_t waiterId)
{
    auto it = std::find(m_queue.begin(), m_queue.end(), waiterId);
    if (it == m_queue.end())
    {
        return false;
    }
    m_queue.erase(it);
    return true;
}

uint32_t
ConnectionBlockPool::GetWaiting() const
{
    return static_cast<uint32_t>(m_queue.size());
}

} // namespace ns3
