#ifndef RETROTCP_SERVICE_HELPER_H
#define RETROTCP_SERVICE_HELPER_H

#include "service-application.h"
#include "socket-application-helper.h"

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
class ServiceHelper : public SocketApplicationHelper<ServiceApplication>
{
  public:
    /**
     * \param socketFactory TypeId name of the socket factory:
     * "ns3::LegacyTcpSocketFactory" on a node with LegacyTcpStackHelper's stack,
     * "ns3::TcpSocketFactory" on ns-3's own
     * \param port the port to listen on
     */
    ServiceHelper(const std::string& socketFactory, uint16_t port);
};

} // namespace ns3

#endif
