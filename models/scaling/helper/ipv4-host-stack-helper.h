#ifndef RETROTCP_IPV4_HOST_STACK_HELPER_H
#define RETROTCP_IPV4_HOST_STACK_HELPER_H

#include "ns3/ipv4-routing-helper.h"
#include "ns3/node-container.h"

#include <cstdint>
#include <memory>

namespace ns3
{

/**
 * \brief Installs the IPv4 host stack of a 1990s host: IPv4, ARP, ICMP, the traffic
 * control layer (no queue disc) and routing, and, if asked for, UDP and ns-3's
 * TCP. No IPv6 and no packet sockets.
 *
 * InternetStackHelper also gives every node IPv6 (its loopback interface, ICMPv6,
 * the extension and option demultiplexers), UDP, TCP and a packet socket factory:
 * about 8 kB and 0.1 ms per node that an IPv4 host built for a scenario never uses.
 * The objects this helper installs are the same types, aggregated in the same
 * order, as InternetStackHelper's, so an IPv4 node behaves the same.
 *
 * AssignStreams() numbers the random variables as InternetStackHelper numbers them
 * on a node with IPv6 and global routing (per node: global routing, the IPv6
 * fragment reassembly stream, ARP, ICMPv6's two), leaving the numbers of what the
 * node lacks unused: every ARP and routing variable draws the values it drew on
 * InternetStackHelper's stack, and results do not change with the stack.
 */
class Ipv4HostStackHelper
{
  public:
    /// Hashed, static and global routing (Ipv4HashedRoutingHelper::MakeListRouting).
    Ipv4HostStackHelper();
    ~Ipv4HostStackHelper();
    /** \brief Copy. \param other the helper */
    Ipv4HostStackHelper(const Ipv4HostStackHelper& other);
    /** \brief Assign. \param other the helper \return this */
    Ipv4HostStackHelper& operator=(const Ipv4HostStackHelper& other);

    /** \brief The routing of the nodes to come. \param routing its helper (copied) */
    void SetRoutingHelper(const Ipv4RoutingHelper& routing);
    /** \brief Install UDP (default: yes). \param install whether to */
    void SetUdp(bool install);
    /** \brief Install ns-3's TcpL4Protocol (default: yes). \param install whether to */
    void SetTcp(bool install);

    /** \brief Install the stack. \param node a node without IPv4 */
    void Install(Ptr<Node> node) const;
    /** \brief Install the stack on each node. \param nodes nodes without IPv4 */
    void Install(const NodeContainer& nodes) const;

    /**
     * \brief Fix the random variable streams of the nodes' stacks, numbered as
     * InternetStackHelper::AssignStreams numbers them (see the class description).
     * \param nodes the nodes \param stream first stream number
     * \return the number of stream numbers used (5 per node)
     */
    static int64_t AssignStreams(const NodeContainer& nodes, int64_t stream);

    /// Stream numbers InternetStackHelper gives a node's global routing.
    static const int64_t GLOBAL_ROUTING_STREAMS = 1;
    /// Stream numbers InternetStackHelper gives a node's IPv6 fragment reassembly.
    static const int64_t IPV6_FRAGMENT_STREAMS = 1;
    /// Stream numbers InternetStackHelper gives a node's ICMPv6.
    static const int64_t ICMPV6_STREAMS = 2;

  private:
    std::unique_ptr<Ipv4RoutingHelper> m_routing; //!< routing of new nodes
    bool m_udp{true};                             //!< install UDP
    bool m_tcp{true};                             //!< install ns-3's TCP
};

} // namespace ns3

#endif
