#include "connection-record.h"

namespace ns3
{

std::string
ConnectionOutcomeName(ConnectionOutcome outcome)
{
    switch (outcome)
    {
    case ConnectionOutcome::Pending:
        return "pending";
    case ConnectionOutcome::Established:
        return "established";
    case ConnectionOutcome::Refused:
        return "refused";
    case ConnectionOutcome::TimedOut:
        return "timed_out";
    case ConnectionOutcome::NoTcb:
        return "no_tcb";
    case ConnectionOutcome::NoPort:
        return "no_port";
    case ConnectionOutcome::Reset:
        return "reset";
    case ConnectionOutcome::Failed:
        return "failed";
    }
    return "failed";
}

uint32_t
ConnectionOutcomeWsaError(ConnectionOutcome outcome)
{
    switch (outcome)
    {
    case ConnectionOutcome::Refused:
        return 10061; // WSAECONNREFUSED
    case ConnectionOutcome::TimedOut:
        return 10060; // WSAETIMEDOUT
    case ConnectionOutcome::NoTcb:
    case ConnectionOutcome::NoPort:
        return 10055; // WSAENOBUFS
    case ConnectionOutcome::Reset:
        return 10054; // WSAECONNRESET
    default:
        return 0;
    }
}

} // namespace ns3
