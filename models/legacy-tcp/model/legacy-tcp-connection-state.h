#ifndef LEGACY_TCP_CONNECTION_STATE_H
#define LEGACY_TCP_CONNECTION_STATE_H

#include "legacy-tcp-four-tuple.h"
#include "legacy-tcp-state.h"
#include "ns3/sequence-number.h"

#include <cstdint>

namespace ns3
{

/**
 * \brief What an observer outside the stack reads of one connection: its 4-tuple,
 * state and RFC 793 sequence variables. A TIME-WAIT record knows only SND.NXT and
 * RCV.NXT (the others read as SND.UNA = SND.NXT, ISS = IRS = 0).
 */
struct LegacyTcpConnectionState
{
    LegacyTcpFourTuple key;                  //!< local and remote ends
    LegacyTcpState state{LEGACY_TCP_CLOSED}; //!< RFC 793 state
    uint64_t connectionId{0};                //!< the stack's connection serial
    SequenceNumber32 iss;                    //!< ISS
    SequenceNumber32 irs;                    //!< IRS
    SequenceNumber32 sndUna;                 //!< SND.UNA
    SequenceNumber32 sndNxt;                 //!< SND.NXT
    SequenceNumber32 rcvNxt;                 //!< RCV.NXT
    uint32_t rcvWnd{0};                      //!< the window it advertises, bytes
};

} // namespace ns3

#endif
