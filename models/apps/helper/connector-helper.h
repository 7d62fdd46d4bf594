#ifndef RETROTCP_CONNECTOR_HELPER_H
#define RETROTCP_CONNECTOR_HELPER_H

#include "ns3/address.h"
#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/socket.h"

#include <string>

namespace ns3
{

/**
 * \brief Installs ConnectorApplication (connect() calls on a schedule): a preset
 * factory, as ns-3's PacketSinkHelper.
 *
 * \code
 * ConnectorHelper connector("ns3::LegacyTcpSocketFactory",
 *                           InetSocketAddress(serverAddress, 80));
 * connector.SetAttribute("Count", UintegerValue(3));
 * ApplicationContainer apps = connector.Install(client);
 * apps.Start(Seconds(1));
 * \endcode
 */
class ConnectorHelper
{
  public:
    /**
     * \param socketFactory TypeId name of the socket factory:
     * "ns3::LegacyTcpSocketFactory" on a node with LegacyTcpStackHelper's stack,
     * "ns3::TcpSocketFactory" on ns-3's own
     * \param remote the InetSocketAddress to connect to
     */
    ConnectorHelper(const std::string& socketFactory, const Address& remote);

    /**
     * \brief Set an attribute of the applications to be installed.
     * \param name a ConnectorApplication attribute \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Apply \p configure to every socket the applications create, right after
     * creating it (per-node socket attributes, say).
     * \param configure the callback
     */
    void SetSocketConfigurator(Callback<void, Ptr<Socket>> configure);

    /** \param node the node \return the application installed on it */
    ApplicationContainer Install(Ptr<Node> node) const;
    /** \param nodes the nodes \return one application per node */
    ApplicationContainer Install(NodeContainer nodes) const;

  private:
    ObjectFactory m_factory;                       //!< ConnectorApplication factory
    Callback<void, Ptr<Socket>> m_configureSocket; //!< per-socket configuration
};

} // namespace ns3

#endif
