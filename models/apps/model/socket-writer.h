#ifndef RETROTCP_SOCKET_WRITER_H
#define RETROTCP_SOCKET_WRITER_H

#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/socket.h"

#include <cstdint>

namespace ns3
{

/**
 * \brief An application's bytes for one connection that the socket has not taken
 * yet.
 *
 * Rule APP-SEND-ANY-SIZE: a write larger than the free send buffer is not cut
 * off. Write() hands the socket as much as it has room for (GetTxAvailable(), so
 * whole messages go to the stack in one Send and it can cut MSS-sized segments);
 * the rest waits here and Resume(), called from the socket's send callback
 * (Socket::SetSendCallback), hands over more as the peer acknowledges data. Works
 * with stock ns-3 sockets (whose Send() refuses more than the free space) and the
 * legacy stack alike.
 */
class SocketWriter
{
  public:
    /**
     * \brief Queue bytes behind anything still waiting and write what fits now.
     * \param socket the connection \param data the bytes \return bytes written now
     */
    uint32_t Write(Ptr<Socket> socket, Ptr<const Packet> data);
    /**
     * \brief Write more of what waits (from the send callback).
     * \param socket the connection \return bytes written now
     */
    uint32_t Resume(Ptr<Socket> socket);
    /** \return bytes the socket has not taken yet */
    uint32_t GetPending() const;
    /** \brief Drop what waits (the connection is gone). */
    void Clear();

  private:
    Ptr<Packet> m_pending; //!< bytes not yet written, or null
};

} // namespace ns3

#endif
