#ifndef TIME_WAIT_TABLE_H
#define TIME_WAIT_TABLE_H

#include "lazy-hash-map.h"
#include "legacy-tcp-four-tuple.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/sequence-number.h"

#include <deque>
#include <functional>
#include <memory>
#include <unordered_map>

namespace ns3
{

/**
 * \brief What a host remembers of a connection in TIME-WAIT (no socket object).
 *
 * The record keeps the connection's block and port (the stack releases both when
 * the record expires) and the sequence state needed to re-ACK a retransmitted FIN
 * and to judge an RFC 1122 reopen.
 */
struct TimeWaitRecord
{
    SequenceNumber32 sndNxt;  //!< our next sequence number (largest used + 1)
    SequenceNumber32 rcvNxt;  //!< next expected from the peer (its FIN + 1)
    uint64_t connectionId{0}; //!< the connection's id
    Time expiry;              //!< absolute expiry time
    uint64_t generation{0};   //!< matches the FIFO entry that expires it
};

/**
 * \brief Per-host TIME-WAIT records with a single expiry timer.
 *
 * Every record lasts the same duration, so a FIFO of (expiry, key, generation) is
 * in expiry order and one scheduled event per host suffices. Restarting a record
 * pushes a new FIFO entry and gives the record a new generation; stale entries are
 * skipped when they reach the front.
 */
class TimeWaitTable
{
  public:
    /// Called when a record expires (after it has been removed). A std::function,
    /// not an ns-3 Callback: the stack's [this] fits in it without an allocation,
    /// where MakeCallback costs every host about 180 bytes in three allocations.
    typedef std::function<void(const LegacyTcpFourTuple&, const TimeWaitRecord&)> ExpiryCallback;

    ~TimeWaitTable();
    /** \brief Set the expiry callback. \param cb the callback */
    void SetExpiryCallback(ExpiryCallback cb);
    /**
     * \brief Add a record. \param key the connection \param record its state
     * \param duration TIME-WAIT length
     */
    void Insert(const LegacyTcpFourTuple& key, TimeWaitRecord record, Time duration);
    /** \param key a connection \return its record, or nullptr */
    TimeWaitRecord* Find(const LegacyTcpFourTuple& key);
    /** \brief Restart a record's timer. \param key the connection \param duration length */
    void Restart(const LegacyTcpFourTuple& key, Time duration);
    /**
     * \brief Take a record out (RFC 1122 reopen); its FIFO entry stays, so a
     * Restore before the expiry time keeps the original expiry.
     * \param key the connection \param out the record \return true if found
     */
    bool Remove(const LegacyTcpFourTuple& key, TimeWaitRecord& out);
    /**
     * \brief Put back a record taken out by Remove (old duplicate SYN). It keeps its
     * remaining time; if that has run out it expires at once.
     * \param key the connection \param record the record
     */
    void Restore(const LegacyTcpFourTuple& key, const TimeWaitRecord& record);
    /** \param key a connection \return its record, or nullptr */
    const TimeWaitRecord* Find(const LegacyTcpFourTuple& key) const;
    /** \brief Visit every record (unspecified order). \param visit called per record */
    void ForEach(
        const std::function<void(const LegacyTcpFourTuple&, const TimeWaitRecord&)>& visit) const;
    /** \return the number of records */
    std::size_t GetSize() const;
    /** \brief Drop everything and cancel the timer (no callbacks). */
    void Clear();

  private:
    /// A FIFO entry.
    struct Entry
    {
        Time expiry;            //!< when
        LegacyTcpFourTuple key; //!< which record
        uint64_t generation;    //!< which incarnation of the record
    };

    /** \brief Queue an entry. \param entry the entry */
    void Push(const Entry& entry);
    /** \brief Expire due records and reschedule. */
    void Expire();
    /** \brief Schedule the timer for the FIFO front. */
    void Reschedule();

    LazyHashMap<LegacyTcpFourTuple, TimeWaitRecord, LegacyTcpFourTupleHash>
        m_records; //!< records, made at the first
    /// Expiry order; made at the first record (an empty std::deque allocates
    /// about 600 bytes, and most hosts of a large run never hold a record).
    std::unique_ptr<std::deque<Entry>> m_fifo;
    EventId m_event;          //!< the single timer
    uint64_t m_generation{0}; //!< last generation handed out
    ExpiryCallback m_expired; //!< expiry callback
};

} // namespace ns3

#endif
