#ifndef RETROTCP_CONNECTION_RECORD_H
#define RETROTCP_CONNECTION_RECORD_H

#include "legacy-tcp-error.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \brief How one connection attempt ended, in the words of connections.csv.
 */
enum class ConnectionOutcome
{
    Pending,     //!< still connecting when the run ended
    Established, //!< the three-way handshake completed
    Refused,     //!< the peer answered with a reset (WSAECONNREFUSED)
    TimedOut,    //!< no answer before the retries ran out (WSAETIMEDOUT)
    NoTcb,       //!< no free connection control block (WSAENOBUFS)
    NoPort,      //!< no free ephemeral port (WSAENOBUFS)
    Reset,       //!< established, then reset by the peer (WSAECONNRESET)
    Aborted,     //!< established, then aborted by this host (WSAECONNABORTED)
    Unreachable, //!< ICMP host or network unreachable while connecting (WSAEHOSTUNREACH)
    Failed,      //!< failed for a reason the stack did not tell
};

/**
 * \brief The connections.csv word for an outcome.
 */
std::string ConnectionOutcomeName(ConnectionOutcome outcome);

/**
 * \brief Every outcome, in the order results list them: established, the
 * failures of a connect, those of an established connection, failed, pending.
 */
const std::vector<ConnectionOutcome>& AllConnectionOutcomes();

/**
 * \brief The stack error behind an outcome (LegacyTcpError::None for established,
 * pending and failed).
 */
LegacyTcpError ConnectionOutcomeError(ConnectionOutcome outcome);

/**
 * \brief One connection attempt, as connections.csv reports it.
 */
struct ConnectionRecord
{
    uint64_t id{0};            //!< run-wide connection id (conn_id)
    std::string host;          //!< name of the host that called connect()
    std::string profile;       //!< stack profile of that host
    uint16_t localPort{0};     //!< local (ephemeral) port, 0 if none was assigned
    std::string remoteHost;    //!< name of the host connected to
    Ipv4Address remoteAddress; //!< its address
    uint16_t remotePort{0};    //!< port connected to
    Time start;                //!< connect() called
    Time end{-1};              //!< outcome known (established or failed); -1 = never
    Time closed{-1};           //!< connection closed; -1 = never
    ConnectionOutcome outcome{ConnectionOutcome::Pending}; //!< how the attempt ended
    uint32_t errorCode{0};     //!< error number as the host's stack reports it, 0 if none
    std::string errorName;     //!< its symbolic name (WSAECONNREFUSED, ECONNREFUSED, ...)
    uint32_t synsSent{0};      //!< SYN segments sent for this attempt
    uint32_t rstsReceived{0};  //!< RST segments received for this attempt
    uint64_t bytesSent{0};     //!< application bytes sent
    uint64_t bytesReceived{0}; //!< application bytes received
    std::string closeKind;     //!< "normal", "reset", "" (still open or never open)
};

} // namespace ns3

#endif
