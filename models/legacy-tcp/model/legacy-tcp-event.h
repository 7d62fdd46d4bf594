#ifndef LEGACY_TCP_EVENT_H
#define LEGACY_TCP_EVENT_H

#include "ns3/ipv4-address.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \brief One connection-lifecycle event of a legacy TCP stack.
 *
 * Emitted through LegacyTcpL4Protocol's "ConnectionEvent" trace source. The names
 * are fixed (see models/legacy-tcp/doc/legacy-tcp.md): block_taken, block_freed,
 * pool_exhausted, pool_wait_start, pool_wait_end, port_exhausted, syn_sent,
 * syn_retransmit, syn_received, synack_sent, rst_sent, rst_received, established,
 * fin_sent, fin_received, time_wait_enter, time_wait_exit, time_wait_fin_reacked,
 * reopen_accepted, reopen_rejected, reopen_old_duplicate, connect_failed, aborted,
 * closed.
 */
struct LegacyTcpEvent
{
    std::string name;          //!< event name
    uint64_t connectionId{0};  //!< per-host connection serial; 0 = stack-wide event
    Ipv4Address localAddress;  //!< local address (may be 0.0.0.0)
    uint16_t localPort{0};     //!< local port (0 if not yet chosen)
    Ipv4Address remoteAddress; //!< remote address
    uint16_t remotePort{0};    //!< remote port
    std::string detail;        //!< event-specific detail, "" if none
};

} // namespace ns3

#endif
