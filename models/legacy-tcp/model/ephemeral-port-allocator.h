#ifndef EPHEMERAL_PORT_ALLOCATOR_H
#define EPHEMERAL_PORT_ALLOCATOR_H

#include <cstdint>
#include <unordered_map>

namespace ns3
{

/**
 * \brief Per-host TCP port bookkeeping with a BSD-style cycling ephemeral range.
 *
 * Every user of a port (a bound socket, a connection, a TIME-WAIT record) holds a
 * reference. Ephemeral ports are handed out from [min, max] in cyclic order,
 * skipping any port that still has a reference, so a port held in TIME-WAIT is
 * never reused. Memory is proportional to the ports in use (a hash map), not to
 * the 65536 possible ports.
 */
class EphemeralPortAllocator
{
  public:
    /**
     * \brief Set the ephemeral range. \param min first port \param max last port
     */
    void SetRange(uint16_t min, uint16_t max);
    /** \return the first ephemeral port */
    uint16_t GetMin() const;
    /** \return the last ephemeral port */
    uint16_t GetMax() const;
    /**
     * \brief Allocate a free ephemeral port and take a reference on it.
     * \return the port, or 0 if every port of the range is in use
     */
    uint16_t Allocate();
    /** \param port a port \return true if the port has a reference */
    bool IsInUse(uint16_t port) const;
    /** \brief Add a reference. \param port the port */
    void Acquire(uint16_t port);
    /** \brief Drop a reference. \param port the port */
    void Release(uint16_t port);
    /** \return the number of ports of the ephemeral range in use */
    uint32_t GetInUseInRange() const;

  private:
    /** \param port a port \return true if it lies in the ephemeral range */
    bool InRange(uint16_t port) const;

    uint16_t m_min{1025};                          //!< first ephemeral port
    uint16_t m_max{5000};                          //!< last ephemeral port
    uint16_t m_next{1025};                         //!< next candidate
    uint32_t m_inRange{0};                         //!< ports of the range in use
    std::unordered_map<uint16_t, uint32_t> m_refs; //!< references per port in use
};

} // namespace ns3

#endif
