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
    case ConnectionOutcome::Aborted:
        return "aborted";
    case ConnectionOutcome::Unreachable:
        return "unreachable";
    case ConnectionOutcome::Failed:
        return "failed";
    }
    return "failed";
}

const std::vector<ConnectionOutcome>&
AllConnectionOutcomes()
{
    using O = ConnectionOutcome;
    static const std::vector<ConnectionOutcome> all = {
        O::Established, O::Refused, O::TimedOut,    O::NoTcb,  O::NoPort,
        O::Reset,       O::Aborted, O::Unreachable, O::Failed, O::Pending};
    return all;
}

LegacyTcpError
ConnectionOutcomeError(ConnectionOutcome outcome)
{
    switch (outcome)
    {
    case ConnectionOutcome::Refused:
        return LegacyTcpError::Refused;
    case ConnectionOutcome::TimedOut:
        return LegacyTcpError::TimedOut;
    case ConnectionOutcome::NoTcb:
        return LegacyTcpError::NoTcb;
    case ConnectionOutcome::NoPort:
        return LegacyTcpError::NoPort;
    case ConnectionOutcome::Reset:
        return LegacyTcpError::Reset;
    case ConnectionOutcome::Aborted:
        return LegacyTcpError::Aborted;
    case ConnectionOutcome::Unreachable:
        return LegacyTcpError::Unreachable;
    default:
        return LegacyTcpError::None;
    }
}

} // namespace ns3
