#ifndef CONNECTION_BLOCK_POOL_H
#define CONNECTION_BLOCK_POOL_H

#include "ns3/callback.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <utility>

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
     * \return the grant callback of the waiter the block passed to (taken out of the
     * queue), or a null callback if the block went back to the pool
     */
    Callback<void> Release();
    /**
     * \brief Queue a waiter (FIFO); the pool is the one place that keeps it.
     * \param waiterId a non-zero id \param grant run by whoever frees the block it gets
     */
    void Enqueue(uint64_t waiterId, Callback<void> grant);
    /**
     * \brief Remove a waiter from the queue. \param waiterId its id
     * \return true if it was queued
     */
    bool Dequeue(uint64_t waiterId);
    /** \return the number of queued waiters */
    uint32_t GetWaiting() const;
    /** \brief Forget every waiter (end of the simulation). */
    void ClearWaiters();

  private:
    uint32_t m_capacity{0}; //!< capacity, 0 = unlimited
    uint32_t m_inUse{0};    //!< blocks in use
    /// FIFO of waiters and grants, made at the first waiter (an empty std::deque
    /// allocates about 600 bytes; most hosts never wait for a block).
    std::unique_ptr<std::deque<std::pair<uint64_t, Callback<void>>>> m_queue;
};

} // namespace ns3

#endif
