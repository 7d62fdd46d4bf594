#ifndef CRAFTED_SEGMENT_APPLICATION_H
#define CRAFTED_SEGMENT_APPLICATION_H

#include "crafted-segment.h"
#include "ns3/application.h"
#include "ns3/ipv4-address.h"
#include "ns3/tcp-header.h"
#include "ns3/traced-callback.h"

#include <optional>
#include <vector>

namespace ns3
{

class Ipv4;
class IpL4Protocol;
class LegacyTcpL4Protocol;
class Packet;

/**
 * \brief Sends scripted TCP segments to a host and port, and records what the
 * target sends back: a probe for the TCP rules of a stack (an old duplicate SYN
 * into TIME-WAIT, a reset in or out of the window, data after a close, a SYN to a
 * half-open connection).
 *
 * Each segment of the script (SetScript) goes out at its time, with its flags,
 * sequence and acknowledgment numbers (absolute, or counted from the target's
 * last reply or from the target connection's variables), payload length and
 * window, its TCP checksum filled in. Two ways to speak:
 *
 * - As this host (Spoof 0.0.0.0): from this host's address and SourcePort. The
 *   host's own TCP is taken off its IP layer while the application runs, so that
 *   it does not answer the target's replies (as a packet crafting tool's host
 *   drops its kernel's resets); the host runs no other TCP application.
 * - As another host (Spoof = its address): the segment claims to come from the
 *   remote end of the target's newest connection with that host on the target
 *   port — as an attacker on the path would inject it. Its port is read from the
 *   target at the segment's time.
 *
 * The target connection (for target.* numbers) is the target's connection with
 * the segment's claimed source; it is read through
 * LegacyTcpL4Protocol::GetConnectionState, so target.* needs a legacy stack on
 * the target. Replies are the TCP segments the target sends to the claimed
 * source, seen as they leave the target's IP layer (they reach the claimed host
 * as any segment would).
 */
class CraftedSegmentApplication : public Application
{
  public:
    /** \return the TypeId */
    static TypeId GetTypeId();

    CraftedSegmentApplication();
    ~CraftedSegmentApplication() override;

    /** \brief The segments to send, in time order. \param script the segments */
    void SetScript(const std::vector<CraftedSegment>& script);

    /// Sent, Reply: (step (1-based; Reply: the last step sent), header, payload bytes)
    typedef void (*SegmentTracedCallback)(uint32_t step, const TcpHeader& header, uint32_t length);
    /// Skipped: (step, why: no_target, no_connection, no_reply, no_legacy_stack)
    typedef void (*SkippedTracedCallback)(uint32_t step, const std::string& reason);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /** \brief Send step \p index (0-based) of the script. */
    void SendStep(uint32_t index);
    /** \brief A packet leaves the target's IP layer. */
    void TargetTx(Ptr<const Packet> packet, Ptr<Ipv4> ipv4, uint32_t interface);
    /**
     * \return the number \p n stands for, or nullopt (with \p reason) if its base
     * is not known now
     */
    std::optional<uint32_t> Resolve(const CraftedNumber& n, std::string& reason) const;
    /** \return this host's address toward the target */
    Ipv4Address OwnAddress() const;

    // Attributes
    Address m_remote;      //!< the target's address and port
    uint16_t m_sourcePort; //!< this host's port (as this host)
    Ipv4Address m_spoof;   //!< claimed source host, 0.0.0.0 = this host

    std::vector<CraftedSegment> m_script; //!< the segments
    std::vector<EventId> m_events;        //!< their send events
    Ipv4Address m_targetAddress;          //!< the target
    uint16_t m_targetPort{0};             //!< its port
    Ptr<Node> m_target;                   //!< the target's node
    Ptr<LegacyTcpL4Protocol> m_targetTcp; //!< its legacy stack, if any
    Ptr<IpL4Protocol> m_silenced;         //!< this host's TCP, while taken off
    Ipv4Address m_claimedAddress;         //!< source of the last segment sent
    uint16_t m_claimedPort{0};            //!< its port
    uint32_t m_lastStep{0};               //!< last step sent (1-based), 0 = none
    std::optional<TcpHeader> m_reply;     //!< the target's last reply
    uint32_t m_replyLength{0};            //!< its payload

    TracedCallback<uint32_t, const TcpHeader&, uint32_t> m_sentTrace;  //!< Sent
    TracedCallback<uint32_t, const TcpHeader&, uint32_t> m_replyTrace; //!< Reply
    TracedCallback<uint32_t, const std::string&> m_skippedTrace;       //!< Skipped
};

} // namespace ns3

#endif
