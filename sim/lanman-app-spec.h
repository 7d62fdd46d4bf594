#ifndef RETROTCP_LANMAN_APP_SPEC_H
#define RETROTCP_LANMAN_APP_SPEC_H

#include "lanman-command.h"
#include "ns3/nstime.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace retrotcp
{

struct StackSpec;
struct StackProfile;

/// A LAN Manager workstation ("type": "lanman-redirector").
struct LanmanRedirectorSpec
{
    std::string domainController;                //!< host that validates net logon
    std::vector<ns3::LanmanCommand> commands;    //!< run from "start"
    std::vector<ns3::LanmanCommand> logonScript; //!< run after each successful logon
    ns3::Time start;                             //!< first command
    ns3::Time startJitter;                       //!< each host adds U(0, jitter)
};

/// A LAN Manager server ("type": "lanman-server").
struct LanmanServerSpec
{
    ns3::Time start;                                 //!< listener opens
    ns3::Time thinkTime{ns3::MilliSeconds(1)};       //!< per response
    ns3::Time logonThinkTime{ns3::MilliSeconds(20)}; //!< Session Setup response
    ns3::Time idleTimeout;                           //!< 0 = never
};

/// The port a lanman-server listens on (NetBIOS session service, RFC 1002).
constexpr uint16_t kLanmanServerPort = 139;

/// True for the lanman-dos-* profiles.
bool IsLanmanProfile(const StackProfile& profile);

/**
 * \brief For lanman profiles: read the PROTOCOL.INI names (NBSESSIONS, ...) from
 * \p parameters, derive ConnectionBlocks, ReceiveWindow, SegmentSize and Msl
 * (LanmanStackConfig) into stack.parameters and NBSESSIONS into
 * stack.nbSessions. Throws ScenarioError naming the parameter's JSON path.
 */
void ApplyLanmanStackParameters(const StackProfile& profile, const nlohmann::json& parameters,
                                const std::string& path, const std::string& file, StackSpec& stack);

} // namespace retrotcp

#endif
