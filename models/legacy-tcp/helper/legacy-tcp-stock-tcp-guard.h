#ifndef LEGACY_TCP_STOCK_TCP_GUARD_H
#define LEGACY_TCP_STOCK_TCP_GUARD_H

#include "ns3/tcp-congestion-ops.h"

namespace ns3
{

/**
 * \brief Stops the program when ns-3's own TCP makes a socket on a node whose TCP
 * is the legacy stack.
 *
 * LegacyTcpStackHelper replaces ns-3's TcpL4Protocol in the node's IPv4 stack, but
 * ns-3 offers no way to take the TcpSocketFactory that InternetStackHelper
 * aggregated off the node. A socket made through it (PacketSinkHelper or
 * BulkSendHelper with "ns3::TcpSocketFactory", say) would belong to a TCP that no
 * longer receives segments: it sends SYNs that the legacy stack answers and never
 * connects, and the transfer moves 0 bytes without an error. So the helper sets the
 * stock protocol's SocketType (the congestion control every new stock socket is
 * created with) to this class, whose construction is a fatal error naming the
 * socket factory to use instead.
 */
class LegacyTcpStockTcpGuard : public TcpNewReno
{
  public:
    /** \return the TypeId */
    static TypeId GetTypeId();
    /** \brief Stops the program: see the class description. */
    LegacyTcpStockTcpGuard();
    /**
     * \brief Stop the program with the message that names the socket factory to
     * use (a stock TCP socket was asked for on a legacy node).
     */
    [[noreturn]] static void Stop();

    std::string GetName() const override;
    Ptr<TcpCongestionOps> Fork() override;
};

} // namespace ns3

#endif
