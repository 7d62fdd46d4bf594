#ifndef LEGACY_TCP_WIRE_LOG_H
#define LEGACY_TCP_WIRE_LOG_H

#include "ns3/error-model.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"

#include <functional>
#include <string>
#include <vector>

namespace retrotcp
{
namespace test
{

/// One TCP segment seen on a point-to-point link.
struct WireSegment
{
    ns3::Time time;          //!< transmission start
    std::string device;      //!< tag of the sending device
    ns3::Ipv4Address src;    //!< IP source
    ns3::Ipv4Address dst;    //!< IP destination
    uint16_t sport{0};       //!< TCP source port
    uint16_t dport{0};       //!< TCP destination port
    uint8_t flags{0};        //!< TCP flags
    uint32_t seq{0};         //!< sequence number
    uint32_t ack{0};         //!< acknowledgment number
    uint32_t length{0};      //!< payload bytes
    uint16_t window{0};      //!< window field
    uint16_t mss{0};         //!< MSS option, 0 if absent
    uint32_t optionKinds{0}; //!< bit per TCP option kind present

    bool
    Is(uint8_t f) const
    {
        return (flags & f) == f;
    } //!< has all flags
    bool
    IsExactly(uint8_t f) const
    {
        return flags == f;
    }                             //!< exactly flags
    std::string ToString() const; //!< one line
};

/**
 * \brief Decode a PPP frame holding IPv4/TCP. \return false if not TCP
 */
bool DecodeTcpFrame(ns3::Ptr<const ns3::Packet> frame, WireSegment& out);

/**
 * \brief A transcript of TCP segments captured at point-to-point devices
 * ("PhyTxBegin"), for checks against the simulated wire.
 */
class WireLog
{
  public:
    /** \brief Capture what a device sends. \param device it \param tag its name */
    void Attach(ns3::Ptr<ns3::NetDevice> device, const std::string& tag);
    /** \return every segment in time order */
    const std::vector<WireSegment>&
    All() const
    {
        return m_segments;
    }
    /** \return the segments sent by a device that carry all of the given flags */
    std::vector<WireSegment> From(const std::string& tag, uint8_t flags = 0) const;
    /** \return the segments that satisfy a predicate */
    std::vector<WireSegment> Select(const std::function<bool(const WireSegment&)>& pred) const;
    /** \return the transcript, one segment a line */
    std::string Dump() const;

  private:
    void Capture(std::string tag, ns3::Ptr<const ns3::Packet> frame);
    std::vector<WireSegment> m_segments; //!< captured segments
};

/**
 * \brief Receive error model that drops TCP segments chosen by a predicate
 * (e.g. "every SYN", "the first FIN's ACK").
 */
class WireDropModel : public ns3::ErrorModel
{
  public:
    /// The predicate: true = drop.
    using Predicate = std::function<bool(const WireSegment&)>;
    /** \brief Set the predicate. \param pred it */
    void
    SetPredicate(Predicate pred)
    {
        m_pred = std::move(pred);
    }
    /** \return the number of dropped segments */
    uint32_t
    GetDropped() const
    {
        return m_dropped;
    }

  private:
    bool DoCorrupt(ns3::Ptr<ns3::Packet> p) override;
    void
    DoReset() override
    {
    }
    Predicate m_pred;      //!< predicate
    uint32_t m_dropped{0}; //!< drop count
};

} // namespace test
} // namespace retrotcp

#endif
