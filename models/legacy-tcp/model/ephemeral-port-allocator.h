#ifndef EPHEMERAL_PORT_ALLOCATOR_H
#define EPHEMERAL_PORT_ALLOCATOR_H

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \brief Per-host TCP port bookkeeping with a BSD-style cycling or a Linux-style
 * hashed ephemeral range.
 *
 * Every user of a port (a bound socket, a connection, a TIME-WAIT record) holds a
 * reference. Ephemeral ports are handed out from [min, max], skipping any port that
 * still has a reference, so a port held in TIME-WAIT is never reused. Memory is
 * proportional to the ports in use (a hash map), not to the 65536 possible ports.
 *
 * Sequential order (4.4BSD in_pcbbind, Windows): cycle through the range from the
 * last port handed out. Hashed order (Linux __inet_hash_connect, net/ipv4/
 * inet_hashtables.c): start at an offset given by a hash of the destination plus a
 * per-bucket perturbation, try ports of that parity first in steps of 2 (connect()
 * prefers even ports), then the other parity; afterwards advance the bucket's
 * perturbation by the ports tried plus 2, or by a pseudo-random 0..7 steps when
 * that is more, as the kernel does.
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
    /** \brief Choose hashed (true) or sequential order. \param hashed the order */
    void SetHashed(bool hashed);
    /**
     * \brief Allocate a free ephemeral port and take a reference on it.
     * \param destination keyed hash of the remote address and port (hashed order)
     * \return the port, or 0 if every port of the range is in use
     */
    uint16_t Allocate(uint64_t destination = 0);
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
    /** \brief Hashed order. \param destination hash \return the port or 0 */
    uint16_t AllocateHashed(uint64_t destination);

    uint16_t m_min{1025};                          //!< first ephemeral port
    uint16_t m_max{5000};                          //!< last ephemeral port
    uint16_t m_next{1025};                         //!< next candidate
    uint32_t m_inRange{0};                         //!< ports of the range in use
    bool m_hashed{false};                          //!< hashed order
    uint64_t m_allocations{0};                     //!< hashed allocations so far
    std::vector<uint32_t> m_perturb;               //!< hashed order: per-bucket offsets
    std::unordered_map<uint16_t, uint32_t> m_refs; //!< references per port in use
};

} // namespace ns3

#endif
