#ifndef CONNECTION_HOLDINGS_H
#define CONNECTION_HOLDINGS_H

#include "legacy-tcp-four-tuple.h"
#include "ns3/callback.h"
#include "ns3/ipv4-address.h"
#include "ns3/ptr.h"

#include <cstdint>

namespace ns3
{

class LegacyTcpL4Protocol;
class LegacyTcpSocket;
struct TimeWaitRecord;

/**
 * \brief What one connection holds of its stack, with one owner.
 *
 * A connection may hold a place in the queue for a connection block, the block
 * itself, a reference on its local port and its entry in the stack's connection
 * map. The socket owns its holdings until TIME-WAIT: MoveToTimeWait() hands the
 * block and the port to the stack's compact TIME-WAIT record (which frees them
 * when it expires) and leaves the socket holding nothing; an RFC 1122 reopen takes
 * them back from the record (AdoptFromTimeWait) and ReturnToTimeWait() gives them
 * back again. Everything else is given back by the calls below, each once.
 */
class ConnectionHoldings
{
  public:
    /** \brief Set the stack. \param stack the connection's stack */
    void SetStack(Ptr<LegacyTcpL4Protocol> stack);
    /** \brief Forget the stack (disposal). */
    void ClearStack();

    /** \return true if the connection holds a block */
    bool HasBlock() const;
    /** \return true if the connection waits for a block */
    bool IsWaitingForBlock() const;
    /** \return true if the connection holds a reference on its port */
    bool HasPort() const;
    /** \return true if the connection is in the stack's connection map */
    bool IsRegistered() const;
    /** \return true if it holds or waits for anything */
    bool HoldsAnything() const;

    /**
     * \brief Take a block. \param id connection \param key its 4-tuple
     * \return false if none is free (pool_exhausted)
     */
    bool TakeBlock(uint64_t id, const LegacyTcpFourTuple& key);
    /**
     * \brief Queue for a block. \param id connection \param grant run when one passes to it
     */
    void WaitForBlock(uint64_t id, Callback<void> grant);
    /**
     * \brief A freed block passed to this waiting connection.
     * \param id connection \param key its 4-tuple
     */
    void BlockGranted(uint64_t id, const LegacyTcpFourTuple& key);
    /** \brief Leave the queue for a block, if in it. \param id connection */
    void StopWaiting(uint64_t id);
    /**
     * \brief Free the block, if held; it may pass to a waiter at once.
     * \param id connection \param key its 4-tuple \return true if a block was freed
     */
    bool FreeBlock(uint64_t id, const LegacyTcpFourTuple& key);

    /**
     * \brief Hold a given port. \param port the port
     * \return false if something else holds it
     */
    bool BindPort(uint16_t port);
    /**
     * \brief Hold a free ephemeral port.
     * \param remote destination \param remotePort its port \return the port, or 0
     */
    uint16_t AllocatePort(Ipv4Address remote, uint16_t remotePort);
    /** \brief Hold one more reference on a port already held by a listener. \param port it */
    void SharePort(uint16_t port);
    /** \brief Release the port, if held. \param port the port */
    void ReleasePort(uint16_t port);

    /** \brief Enter the connection map. \param key tuple \param socket the connection */
    void Register(const LegacyTcpFourTuple& key, Ptr<LegacyTcpSocket> socket);
    /** \brief Leave the connection map, if in it. \param key tuple */
    void Unregister(const LegacyTcpFourTuple& key);

    /**
     * \brief Hand the block and the port to a TIME-WAIT record and leave the map.
     * \param key tuple \param record the record
     */
    void MoveToTimeWait(const LegacyTcpFourTuple& key, const TimeWaitRecord& record);
    /** \brief Take over the block and the port of a TIME-WAIT record (RFC 1122 reopen). */
    void AdoptFromTimeWait();
    /**
     * \brief Give the block and the port back to the record they came from.
     * \param key tuple \param record the record
     */
    void ReturnToTimeWait(const LegacyTcpFourTuple& key, const TimeWaitRecord& record);

  private:
    Ptr<LegacyTcpL4Protocol> m_stack; //!< the stack
    bool m_waiting{false};            //!< queued for a block
    bool m_block{false};              //!< holds a block
    bool m_port{false};               //!< holds a reference on the local port
    bool m_registered{false};         //!< in the connection map
};

} // namespace ns3

#endif
