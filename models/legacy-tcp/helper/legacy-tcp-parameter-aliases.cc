#include "legacy-tcp-parameter-aliases.h"

namespace ns3
{

namespace
{

// A registry DWORD as the scenario writes it: 1 to 9 decimal digits.
bool
IsRegistryInteger(const std::string& value)
{
    if (value.empty() || value.size() > 9)
    {
        return false;
    }
    for (char c : value)
    {
        if (c < '0' || c > '9')
        {
            return false;
        }
    }
    return true;
}

const char* const kNtRegistry = "Windows NT registry (Tcpip\\Parameters)";
const char* const kWin95Registry = "Windows 95 registry (VxD\\MSTCP)";

} // namespace

const std::vector<LegacyTcpParameterAlias>&
LegacyTcpParameterAliases::GetAll()
{
    static const std::vector<LegacyTcpParameterAlias> all = {
        {"TcpMaxConnectRetransmissions", kNtRegistry, "MaxConnectRetransmissions (NT, integer)",
         "Q175523: re-sends of an unanswered or reset SYN"},
        {"MaxConnectRetries", kWin95Registry, "MaxConnectRetransmissions (Windows 95, integer)",
         "Q175523: the Windows 95 name of the same limit"},
        {"TcpTimedWaitDelay", kNtRegistry, "TimeWaitDelay (integer seconds)",
         "Windows NT TCP/IP Implementation Details: TIME-WAIT in seconds, 30-300, "
         "from NT 3.51 SP5"},
        {"MaxUserPort", kNtRegistry, "EphemeralPortMax (integer)",
         "Windows NT TCP/IP Implementation Details: the highest ephemeral port, "
         "default 5000 (Q196271: WSAENOBUFS above it)"},
        {"TcpInitialRtt", kNtRegistry, "SynInitialTimeout and InitialRto (integer milliseconds)",
         "Windows 2000 TCP/IP Implementation Details: the initial retransmission "
         "timeout, in milliseconds (assumption: NT reads it alike)"},
    };
    return all;
}

const LegacyTcpParameterAlias*
LegacyTcpParameterAliases::Find(const std::string& name)
{
    for (const auto& alias : GetAll())
    {
        if (alias.name == name)
        {
            return &alias;
        }
    }
    return nullptr;
}

std::optional<std::string>
LegacyTcpParameterAliases::Translate(const std::string& name, const std::string& value,
                                     std::vector<Assignment>& out)
{
    if (!Find(name))
    {
        return "a known alias (got " + name + ")";
    }
    if (!IsRegistryInteger(value))
    {
        return "a non-negative integer (registry value " + name + ")";
    }
    if (name == "TcpMaxConnectRetransmissions" || name == "MaxConnectRetries")
    {
        out.emplace_back("MaxConnectRetransmissions", value);
    }
    else if (name == "TcpTimedWaitDelay")
    {
        out.emplace_back("TimeWaitDelay", value + "s");
    }
    else if (name == "MaxUserPort")
    {
        out.emplace_back("EphemeralPortMax", value);
    }
    else if (name == "TcpInitialRtt")
    {
        out.emplace_back("SynInitialTimeout", value + "ms");
        out.emplace_back("InitialRto", value + "ms");
    }
    return std::nullopt;
}

} // namespace ns3
