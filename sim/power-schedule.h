#ifndef RETROTCP_POWER_SCHEDULE_H
#define RETROTCP_POWER_SCHEDULE_H

#include "connection-book.h"
#include "scenario.h"
#include "topology.h"

namespace retrotcp
{

/**
 * \brief Switch a host off and on as its "power" windows say (rule SCN-HOST-POWER):
 * at each off time its legacy stack loses every connection, listener and TIME-WAIT
 * record (LegacyTcpL4Protocol::PowerOff), its ARP cache is emptied (kept when the
 * LAN's neighbour tables are static: they are configuration, reloaded at boot),
 * and its network interface drops every frame it is sent until the on time
 * (OutageErrorModel), so ARP requests go unanswered. Events host_power_off and
 * host_power_on go to the book. The host's services are installed per powered
 * window (app-kind-service.cc).
 */
void InstallPowerSchedule(const HostInstance& host, const LanSpec& lan,
                          ns3::Ptr<ConnectionBook> book);

/// Events link_down and link_up of every WAN link's "outages" (the host column
/// holds the link's name); the frames are lost by topology.cc's error models.
void ScheduleLinkEvents(const Scenario& scenario, ns3::Ptr<ConnectionBook> book);

} // namespace retrotcp

#endif
