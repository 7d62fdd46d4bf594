#ifndef CRAFTED_SEGMENT_H
#define CRAFTED_SEGMENT_H

#include "ns3/nstime.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ns3
{

/// What a crafted sequence or acknowledgment number is counted from.
enum class CraftedBase : uint8_t
{
    Absolute,     //!< the offset is the number itself
    ReplySeq,     //!< reply.seq: SEG.SEQ of the target's last reply to this probe
    ReplyAck,     //!< reply.ack: SEG.ACK of that reply (what the target expects next)
    ReplyNext,    //!< reply.next: SEG.SEQ + SEG.LEN of that reply (SYN and FIN count 1)
    TargetSndUna, //!< target.snd_una: the target connection's SND.UNA
    TargetSndNxt, //!< target.snd_nxt: its SND.NXT
    TargetRcvNxt, //!< target.rcv_nxt: its RCV.NXT
    TargetIss,    //!< target.iss: its ISS
    TargetIrs     //!< target.irs: its IRS
};

/**
 * \brief A sequence or acknowledgment number of a crafted segment: a base and an
 * offset, added modulo 2^32. Written "1000", "reply.ack", "target.rcv_nxt+65536"
 * or "target.snd_nxt-1".
 */
struct CraftedNumber
{
    CraftedBase base{CraftedBase::Absolute}; //!< counted from
    int64_t offset{0};                       //!< added (Absolute: the number)

    /**
     * \param text "N" (0 to 4294967295), "BASE", "BASE+N" or "BASE-N"
     * \return the number, or nullopt if \p text is none of these
     */
    static std::optional<CraftedNumber> Parse(const std::string& text);
    /// \return the text Parse() reads back
    std::string ToString() const;
    /// \return true if the base is one of the target connection's variables
    bool NeedsTarget() const;
    /// \return true if the base is the last reply's
    bool NeedsReply() const;
};

/// One segment of a crafted-segment script.
struct CraftedSegment
{
    Time at;               //!< when, after the application starts
    uint8_t flags{0};      //!< TcpHeader flags (TcpHeader::SYN | ...)
    CraftedNumber seq;     //!< SEG.SEQ
    CraftedNumber ack;     //!< SEG.ACK (sent only with the ACK flag)
    uint32_t length{0};    //!< payload bytes (zeros)
    uint16_t window{8192}; //!< SEG.WND
};

/**
 * \param text flag names joined by "|", e.g. "SYN|ACK" (FIN, SYN, RST, PSH, ACK, URG)
 * \return the TcpHeader flags, or nullopt for an unknown name or an empty text
 */
std::optional<uint8_t> ParseTcpFlags(const std::string& text);

/// \return \p flags as ParseTcpFlags() reads them, e.g. "SYN|ACK" ("NONE" for 0)
std::string TcpFlagsText(uint8_t flags);

} // namespace ns3

#endif
