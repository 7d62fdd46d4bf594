#ifndef RETROTCP_SOCKET_ENDPOINT_H
#define RETROTCP_SOCKET_ENDPOINT_H

#include "ns3/inet-socket-address.h"
#include "ns3/socket.h"

#include <string>

namespace ns3
{

/**
 * \brief A socket's local address and port, with an unspecified (0.0.0.0) address
 * replaced by the node's first interface address: the address its packets carry.
 */
InetSocketAddress LocalEndpoint(Ptr<Socket> socket);

/**
 * \brief Create, configure, bind (any address, \p port) and listen. Returns nullptr
 * if the port cannot be bound (a connection of the host still holds it: bind()
 * fails with WSAEADDRINUSE on a real stack); \p hostName is for the log.
 */
Ptr<Socket> OpenListener(Ptr<Node> node, TypeId factory,
                         const Callback<void, Ptr<Socket>>& configure, uint16_t port,
                         const std::string& hostName);

/**
 * \brief Stop accepting and close a listener opened by OpenListener().
 */
void CloseListener(Ptr<Socket> listener);

/**
 * \brief A server's answer to its peer's close: close this end too, unless the
 * server had closed first (CloseAfterPeer).
 */
void AnswerPeerClose(Ptr<Socket> socket, bool closedLocally);

/**
 * \brief Close in answer to the peer's close, from inside the peer-close callback,
 * so that every stack sends one FIN (ShutdownSend, then Close).
 */
void CloseAfterPeer(Ptr<Socket> socket);

/**
 * \brief Stop hearing from an accepted socket (receive and close callbacks).
 */
void DetachAcceptedSocket(Ptr<Socket> socket);

} // namespace ns3

#endif
