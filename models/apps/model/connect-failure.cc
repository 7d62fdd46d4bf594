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
        case LegacyTcpError::Aborted:
            return ConnectionOutcome::Reset;
        default:
            return ConnectionOutcome::Failed;
        }
    }
    return rstsReceived > 0 ? ConnectionOutcome::Refused : ConnectionOutcome::TimedOut;
}

bool
StackTracesConnectFailure(Ptr<Socket> socket)
{
    return DynamicCast<LegacyTcpSocket>(socket) != nullptr;
}

} // namespace ns3
