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

ApplicationContainer
LanmanServerHelper::Install(Ptr<Node> node) const
{
    Ptr<Application> app = m_factory.Create<Application>();
    node->AddApplication(app);
    return ApplicationContainer(app);
}

} // namespace ns3
