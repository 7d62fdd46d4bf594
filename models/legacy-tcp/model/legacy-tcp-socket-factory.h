#ifndef LEGACY_TCP_SOCKET_FACTORY_H
#define LEGACY_TCP_SOCKET_FACTORY_H

#include "ns3/socket-factory.h"

namespace ns3
{

class LegacyTcpL4Protocol;

/**
 * \brief Socket factory of a legacy TCP stack, aggregated to the node.
 *
 * Stock applications (PacketSink, BulkSendApplication, OnOffApplication) use
 * legacy sockets with their Protocol attribute set to
 * "ns3::LegacyTcpSocketFactory".
 */
class LegacyTcpSocketFactory : public SocketFactory
{
  public:
    /**
     * \brief Get the type ID. \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \brief Set the stack. \param tcp the stack */
    void SetTcp(Ptr<LegacyTcpL4Protocol> tcp);
    Ptr<Socket> CreateSocket() override;

  protected:
    void DoDispose() override;

  private:
    Ptr<LegacyTcpL4Protocol> m_tcp; //!< the stack
};

} // namespace ns3

#endif
