#include "legacy-tcp-error.h"

namespace ns3
{

const char*
LegacyTcpErrorName(LegacyTcpError error)
{
    switch (error)
    {
    case LegacyTcpError::None:
        return "none";
    case LegacyTcpError::Refused:
        return "refused";
    case LegacyTcpError::TimedOut:
        return "timed_out";
    case LegacyTcpError::NoTcb:
        return "no_tcb";
    case LegacyTcpError::NoPort:
        return "no_port";
    case LegacyTcpError::Reset:
        return "reset";
    case LegacyTcpError::Aborted:
        return "aborted";
    case LegacyTcpError::Unreachable:
        return "unreachable";
    }
    return "unknown";
}

namespace
{

// One row per error: Winsock, Linux, 4.4BSD/FreeBSD, MS-DOS.
struct ErrorRow
{
    LegacyTcpErrorCode winsock;
    LegacyTcpErrorCode gnuLinux;
    LegacyTcpErrorCode bsd;
    LegacyTcpErrorCode dos;
};

const ErrorRow&
Row(LegacyTcpError error)
{
    // Winsock: winsock.h (WSABASEERR 10000 + BSD errno); Linux:
    // include/uapi/asm-generic/errno.h; FreeBSD: sys/sys/errno.h; MS-DOS: the
    // extended error codes (53 ERROR_BAD_NETPATH, 64 ERROR_NETNAME_DELETED).
    static const ErrorRow refused{{10061, "WSAECONNREFUSED"},
                                  {111, "ECONNREFUSED"},
                                  {61, "ECONNREFUSED"},
                                  {53, "ERROR_BAD_NETPATH"}};
    static const ErrorRow timedOut{
        {10060, "WSAETIMEDOUT"}, {110, "ETIMEDOUT"}, {60, "ETIMEDOUT"}, {53, "ERROR_BAD_NETPATH"}};
    static const ErrorRow noTcb{
        {10055, "WSAENOBUFS"}, {105, "ENOBUFS"}, {55, "ENOBUFS"}, {53, "ERROR_BAD_NETPATH"}};
    static const ErrorRow noPort{{10055, "WSAENOBUFS"},
                                 {99, "EADDRNOTAVAIL"},
                                 {49, "EADDRNOTAVAIL"},
                                 {53, "ERROR_BAD_NETPATH"}};
    static const ErrorRow reset{{10054, "WSAECONNRESET"},
                                {104, "ECONNRESET"},
                                {54, "ECONNRESET"},
                                {64, "ERROR_NETNAME_DELETED"}};
    static const ErrorRow aborted{{10053, "WSAECONNABORTED"},
                                  {103, "ECONNABORTED"},
                                  {53, "ECONNABORTED"},
                                  {64, "ERROR_NETNAME_DELETED"}};
    static const ErrorRow unreachable{{10065, "WSAEHOSTUNREACH"},
                                      {113, "EHOSTUNREACH"},
                                      {65, "EHOSTUNREACH"},
                                      {53, "ERROR_BAD_NETPATH"}};
    static const ErrorRow none{};
    switch (error)
    {
    case LegacyTcpError::Refused:
        return refused;
    case LegacyTcpError::TimedOut:
        return timedOut;
    case LegacyTcpError::NoTcb:
        return noTcb;
    case LegacyTcpError::NoPort:
        return noPort;
    case LegacyTcpError::Reset:
        return reset;
    case LegacyTcpError::Aborted:
        return aborted;
    case LegacyTcpError::Unreachable:
        return unreachable;
    case LegacyTcpError::None:
        break;
    }
    return none;
}

} // namespace

LegacyTcpErrorCode
GetLegacyTcpErrorCode(LegacyTcpError error, LegacyTcpErrorCodes codes)
{
    const ErrorRow& row = Row(error);
    switch (codes)
    {
    case ERRORS_LINUX:
        return row.gnuLinux;
    case ERRORS_BSD:
        return row.bsd;
    case ERRORS_DOS:
        return row.dos;
    case ERRORS_WINSOCK:
        break;
    }
    return row.winsock;
}

} // namespace ns3
