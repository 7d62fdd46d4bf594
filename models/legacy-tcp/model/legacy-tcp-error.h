#ifndef LEGACY_TCP_ERROR_H
#define LEGACY_TCP_ERROR_H

#include <cstdint>

namespace ns3
{

/// How a connection failed or ended abnormally.
enum class LegacyTcpError
{
    None,       //!< no error
    Refused,    //!< connect refused (RST)
    TimedOut,   //!< connect or data retransmissions exhausted
    NoTcb,      //!< no connection block
    NoPort,     //!< no ephemeral port
    Reset,      //!< reset by the peer
    Aborted,    //!< aborted locally (half-duplex close)
    Unreachable //!< ICMP destination (host or network) unreachable during the connect
};

/// The error numbers a stack's programming interface reports.
enum LegacyTcpErrorCodes
{
    ERRORS_WINSOCK, //!< Winsock WSAE* codes (10000 + the 4.4BSD errno)
    ERRORS_LINUX,   //!< Linux errno values
    ERRORS_BSD,     //!< 4.4BSD / FreeBSD errno values
    ERRORS_DOS      //!< MS-DOS / LAN Manager redirector error codes
};

/// One error as an application of the stack sees it.
struct LegacyTcpErrorCode
{
    uint32_t number{0};   //!< the number, 0 for no error
    const char* name{""}; //!< its symbolic name, "" for no error
};

/**
 * \param error an error \return its events.csv name: refused, timed_out, no_tcb, ...
 */
const char* LegacyTcpErrorName(LegacyTcpError error);

/**
 * \brief The number and name an application gets for an error.
 *
 * Winsock numbers its errors 10000 + the 4.4BSD errno (winsock.h: "#define
 * WSAECONNREFUSED (WSABASEERR+61)"), so WSAECONNREFUSED is 10061 and BSD's
 * ECONNREFUSED 61; Linux numbers them differently (ECONNREFUSED 111). Port
 * exhaustion: Windows reports WSAENOBUFS (Q196271), Linux connect(2) and FreeBSD
 * EADDRNOTAVAIL. The LAN Manager redirector reports MS-DOS error codes: a server it
 * cannot connect to is error 53, "The network path was not found" (Q94246), a lost
 * session error 64, "The specified network name is no longer available".
 *
 * \param error the error \param codes the stack's numbering
 * \return number and name; {0, ""} for LegacyTcpError::None
 */
LegacyTcpErrorCode GetLegacyTcpErrorCode(LegacyTcpError error, LegacyTcpErrorCodes codes);

} // namespace ns3

#endif
