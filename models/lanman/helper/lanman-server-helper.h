#ifndef LANMAN_SERVER_HELPER_H
#define LANMAN_SERVER_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/socket.h"

namespace ns3
{

/**
 * \brief Installs LanmanServerApplication (a LAN Manager file server or domain
 * controller on the NetBIOS session port): a preset factory.
 */
class LanmanServerHelper
{
  public:
    LanmanServerHelper();
    /** \brief Set an attribute. \param name attribute \param value value */
    void SetAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Apply \p configure to the listening socket right after creating it.
     * \param configure the callback
     */
    void SetSocketConfigurator(Callback<void, Ptr<Socket>> configure);
    /** \brief Install on one node. \param node the node \return the application */
    ApplicationContainer Install(Ptr<Node> node) const;
    /** \brief Install on nodes. \param nodes the nodes \return one application each */
    ApplicationContainer Install(NodeContainer nodes) const;

  private:
    ObjectFactory m_factory;                       //!< LanmanServerApplication factory
    Callback<void, Ptr<Socket>> m_configureSocket; //!< listener configuration
};

} // namespace ns3

#endif
