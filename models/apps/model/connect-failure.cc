#include "connect-failure.h"

#include "legacy-tcp-socket.h"

namespace ns3
{

ConnectionOutcome
ClassifyConnectFailure(Ptr<Socket> socket, uint32_t rstsReceived)
{
    if (Ptr<LegacyTcpSocket> legacy = DynamicCast<LegacyTcpSocket>(socket))
    {
        switch (legacy->GetError())
        {
        case LegacyTcpError::Refused:
            return ConnectionOutcome::Refused;
        case LegacyTcpError::TimedOut:
            return ConnectionOutcome::TimedOut;
        case LegacyTcpError::NoTcb:
            return ConnectionOutcome::NoTcb;
        case LegacyTcpError::NoPort:
            return ConnectionOutcome::NoPort;
        case LegacyTcpError::Reset:
            return ConnectionOutcome::Reset;
        case LegacyTcpError::Aborted:
            return ConnectionOutcome::Aborted;
        case LegacyTcpError::Unreachable:
            return ConnectionOutcome::Unreachable;
        default:
            return ConnectionOutcome::Failed;
        }
    }
    return rstsReceived > 0 ? ConnectionOutcome::Refused : ConnectionOutcome::TimedOut;
}

ConnectionOutcome
StackConnectOutcome(Ptr<Socket> socket)
{
    return DynamicCast<LegacyTcpSocket>(socket) ? ClassifyConnectFailure(socket, 0)
                                                : ConnectionOutcome::Pending;
}

ConnectionOutcome
ClassifyErrorClose(Ptr<Socket> socket)
{
    Ptr<LegacyTcpSocket> legacy = DynamicCast<LegacyTcpSocket>(socket);
    return legacy && legacy->GetError() == LegacyTcpError::Aborted ? ConnectionOutcome::Aborted
                                                                   : ConnectionOutcome::Reset;
}

void
SetConnectionOutcome(ConnectionRecord& record, ConnectionOutcome outcome, Ptr<Socket> socket)
{
    LegacyTcpErrorCodes codes = ERRORS_LINUX;
    if (Ptr<LegacyTcpSocket> legacy = DynamicCast<LegacyTcpSocket>(socket))
    {
        codes = legacy->GetErrorCodes();
    }
    SetConnectionOutcome(record, outcome, codes);
}

void
SetConnectionOutcome(ConnectionRecord& record, ConnectionOutcome outcome, LegacyTcpErrorCodes codes)
{
    LegacyTcpErrorCode code = GetLegacyTcpErrorCode(ConnectionOutcomeError(outcome), codes);
    record.outcome = outcome;
    record.errorCode = code.number;
    record.errorName = code.name;
}

bool
StackTracesConnectFailure(Ptr<Socket> socket)
{
    return DynamicCast<LegacyTcpSocket>(socket) != nullptr;
}

} // namespace ns3
