#include "connector-helper.h"

#include "connector-application.h"
#include "ns3/string.h"

namespace ns3
{

ConnectorHelper::ConnectorHelper(const std::string& socketFactory, const Address& remote)
{
    m_factory.SetTypeId(ConnectorApplication::GetTypeId());
    m_factory.Set("SocketFactory", StringValue(socketFactory));
    m_factory.Set("Remote", AddressValue(remote));
}

void
ConnectorHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
ConnectorHelper::SetSocketConfigurator(Callback<void, Ptr<Socket>> configure)
{
    m_configureSocket = configure;
}

ApplicationContainer
ConnectorHelper::Install(Ptr<Node> node) const
{
    Ptr<ConnectorApplication> app = m_factory.Create<ConnectorApplication>();
    app->SetSocketConfigurator(m_configureSocket);
    node->AddApplication(app);
    return ApplicationContainer(app);
}

ApplicationContainer
ConnectorHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

} // namespace ns3
