#include "lanman-profile-registry.h"

#include "legacy-tcp-profile-registry.h"

namespace ns3
{

namespace
{
const char* const kNamePrefix = "lanman-dos-";

// A value LAN Manager shares, by assumption, with another profile: that profile's
// value with \p source.
LegacyTcpProfileValue
Like(const std::string& profile, const std::string& attribute, const std::string& source)
{
    LegacyTcpProfileValue v = *LegacyTcpProfileRegistry::Find(profile)->Find(attribute);
    v.source = source;
    return v;
}

// Assumption: LAN Manager's TCP is BSD-derived, so its timers take the 4.4BSD
// profile's value; \p source says why, or (empty) the BSD profile's own source does.
LegacyTcpProfileValue
AsBsd(const std::string& attribute, const std::string& source = "")
{
    return Like("bsd", attribute,
                source.empty() ? "assumption: BSD-derived, " +
                                     LegacyTcpProfileRegistry::Find("bsd")->Find(attribute)->source
                               : source);
}
} // namespace

const std::vector<LegacyTcpProfile>&
LanmanProfileRegistry::GetAll()
{
    static const std::vector<LegacyTcpProfile> profiles = {
        Make(LanmanStackConfig(LanmanVersion::V2_1)),
        Make(LanmanStackConfig(LanmanVersion::V2_1a)),
        Make(LanmanStackConfig(LanmanVersion::V2_2)),
    };
    return profiles;
}

const LegacyTcpProfile*
LanmanProfileRegistry::Find(const std::string& name)
{
    return LegacyTcpProfile::FindIn(GetAll(), name);
}

std::optional<LanmanVersion>
LanmanProfileRegistry::VersionOf(const std::string& name)
{
    const std::string prefix = kNamePrefix;
    if (name.compare(0, prefix.size(), prefix) != 0)
    {
        return std::nullopt;
    }
    return LanmanStackConfig::ParseVersion(name.substr(prefix.size()));
}

LegacyTcpProfile
LanmanProfileRegistry::Make(const LanmanStackConfig& config)
{
    const std::vector<LegacyTcpProfileValue> ini = config.ToProfileValues();
    auto fromIni = [&ini](const std::string& attribute) {
        for (const auto& v : ini)
        {
            if (v.attribute == attribute)
            {
                return v;
            }
        }
        return LegacyTcpProfileValue{};
    };
    const std::string version = LanmanStackConfig::VersionName(config.GetVersion());
    std::string formula = "TCPCONNECTIONS = NBSESSIONS + 1";
    if (config.IsTcpConnectionsOverridden())
    {
        formula = "TCPCONNECTIONS";
    }
    else if (config.HasUtilities())
    {
        formula += " + NUMSOCKETS + NSESSIONS";
    }
    return {kNamePrefix + version,
            "LAN Manager " + version + " for MS-DOS, TCP/IP " +
                (config.HasUtilities() ? "with" : "without") +
                " the TCP/IP Utilities: a fixed pool of " + formula + " = " +
                std::to_string(config.GetTcpConnections()) +
                " connection blocks (Q94246), TIME-WAIT of 2 x MSL holding a block, RFC 1122 "
                "reopen and half-duplex close.",
            {
                fromIni("ConnectionBlocks"),
                {"PoolPolicy", "Fail", "Q94246: DOS error 53 when no block is free"},
                fromIni("Msl"),
                {"TimeWaitReopen", "true",
                 "Q94246 quotes RFC 1122 4.2.2.13 as what LAN Manager follows"},
                {"HalfDuplexClose", "true", "Q94246 quotes RFC 1122's half-duplex close"},
                {"ConnectRetryPolicy", "Unix",
                 "assumption: not a Winsock stack; nothing documents retries after a RST"},
                Like("winnt-4.0", "MaxConnectRetransmissions",
                     "assumption: as the Microsoft stacks of Q175523"),
                fromIni("SegmentSize"),
                fromIni("ReceiveWindow"),
                {"EphemeralPortMin", "1025", "assumption: BSD-style range"},
                {"EphemeralPortMax", "5000", "assumption: BSD-style range"},
                AsBsd("MinRto",
                      "assumption: a BSD-derived stack, 4.4BSD TCPTV_MIN (2 ticks of 500 ms)"),
                AsBsd("RtoTick"),
                AsBsd("DelayedAckTimeout", "assumption: BSD-derived, 200 ms fast timeout"),
                AsBsd("DelayedAckTick"),
                {"ErrorCodes", "Bsd",
                 "assumption: the TCP/IP Utilities' sockets library is BSD-style; the "
                 "redirector always reports MS-DOS codes (53, network path not found: "
                 "Q94246)"},
            }};
}

} // namespace ns3
