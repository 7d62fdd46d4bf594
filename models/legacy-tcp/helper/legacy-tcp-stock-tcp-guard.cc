#include "legacy-tcp-stock-tcp-guard.h"

#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpStockTcpGuard");
NS_OBJECT_ENSURE_REGISTERED(LegacyTcpStockTcpGuard);

TypeId
LegacyTcpStockTcpGuard::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LegacyTcpStockTcpGuard")
                            .SetParent<TcpNewReno>()
                            .SetGroupName("Internet")
                            .AddConstructor<LegacyTcpStockTcpGuard>();
    return tid;
}

LegacyTcpStockTcpGuard::LegacyTcpStockTcpGuard()
{
    Stop();
}

void
LegacyTcpStockTcpGuard::Stop()
{
    uint32_t node = Simulator::GetContext();
    NS_FATAL_ERROR(
        "a socket of ns3::TcpSocketFactory (ns-3's own TCP) was created on "
        << (node == Simulator::NO_CONTEXT ? std::string("a node") : "node " + std::to_string(node))
        << " whose TCP is the legacy stack (LegacyTcpStackHelper::Install): it "
           "would never connect. Create TCP sockets there with "
           "ns3::LegacyTcpSocketFactory, e.g. PacketSinkHelper(\"ns3::"
           "LegacyTcpSocketFactory\", ...) or BulkSendHelper(\"ns3::"
           "LegacyTcpSocketFactory\", ...).");
}

std::string
LegacyTcpStockTcpGuard::GetName() const
{
    return "LegacyTcpStockTcpGuard";
}

Ptr<TcpCongestionOps>
LegacyTcpStockTcpGuard::Fork()
{
    return CopyObject<LegacyTcpStockTcpGuard>(this);
}

} // namespace ns3
