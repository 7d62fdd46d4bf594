#ifndef LANMAN_PROFILE_REGISTRY_H
#define LANMAN_PROFILE_REGISTRY_H

#include "lanman-stack-config.h"
#include "legacy-tcp-profile.h"

#include <optional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \brief The LAN Manager 2.x for MS-DOS stack profiles ("lanman-dos-2.1",
 * "lanman-dos-2.1a", "lanman-dos-2.2"): what PROTOCOL.INI gives
 * (LanmanStackConfig::ToProfileValues(): connection blocks, window, segment size,
 * MSL) plus the stack's fixed behaviour (no free block: fail; RFC 1122 reopen and
 * half-duplex close; BSD-derived timers), each value with its source.
 *
 * Install one with LegacyTcpStackHelper::SetProfile(*LanmanProfileRegistry::Find(
 * "lanman-dos-2.2")), or one for your own PROTOCOL.INI with
 * SetProfile(LanmanProfileRegistry::Make(config)).
 */
class LanmanProfileRegistry
{
  public:
    /** \return the profiles of the default PROTOCOL.INI, one per version */
    static const std::vector<LegacyTcpProfile>& GetAll();
    /**
     * \param name a profile name \return the default profile of that name, or nullptr
     */
    static const LegacyTcpProfile* Find(const std::string& name);
    /**
     * \param name a profile name
     * \return the LAN Manager version of a "lanman-dos-VERSION" name, or nothing
     */
    static std::optional<LanmanVersion> VersionOf(const std::string& name);
    /**
     * \param config a workstation's PROTOCOL.INI (and TCPUTILS.INI); it must pass
     * LanmanStackConfig::Validate()
     * \return the profile of that workstation's stack
     */
    static LegacyTcpProfile Make(const LanmanStackConfig& config);
};

} // namespace ns3

#endif
