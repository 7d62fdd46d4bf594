#include "time-wait-table.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <utility>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TimeWaitTable");

TimeWaitTable::~TimeWaitTable()
{
    m_event.Cancel();
}

void
TimeWaitTable::SetExpiryCallback(ExpiryCallback cb)
{
    m_expired = std::move(cb);
}

void
TimeWaitTable::Insert(const LegacyTcpFourTuple& key, TimeWaitRecord record, Time duration)
{
    record.expiry = Simulator::Now() + duration;
    record.generation = ++m_generation;
    m_records[key] = record;
    Push(Entry{record.expiry, key, record.generation});
}

TimeWaitRecord*
TimeWaitTable::Find(const LegacyTcpFourTuple& key)
{
    auto it = m_records.find(key);
    return it == m_records.end() ? nullptr : &it->second;
}

void
TimeWaitTable::Restart(const LegacyTcpFourTuple& key, Time duration)
{
    auto it = m_records.find(key);
    if (it == m_records.end())
    {
        return;
    }
    it->second.expiry = Simulator::Now() + duration;
    it->second.generation = ++m_generation;
    Push(Entry{it->second.expiry, key, it->second.generation});
}

bool
TimeWaitTable::Remove(const LegacyTcpFourTuple& key, TimeWaitRecord& out)
{
    auto it = m_records.find(key);
    if (it == m_records.end())
    {
        return false;
    }
    out = it->second;
    m_records.erase(it);
    return true;
}

void
TimeWaitTable::Restore(const LegacyTcpFourTuple& key, const TimeWaitRecord& record)
{
    if (record.expiry <= Simulator::Now())
    {
        // Its FIFO entry has been consumed already: expire it now.
        if (m_expired)
        {
            m_expired(key, record);
        }
        return;
    }
    // The original FIFO entry (same generation) is still queued.
    m_records[key] = record;
}

const TimeWaitRecord*
TimeWaitTable::Find(const LegacyTcpFourTuple& key) const
{
    auto it = m_records.find(key);
    return it == m_records.end() ? nullptr : &it->second;
}

void
TimeWaitTable::ForEach(
    const std::function<void(const LegacyTcpFourTuple&, const TimeWaitRecord&)>& visit) const
{
    for (const auto& [key, record] : m_records)
    {
        visit(key, record);
    }
}

std::size_t
TimeWaitTable::GetSize() const
{
    return m_records.size();
}

void
TimeWaitTable::Clear()
{
    m_event.Cancel();
    m_records.clear();
    m_fifo.reset();
}

void
TimeWaitTable::Push(const Entry& entry)
{
    if (!m_fifo)
    {
        m_fifo = std::make_unique<std::deque<Entry>>();
    }
    m_fifo->push_back(entry);
    if (!m_event.IsRunning())
    {
        Reschedule();
    }
}

void
TimeWaitTable::Reschedule()
{
    m_event.Cancel();
    if (!m_fifo || m_fifo->empty())
    {
        return;
    }
    Time delay = m_fifo->front().expiry - Simulator::Now();
    m_event = Simulator::Schedule(delay.IsStrictlyNegative() ? Time(0) : delay,
                                  &TimeWaitTable::Expire, this);
}

void
TimeWaitTable::Expire()
{
    Time now = Simulator::Now();
    while (m_fifo && !m_fifo->empty() && m_fifo->front().expiry <= now)
    {
        Entry entry = m_fifo->front();
        m_fifo->pop_front();
        auto it = m_records.find(entry.key);
        if (it == m_records.end() || it->second.generation != entry.generation)
        {
            continue; // restarted, reopened or already gone
        }
        TimeWaitRecord record = it->second;
        m_records.erase(it);
        if (m_expired)
        {
            m_expired(entry.key, record);
        }
    }
    Reschedule();
}

} // namespace ns3
