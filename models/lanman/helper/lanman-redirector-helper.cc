#include "lanman-redirector-helper.h"

#include "ns3/string.h"

namespace ns3
{

LanmanRedirectorHelper::LanmanRedirectorHelper(const std::string& domainController)
    : SocketApplicationHelper(LanmanRedirector::GetTypeId())
{
    SetAttribute("DomainController", StringValue(domainController));
}

void
LanmanRedirectorHelper::SetCommands(const std::vector<LanmanCommand>& commands,
                                    const std::vector<LanmanCommand>& script)
{
    m_commands = commands;
    m_logonScript = script;
}

void
LanmanRedirectorHelper::SetNameTable(Ptr<LanmanNameTable> names)
{
    m_names = names;
}

void
LanmanRedirectorHelper::Configure(Ptr<LanmanRedirector> app) const
{
    app->SetCommands(m_commands);
    app->SetLogonScript(m_logonScript);
    if (m_names)
    {
        app->SetNameTable(m_names);
    }
}

} // namespace ns3
