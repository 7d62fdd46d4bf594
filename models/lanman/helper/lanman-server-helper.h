#ifndef LANMAN_SERVER_HELPER_H
#define LANMAN_SERVER_HELPER_H

#include "lanman-server-application.h"
#include "socket-application-helper.h"

namespace ns3
{

/**
 * \brief Installs LanmanServerApplication (a LAN Manager file server or domain
 * controller on the NetBIOS session port): a preset factory with SetAttribute,
 * SetSocketConfigurator and Install (SocketApplicationHelper).
 */
class LanmanServerHelper : public SocketApplicationHelper<LanmanServerApplication>
{
  public:
    LanmanServerHelper();
};

} // namespace ns3

#endif
