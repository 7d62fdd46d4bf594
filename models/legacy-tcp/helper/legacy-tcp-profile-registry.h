#ifndef LEGACY_TCP_PROFILE_REGISTRY_H
#define LEGACY_TCP_PROFILE_REGISTRY_H

#include "legacy-tcp-profile.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \brief The built-in operating-system profiles of the legacy TCP model: Windows 95,
 * Windows NT 3.5 to 4.0, Windows 2000 and XP (Winsock, KB Q175523), 4.4BSD and
 * modern Linux, each value with its source.
 *
 * The LAN Manager for MS-DOS profiles follow from PROTOCOL.INI and live with that
 * model (LanmanProfileRegistry, lanman module).
 */
class LegacyTcpProfileRegistry
{
  public:
    /** \return every built-in profile, in listing order */
    static const std::vector<LegacyTcpProfile>& GetAll();
    /**
     * \param name a profile name, such as "winnt-4.0"
     * \return the built-in profile of that name, or nullptr
     */
    static const LegacyTcpProfile* Find(const std::string& name);
    /** \return the built-in names, comma-separated (for messages) */
    static std::string ListNames();
};

} // namespace ns3

#endif
