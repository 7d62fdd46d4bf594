#include "lanman-redirector-helper.h"

#include "lanman-redirector.h"
#include "ns3/string.h"

namespace ns3
{

LanmanRedirectorHelper::LanmanRedirectorHelper(const std::string& domainController)
{
    m_factory.SetTypeId(LanmanRedirector::GetTypeId());
    m_factory.Set("DomainController", StringValue(domainController));
}

void
LanmanRedirectorHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
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
LanmanRedirectorHelper::SetSocketConfigurator(Callback<void, Ptr<Socket>> configure)
{
    m_configureSocket = configure;
}

ApplicationContainer
LanmanRedirectorHelper::Install(Ptr<Node> node) const
{
    Ptr<LanmanRedirector> app = m_factory.Create<LanmanRedirector>();
    app->SetCommands(m_commands);
    app->SetLogonScript(m_logonScript);
    app->SetSocketConfigurator(m_configureSocket);
    if (m_names)
    {
        app->SetNameTable(m_names);
    }
    node->AddApplication(app);
    return ApplicationContainer(app);
}

ApplicationContainer
LanmanRedirectorHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

} // namespace ns3
