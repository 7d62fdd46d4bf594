#ifndef RETROTCP_CONNECT_FAILURE_H
#define RETROTCP_CONNECT_FAILURE_H

#include "connection-record.h"
#include "ns3/socket.h"

namespace ns3
{

/**
 * \brief How a failed connect() ended, for any stack.
 *
 * A legacy TCP socket says why (refused, timed out, no block, no port). Stock
 * ns-3 reports every failure alike: then a failure with RSTs received is
 * "refused" and one without is "timed out", as Winsock decides ("refused if the
 * last answer was a RST").
 */
ConnectionOutcome ClassifyConnectFailure(Ptr<Socket> socket, uint32_t rstsReceived);

/**
 * \brief What the socket's stack says of a failed connect: a legacy socket its
 * error (refused, timed out, no block, no port, unreachable); Pending for stock
 * ns-3, which reports every failure alike (ClassifyConnectFailure then decides by
 * the resets seen on the wire).
 */
ConnectionOutcome StackConnectOutcome(Ptr<Socket> socket);

/**
 * \brief How an established connection that ended with an error ended: aborted by
 * this host (a legacy stack's half-duplex close) or reset by the peer.
 */
ConnectionOutcome ClassifyErrorClose(Ptr<Socket> socket);

/**
 * \brief Set a record's outcome with the error number and name the socket's stack
 * reports for it: a legacy stack's ErrorCodes numbering; for stock ns-3, which has
 * no numbers of its own, the Linux errno values.
 */
void SetConnectionOutcome(ConnectionRecord& record, ConnectionOutcome outcome, Ptr<Socket> socket);

/**
 * \brief Set a record's outcome with the error number and name in a given
 * numbering (an application with its own error codes, such as the LAN Manager
 * redirector's MS-DOS codes).
 */
void SetConnectionOutcome(ConnectionRecord& record, ConnectionOutcome outcome,
                          LegacyTcpErrorCodes codes);

/**
 * \brief Whether the socket's stack traces its own connect_failed event (the
 * legacy stack does), so that applications do not trace it a second time.
 */
bool StackTracesConnectFailure(Ptr<Socket> socket);

} // namespace ns3

#endif
