#ifndef RETROTCP_CONNECTOR_HELPER_H
#define RETROTCP_CONNECTOR_HELPER_H

#include "connector-application.h"
#include "ns3/address.h"
#include "socket-application-helper.h"

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
class ConnectorHelper : public SocketApplicationHelper<ConnectorApplication>
{
  public:
    /**
     * \param socketFactory TypeId name of the socket factory:
     * "ns3::LegacyTcpSocketFactory" on a node with LegacyTcpStackHelper's stack,
     * "ns3::TcpSocketFactory" on ns-3's own
     * \param remote the InetSocketAddress to connect to
     */
    ConnectorHelper(const std::string& socketFactory, const Address& remote);
};

} // namespace ns3

#endif
