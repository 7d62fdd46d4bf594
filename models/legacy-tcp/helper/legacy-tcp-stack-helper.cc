#include "legacy-tcp-stack-helper.h"

#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-profile-registry.h"
#include "legacy-tcp-socket-factory.h"
#include "legacy-tcp-stock-factory-guard.h"
#include "legacy-tcp-stock-tcp-guard.h"
#include "ns3/abort.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpStackHelper");

LegacyTcpStackHelper::LegacyTcpStackHelper()
{
    m_factory.SetTypeId(LegacyTcpL4Protocol::GetTypeId());
}

void
LegacyTcpStackHelper::SetProfile(const std::string& name)
{
    const LegacyTcpProfile* profile = LegacyTcpProfileRegistry::Find(name);
    NS_ABORT_MSG_UNLESS(profile, "no legacy TCP profile \""
                                     << name
                                     << "\" (built in: " << LegacyTcpProfileRegistry::ListNames()
                                     << "; LAN Manager profiles: LanmanProfileRegistry)");
    SetProfile(*profile);
}

void
LegacyTcpStackHelper::SetProfile(const LegacyTcpProfile& profile)
{
    m_factory = ObjectFactory();
    m_factory.SetTypeId(LegacyTcpL4Protocol::GetTypeId());
    m_prototype = nullptr;
    for (const auto& v : profile.GetValues())
    {
        m_factory.Set(v.attribute, StringValue(v.value));
    }
}

void
LegacyTcpStackHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
    m_prototype = nullptr;
}

Ptr<LegacyTcpL4Protocol>
LegacyTcpStackHelper::CreateStack() const
{
    if (!m_prototype)
    {
        m_prototype = m_factory.Create<LegacyTcpL4Protocol>();
    }
    return CopyObject<LegacyTcpL4Protocol>(m_prototype);
}

Ptr<LegacyTcpL4Protocol>
LegacyTcpStackHelper::Install(Ptr<Node> node) const
{
    Ptr<Ipv4L3Protocol> ipv4 = node->GetObject<Ipv4L3Protocol>();
    NS_ABORT_MSG_UNLESS(ipv4, "install InternetStackHelper's stack before the legacy TCP");
    NS_ABORT_MSG_IF(node->GetObject<LegacyTcpL4Protocol>(), "node already has a legacy TCP");
    Ptr<LegacyTcpL4Protocol> tcp = CreateStack();
    tcp->SetNode(node);
    node->AggregateObject(tcp);
    Ptr<IpL4Protocol> stock = ipv4->GetProtocol(LegacyTcpL4Protocol::PROT_NUMBER);
    if (stock)
    {
        ipv4->Remove(stock);
        // Its TcpSocketFactory stays aggregated (ns-3 cannot take it off): make a
        // socket from it fail loudly rather than never connect.
        stock->SetAttribute("SocketType", TypeIdValue(LegacyTcpStockTcpGuard::GetTypeId()));
    }
    else if (!node->GetObject<TcpSocketFactory>())
    {
        // A host stack without ns-3's TCP (Ipv4HostStackHelper): the same message.
        node->AggregateObject(CreateObject<LegacyTcpStockFactoryGuard>());
    }
    ipv4->Insert(tcp);
    Ptr<LegacyTcpSocketFactory> factory = CreateObject<LegacyTcpSocketFactory>();
    factory->SetTcp(tcp);
    node->AggregateObject(factory);
    return tcp;
}

void
LegacyTcpStackHelper::Install(NodeContainer nodes) const
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Install(*it);
    }
}

int64_t
LegacyTcpStackHelper::AssignStreams(NodeContainer nodes, int64_t stream) const
{
    int64_t current = stream;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<LegacyTcpL4Protocol> tcp = (*it)->GetObject<LegacyTcpL4Protocol>();
        if (tcp)
        {
            current += tcp->AssignStreams(current);
        }
    }
    return current - stream;
}

} // namespace ns3
