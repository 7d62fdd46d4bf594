#ifndef LEGACY_TCP_STATE_H
#define LEGACY_TCP_STATE_H

namespace ns3
{

/// RFC 793 connection states.
enum LegacyTcpState
{
    LEGACY_TCP_CLOSED,
    LEGACY_TCP_LISTEN,
    LEGACY_TCP_SYN_SENT,
    LEGACY_TCP_SYN_RCVD,
    LEGACY_TCP_ESTABLISHED,
    LEGACY_TCP_CLOSE_WAIT,
    LEGACY_TCP_LAST_ACK,
    LEGACY_TCP_FIN_WAIT_1,
    LEGACY_TCP_FIN_WAIT_2,
    LEGACY_TCP_CLOSING,
    LEGACY_TCP_TIME_WAIT
};

/**
 * \param state a state \return its RFC 793 name, e.g. "SYN_SENT"
 */
const char* LegacyTcpStateName(LegacyTcpState state);

} // namespace ns3

#endif
