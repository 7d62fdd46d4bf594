#include "legacy-tcp-stock-factory-guard.h"

#include "legacy-tcp-stock-tcp-guard.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(LegacyTcpStockFactoryGuard);

TypeId
LegacyTcpStockFactoryGuard::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LegacyTcpStockFactoryGuard")
                            .SetParent<TcpSocketFactory>()
                            .SetGroupName("Internet")
                            .AddConstructor<LegacyTcpStockFactoryGuard>();
    return tid;
}

Ptr<Socket>
LegacyTcpStockFactoryGuard::CreateSocket()
{
    LegacyTcpStockTcpGuard::Stop();
}

} // namespace ns3
