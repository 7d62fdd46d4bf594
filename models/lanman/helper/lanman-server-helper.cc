#include "lanman-server-helper.h"

#include "lanman-server-application.h"

namespace ns3
{

LanmanServerHelper::LanmanServerHelper()
{
    m_factory.SetTypeId(LanmanServerApplication::GetTypeId());
}

void
LanmanServerHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
LanmanServerHelper::SetSocketConfigurator(Callback<void, Ptr<Socket>> configure)
{
    m_configureSocket = configure;
}

ApplicationContainer
LanmanServerHelper::Install(Ptr<Node> node) const
{
    Ptr<LanmanServerApplication> app = m_factory.Create<LanmanServerApplication>();
    app->SetSocketConfigurator(m_configureSocket);
    node->AddApplication(app);
    return ApplicationContainer(app);
}

ApplicationContainer
LanmanServerHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

} // namespace ns3
