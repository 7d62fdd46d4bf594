#include "connect-call.h"

namespace retrotcp::fit
{

const char*
SynAnswerName(SynAnswer answer)
{
    switch (answer)
    {
    case SynAnswer::Rst:
        return "rst";
    case SynAnswer::SynAck:
        return "synack";
    case SynAnswer::None:
        break;
    }
    return "none";
}

std::string
ConnectCall::Label() const
{
    return FormatIpv4(client) + ":" + std::to_string(clientPort) + " -> " + FormatIpv4(server) +
           ":" + std::to_string(serverPort);
}

} // namespace retrotcp::fit
