#ifndef LEGACY_TCP_STACK_HELPER_H
#define LEGACY_TCP_STACK_HELPER_H

#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-profile.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <string>

namespace ns3
{

/**
 * \brief Installs a LegacyTcpL4Protocol on nodes that already have an IPv4 stack, in
 * place of ns-3's TcpL4Protocol if they have one (InternetStackHelper's stack), and
 * aggregates a LegacyTcpSocketFactory. Ipv4HostStackHelper with SetTcp(false) gives
 * the cheapest host: no ns-3 TCP to replace.
 *
 * Applications on such a node create TCP sockets with "ns3::LegacyTcpSocketFactory"
 * (PacketSinkHelper("ns3::LegacyTcpSocketFactory", ...)). A socket of ns-3's own
 * "ns3::TcpSocketFactory" there stops the program with a message saying so
 * (LegacyTcpStockTcpGuard, or LegacyTcpStockFactoryGuard on a node without ns-3's
 * TCP), where it would otherwise never connect or crash.
 *
 * The stacks one helper installs are copies of one stack it makes with its
 * attributes at the first Install after a SetProfile or SetAttribute (copying is
 * about 30 times cheaper than making a stack through the attribute system). So an
 * attribute default changed with Config::SetDefault after that Install does not
 * reach the helper's later stacks; and a random variable given as an object
 * (PointerValue) is copied for each stack rather than shared, as one given as a
 * string always was.
 */
class LegacyTcpStackHelper
{
  public:
    LegacyTcpStackHelper();
    /**
     * \brief Preset the stacks to be installed with a built-in profile
     * (LegacyTcpProfileRegistry): SetProfile("winnt-4.0"). Replaces every attribute
     * set before; call SetAttribute() afterwards for per-node overrides. Aborts on
     * an unknown name (LegacyTcpProfileRegistry::Find() checks one first).
     * \param name profile name
     */
    void SetProfile(const std::string& name);
    /**
     * \brief Preset the stacks to be installed with \p profile (a built-in one, a
     * LAN Manager one from LanmanProfileRegistry, or one of your own). Replaces every
     * attribute set before.
     * \param profile the profile
     */
    void SetProfile(const LegacyTcpProfile& profile);
    /**
     * \brief Set an attribute of the stacks to be installed.
     * \param name attribute name \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Install on one node. \param node the node \return its stack
     */
    Ptr<LegacyTcpL4Protocol> Install(Ptr<Node> node) const;
    /** \brief Install on nodes. \param nodes the nodes */
    void Install(NodeContainer nodes) const;
    /**
     * \brief Fix the random streams of the installed stacks (ISN offsets).
     * \param nodes nodes with a legacy stack \param stream first stream
     * \return the number of streams used
     */
    int64_t AssignStreams(NodeContainer nodes, int64_t stream) const;

  private:
    /** \return a new stack: a copy of the prototype, made first if need be */
    Ptr<LegacyTcpL4Protocol> CreateStack() const;

    ObjectFactory m_factory;                      //!< LegacyTcpL4Protocol factory
    mutable Ptr<LegacyTcpL4Protocol> m_prototype; //!< made by m_factory, of no node
};

} // namespace ns3

#endif
