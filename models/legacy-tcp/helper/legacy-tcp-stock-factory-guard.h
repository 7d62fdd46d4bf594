#ifndef LEGACY_TCP_STOCK_FACTORY_GUARD_H
#define LEGACY_TCP_STOCK_FACTORY_GUARD_H

#include "ns3/tcp-socket-factory.h"

namespace ns3
{

/**
 * \brief The ns3::TcpSocketFactory of a legacy node that has no ns-3 TCP at all
 * (Ipv4HostStackHelper with SetTcp(false)): creating a socket stops the program
 * with LegacyTcpStockTcpGuard's message, which names the factory to use.
 *
 * Without it, a stock application with "ns3::TcpSocketFactory" on such a node
 * would find no factory and crash. LegacyTcpStackHelper aggregates it to a node
 * without a TcpSocketFactory.
 */
class LegacyTcpStockFactoryGuard : public TcpSocketFactory
{
  public:
    /** \return the TypeId */
    static TypeId GetTypeId();
    /** \brief Stops the program. \return never */
    Ptr<Socket> CreateSocket() override;
};

} // namespace ns3

#endif
