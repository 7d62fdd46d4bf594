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

Callback<void>
ConnectionBlockPool::Release()
{
    NS_ASSERT(m_inUse > 0);
    if (m_queue && !m_queue->empty() && (m_capacity == 0 || m_inUse <= m_capacity))
    {
        auto waiter = std::move(m_queue->front());
        m_queue->pop_front();
        NS_LOG_LOGIC("block passes to waiting connection " << waiter.first);
        return waiter.second;
    }
    --m_inUse;
    return Callback<void>();
}

void
ConnectionBlockPool::Enqueue(uint64_t waiterId, Callback<void> grant)
{
    if (!m_queue)
    {
        m_queue = std::make_unique<std::deque<std::pair<uint64_t, Callback<void>>>>();
    }
    m_queue->emplace_back(waiterId, grant);
}

bool
ConnectionBlockPool::Dequeue(uint64_t waiterId)
{
    if (!m_queue)
    {
        return false;
    }
    auto it = std::find_if(m_queue->begin(), m_queue->end(),
                           [waiterId](const auto& w) { return w.first == waiterId; });
    if (it == m_queue->end())
    {
        return false;
    }
    m_queue->erase(it);
    return true;
}

void
ConnectionBlockPool::ClearWaiters()
{
    m_queue.reset();
}

uint32_t
ConnectionBlockPool::GetWaiting() const
{
    return m_queue ? static_cast<uint32_t>(m_queue->size()) : 0;
}

} // namespace ns3
