#ifndef LEGACY_TCP_TCB_H
#define LEGACY_TCP_TCB_H

#include "ns3/sequence-number.h"

#include <cstdint>

namespace ns3
{

/**
 * \brief The send and receive sequence variables of a connection, with RFC 793's
 * names (section 3.2, "Send Sequence Variables", "Receive Sequence Variables").
 */
struct LegacyTcpTcb
{
    SequenceNumber32 iss;    //!< ISS, initial send sequence number
    SequenceNumber32 sndUna; //!< SND.UNA, oldest unacknowledged
    SequenceNumber32 sndNxt; //!< SND.NXT, next to send
    SequenceNumber32 sndMax; //!< highest sequence number sent + 1
    SequenceNumber32 sndWl1; //!< SND.WL1, segment seq of the last window update
    SequenceNumber32 sndWl2; //!< SND.WL2, segment ack of the last window update
    uint32_t sndWnd{0};      //!< SND.WND, the peer's window
    uint32_t maxSndWnd{0};   //!< largest window the peer offered (RFC 1122 4.2.3.4)
    SequenceNumber32 irs;    //!< IRS, initial receive sequence number
    SequenceNumber32 rcvNxt; //!< RCV.NXT, next expected
    uint16_t peerMss{536};   //!< the peer's MSS (RFC 1122 4.2.2.6 default 536)
};

} // namespace ns3

#endif
