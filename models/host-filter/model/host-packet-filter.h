#ifndef HOST_PACKET_FILTER_H
#define HOST_PACKET_FILTER_H

#include "ns3/ipv4-header.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \brief One rule of a host's packet filter: which packets, what to do, and when.
 */
struct PacketFilterRule
{
    /// Which way the packets go, seen from the host.
    enum Direction
    {
        IN,  //!< arriving
        OUT, //!< leaving
        BOTH //!< either
    };

    /// The transport protocol the rule matches.
    enum Protocol
    {
        TCP, //!< protocol 6
        UDP, //!< protocol 17
        ANY  //!< TCP or UDP
    };

    /// What happens to a matching packet.
    enum Action
    {
        DROP,                //!< silence (the sender retransmits or times out)
        REJECT_RESET,        //!< arriving TCP: answered by a reset, as a closed port
        REJECT_PORT_UNREACH, //!< arriving: answered by ICMP port unreachable
        REJECT_HOST_UNREACH, //!< arriving: answered by ICMP host unreachable
        ACCEPT               //!< let it through (ends the search, like an earlier rule)
    };

    Direction direction{IN};    //!< which way
    Protocol protocol{TCP};     //!< which protocol
    uint16_t localFirst{0};     //!< local port range start (0 = any port)
    uint16_t localLast{65535};  //!< local port range end
    uint16_t remoteFirst{0};    //!< remote port range start (0 = any port)
    uint16_t remoteLast{65535}; //!< remote port range end
    bool synOnly{false};        //!< TCP: only segments with SYN and without ACK
    Action action{DROP};        //!< what to do
    Time from;                  //!< active from this time
    Time until{-1};             //!< active before this time; negative = to the end
};

/**
 * \brief A host's packet filter: ordered rules over TCP and UDP packets, the first
 * match decides; packets no rule matches pass.
 *
 * It sees every TCP and UDP packet the host's IPv4 layer delivers or sends, for any
 * TCP stack (ns-3's own or the legacy one): PacketFilterHelper puts a
 * FilteredL4Protocol in front of the host's TCP and UDP. Dropping a SYN is how a
 * firewall "stealths" a port (the client's SYNs go unanswered and it times out
 * after its SYN schedule); rejecting it is how a closed port answers (a reset) or
 * how a router or host firewall does (ICMP port or host unreachable).
 */
class HostPacketFilter : public Object
{
  public:
    /// A filter decision, as the trace sources report it.
    struct Decision
    {
        uint32_t rule{0};                                            //!< rule index, from 0
        PacketFilterRule::Direction direction{PacketFilterRule::IN}; //!< in or out
        uint8_t protocol{0};                                         //!< 6 or 17
        Ipv4Address localAddress;                                    //!< host's address
        uint16_t localPort{0};                                       //!< host's port
        Ipv4Address remoteAddress;                                   //!< peer's address
        uint16_t remotePort{0};                                      //!< peer's port
        uint8_t tcpFlags{0};                                         //!< TCP flags, 0 for UDP
        PacketFilterRule::Action action{PacketFilterRule::DROP};     //!< what was done
    };

    /// Signature of the "Dropped" and "Rejected" trace sources.
    typedef void (*DecisionTracedCallback)(const Decision& decision);

    /** \brief Get the type ID. \return the object TypeId */
    static TypeId GetTypeId();

    /** \brief Add a rule after the others. \param rule the rule */
    void AddRule(const PacketFilterRule& rule);
    /** \return the rules, in order */
    const std::vector<PacketFilterRule>& GetRules() const;

    /**
     * \brief Decide on a packet (its transport header still on it).
     * \param direction IN or OUT \param ip the IPv4 header (source, destination,
     * protocol) \param packet the transport segment \param decision filled in
     * for a matching rule \return the action (ACCEPT when no rule matches)
     */
    PacketFilterRule::Action Decide(PacketFilterRule::Direction direction, const Ipv4Header& ip,
                                    Ptr<const Packet> packet, Decision& decision) const;
    /** \brief Report a drop (trace). \param decision what and why */
    void NotifyDropped(const Decision& decision) const;
    /** \brief Report a rejection (trace). \param decision what and why */
    void NotifyRejected(const Decision& decision) const;

  private:
    std::vector<PacketFilterRule> m_rules;           //!< in order
    TracedCallback<const Decision&> m_droppedTrace;  //!< "Dropped"
    TracedCallback<const Decision&> m_rejectedTrace; //!< "Rejected"
};

/**
 * \param action an action \return its name in scenarios and events.csv: drop,
 * reject-reset, reject-port-unreachable, reject-host-unreachable, accept
 */
const char* PacketFilterActionName(PacketFilterRule::Action action);

} // namespace ns3

#endif
