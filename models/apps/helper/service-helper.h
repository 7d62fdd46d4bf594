#ifndef RETROTCP_SERVICE_HELPER_H
#define RETROTCP_SERVICE_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/socket.h"

#include <string>

namespace ns3
{

/**
 * \brief Installs ServiceApplication (a TCP service listening on a port while it
 * runs): a preset factory, as ns-3's PacketSinkHelper.
 *
 * \code
 * ServiceHelper service("ns3::LegacyTcpSocketFactory", 80);
 * service.SetAttribute("ResponseBytes", UintegerValue(512));
 * service.Install(server).Start(Seconds(0));
 * \endcode
 */
class ServiceHelper
{
  public:
    /**
     * \param socketFactory TypeId name of the socket factory:
     * "ns3::LegacyTcpSocketFactory" on a node with LegacyTcpStackHelper's stack,
     * "ns3::TcpSocketFactory" on ns-3's own
     * \param port the port to listen on
     */
    ServiceHelper(const std::string& socketFactory, uint16_t port);

    /**
     * \brief Set an attribute of the applications to be installed.
     * \param name a ServiceApplication attribute \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Apply \p configure to the listening socket right after creating it.
     * \param configure the callback
     */
    void SetSocketConfigurator(Callback<void, Ptr<Socket>> configure);

    /** \param node the node \return the application installed on it */
    ApplicationContainer Install(Ptr<Node> node) const;
    /** \param nodes the nodes \return one application per node */
    ApplicationContainer Install(NodeContainer nodes) const;

  private:
    ObjectFactory m_factory;                       //!< ServiceApplication factory
    Callback<void, Ptr<Socket>> m_configureSocket; //!< listener configuration
};

} // namespace ns3

#endif
