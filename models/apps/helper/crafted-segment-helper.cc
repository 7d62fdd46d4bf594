#include "crafted-segment-helper.h"

#include "ns3/node.h"

namespace ns3
{

CraftedSegmentHelper::CraftedSegmentHelper(const Address& remote)
{
    m_factory.SetTypeId(CraftedSegmentApplication::GetTypeId());
    m_factory.Set("Remote", AddressValue(remote));
}

void
CraftedSegmentHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
CraftedSegmentHelper::SetScript(const std::vector<CraftedSegment>& script)
{
    m_script = script;
}

ApplicationContainer
CraftedSegmentHelper::Install(Ptr<Node> node) const
{
    Ptr<CraftedSegmentApplication> app = m_factory.Create<CraftedSegmentApplication>();
    app->SetScript(m_script);
    node->AddApplication(app);
    return ApplicationContainer(app);
}

ApplicationContainer
CraftedSegmentHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

} // namespace ns3
