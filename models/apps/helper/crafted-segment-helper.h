#ifndef RETROTCP_CRAFTED_SEGMENT_HELPER_H
#define RETROTCP_CRAFTED_SEGMENT_HELPER_H

#include "crafted-segment-application.h"
#include "ns3/address.h"
#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <vector>

namespace ns3
{

/**
 * \brief Installs CraftedSegmentApplication (scripted TCP segments to a target): a
 * preset factory.
 *
 * \code
 * CraftedSegmentHelper probe(InetSocketAddress(serverAddress, 80));
 * probe.SetAttribute("Spoof", Ipv4AddressValue(clientAddress)); // inject as the client
 * CraftedSegment rst;
 * rst.at = Seconds(2);
 * rst.flags = TcpHeader::RST;
 * rst.seq = *CraftedNumber::Parse("target.rcv_nxt");
 * probe.SetScript({rst});
 * probe.Install(attacker).Start(Seconds(0));
 * \endcode
 */
class CraftedSegmentHelper
{
  public:
    /** \param remote the target's InetSocketAddress */
    explicit CraftedSegmentHelper(const Address& remote);

    /** \brief Set an attribute. \param name an attribute \param value its value */
    void SetAttribute(const std::string& name, const AttributeValue& value);
    /** \brief The script every installed application sends. \param script segments */
    void SetScript(const std::vector<CraftedSegment>& script);

    /** \param node the node \return the application installed on it */
    ApplicationContainer Install(Ptr<Node> node) const;
    /** \param nodes the nodes \return one application per node */
    ApplicationContainer Install(NodeContainer nodes) const;

  private:
    ObjectFactory m_factory;              //!< CraftedSegmentApplication
    std::vector<CraftedSegment> m_script; //!< the script
};

} // namespace ns3

#endif
