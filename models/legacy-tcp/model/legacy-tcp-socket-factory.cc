#include "legacy-tcp-socket-factory.h"

#include "legacy-tcp-l4-protocol.h"
#include "ns3/log.h"
#include "ns3/socket.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpSocketFactory");

NS_OBJECT_ENSURE_REGISTERED(LegacyTcpSocketFactory);

TypeId
LegacyTcpSocketFactory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LegacyTcpSocketFactory")
                            .SetParent<SocketFactory>()
                            .SetGroupName("Internet")
                            .AddConstructor<LegacyTcpSocketFactory>();
    return tid;
}

void
LegacyTcpSocketFactory::SetTcp(Ptr<LegacyTcpL4Protocol> tcp)
{
    m_tcp = tcp;
}

Ptr<Socket>
LegacyTcpSocketFactory::CreateSocket()
{
    if (!m_tcp)
    {
        m_tcp = GetObject<LegacyTcpL4Protocol>();
    }
    NS_ABORT_MSG_UNLESS(m_tcp, "no LegacyTcpL4Protocol on this node");
    return m_tcp->CreateSocket();
}

void
LegacyTcpSocketFactory::DoDispose()
{
    m_tcp = nullptr;
    SocketFactory::DoDispose();
}

} // namespace ns3
