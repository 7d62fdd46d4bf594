#include "legacy-tcp-state.h"

namespace ns3
{

const char*
LegacyTcpStateName(LegacyTcpState state)
{
    static const char* names[] = {"CLOSED",      "LISTEN",     "SYN_SENT", "SYN_RCVD",
                                  "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "FIN_WAIT_1",
                                  "FIN_WAIT_2",  "CLOSING",    "TIME_WAIT"};
    return names[state];
}

} // namespace ns3
