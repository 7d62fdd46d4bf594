#include "service-helper.h"

#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "service-application.h"

namespace ns3
{

ServiceHelper::ServiceHelper(const std::string& socketFactory, uint16_t port)
{
    m_factory.SetTypeId(ServiceApplication::GetTypeId());
    m_factory.Set("SocketFactory", StringValue(socketFactory));
    m_factory.Set("Port", UintegerValue(port));
}

void
ServiceHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
ServiceHelper::SetSocketConfigurator(Callback<void, Ptr<Socket>> configure)
{
    m_configureSocket = configure;
}

ApplicationContainer
ServiceHelper::Install(Ptr<Node> node) const
{
    Ptr<ServiceApplication> app = m_factory.Create<ServiceApplication>();
    app->SetSocketConfigurator(m_configureSocket);
    node->AddApplication(app);
    return ApplicationContainer(app);
}

ApplicationContainer
ServiceHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

} // namespace ns3
