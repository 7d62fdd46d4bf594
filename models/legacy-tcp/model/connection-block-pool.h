#ifndef CONNECTION_BLOCK_POOL_H
#define CONNECTION_BLOCK_POOL_H

#include <cstdint>
#include <deque>

namespace ns3
{

/**
 * \brief The per-host pool of TCP connection blocks (LAN Manager's TCPCONNECTIONS).
 *
 * A block is held from the moment a connection leaves CLOSED until it is CLOSED
 * again, TIME-WAIT included. Capacity 0 means unlimited. Connections that wait for
 * a block queue here in FIFO order; a released block passes directly to the first
 * waiter, so the number of blocks in use does not dip in between.
 */
class ConnectionBlockPool
{
  public:
    /**
     * \brief Set the capacity. \param capacity number of blocks, 0 = unlimited
     */
    void SetCapacity(uint32_t capacity);
    /** \return the capacity (0 = unlimited) */
    uint32_t GetCapacity() const;
    /** \return the number of blocks in use */
    uint32_t GetInUse() const;
    /** \return true if no block is free */
    bool IsExhausted() const;
    /**
     * \brief Take a free block.
     * \return true if a block was taken, false if the pool is exhausted
     */
    bool TryTake();
    /**
     * \brief Release a block.
     * \return the id of the waiter the block passed to, or 0 if it went back to the pool
     */
    uint64_t Release();
    /**
     * \brief Queue a waiter (FIFO). \param waiterId a non-zero id
     */
    void Enqueue(uint64_t waiterId);
    /**
     * \brief Remove a waiter from the queue. \param waiterId its id
     * \return true if it was queued
     */
    bool Dequeue(uint64_t waiterId);
    /** \return the number of queued waiters */
    uint32_t GetWaiting() const;

  private:
    uint32_t m_capacity{0};       //!< capacity, 0 = unlimited
    uint32_t m_inUse{0};          //!< blocks in use
    std::deque<uint64_t> m_queue; //!< FIFO of waiting connection ids
};

} // namespace ns3

#endif
