#include "legacy-tcp-l4-protocol.h"

#include "legacy-tcp-socket.h"
#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-interface-address.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-option-rfc793.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpL4Protocol");

NS_OBJECT_ENSURE_REGISTERED(LegacyTcpL4Protocol);

LegacyTcpL4Protocol::LegacyTcpL4Protocol()
{
    m_timeWait.SetExpiryCallback([this](const LegacyTcpFourTuple& key, const TimeWaitRecord& r) {
        TimeWaitExpired(key, r);
    });
}

LegacyTcpL4Protocol::LegacyTcpL4Protocol(const LegacyTcpL4Protocol& prototype)
    : IpL4Protocol(prototype)
    , m_config(prototype.m_config)
{
    m_timeWait.SetExpiryCallback([this](const LegacyTcpFourTuple& key, const TimeWaitRecord& r) {
        TimeWaitExpired(key, r);
    });
    // The attribute setters' work, in GetTypeId's order.
    SetConnectionBlocks(prototype.m_connectionBlocks);
    SetPortSelection(prototype.m_portSelection);
    m_isn.SetOffsetTemplate(prototype.GetIsnOffset());
    SetPortMin(prototype.m_portMin);
    SetPortMax(prototype.m_portMax);
    m_clock.SetPhaseTemplate(prototype.GetClockPhase());
}

LegacyTcpL4Protocol::~LegacyTcpL4Protocol() = default;

void
LegacyTcpL4Protocol::DoDispose()
{
    m_timeWait.Clear();
    for (auto& c : m_connections)
    {
        c.second->Abandon();
    }
    m_connections.clear();
    m_listeners.clear();
    m_pool.ClearWaiters();
    m_node = nullptr;
    m_ipv4 = nullptr;
    m_downTarget = IpL4Protocol::DownTargetCallback();
    m_downTarget6 = IpL4Protocol::DownTargetCallback6();
    IpL4Protocol::DoDispose();
}

void
LegacyTcpL4Protocol::NotifyNewAggregate()
{
    if (!m_node)
    {
        Ptr<Node> node = GetObject<Node>();
        if (node)
        {
            m_node = node;
        }
    }
    Ptr<Ipv4> ipv4 = GetObject<Ipv4>();
    if (ipv4 && m_downTarget.IsNull())
    {
        // The stack helper swaps us in for the stock TcpL4Protocol (Remove, Insert).
        SetDownTarget(MakeCallback(&Ipv4::Send, ipv4));
    }
    IpL4Protocol::NotifyNewAggregate();
}

void
LegacyTcpL4Protocol::SetNode(Ptr<Node> node)
{
    m_node = node;
    m_ipv4 = nullptr; // the new node's, at the next segment
}

Ptr<Node>
LegacyTcpL4Protocol::GetNode() const
{
    return m_node;
}

Ptr<Socket>
LegacyTcpL4Protocol::CreateSocket()
{
    Ptr<LegacyTcpSocket> socket = CreateObject<LegacyTcpSocket>();
    socket->SetTcp(this, NextConnectionId());
    return socket;
}

int64_t
LegacyTcpL4Protocol::AssignStreams(int64_t stream)
{
    m_isn.SetStream(stream);
    m_clock.SetStream(stream + 1);
    return 2;
}

uint32_t
LegacyTcpL4Protocol::GetBlocksInUse() const
{
    return m_pool.GetInUse();
}

uint32_t
LegacyTcpL4Protocol::GetTimeWaitCount() const
{
    return static_cast<uint32_t>(m_timeWait.GetSize());
}

uint32_t
LegacyTcpL4Protocol::GetConnectionCount() const
{
    return static_cast<uint32_t>(m_connections.size());
}

LegacyTcpErrorCodes
LegacyTcpL4Protocol::GetErrorCodes() const
{
    return m_config->errorCodes;
}

LegacyTcpL4Protocol::Config&
LegacyTcpL4Protocol::MutableConfig()
{
    // Stacks copied from one prototype share its values until one of them is set.
    if (m_config.use_count() > 1)
    {
        m_config = std::make_shared<Config>(*m_config);
    }
    return *m_config;
}

Time
LegacyTcpL4Protocol::GetTimeWaitDuration() const
{
    // RFC 793 p.22: TIME-WAIT lasts "enough time to pass to be sure the remote TCP
    // received the acknowledgment of its connection termination request" (2 MSL).
    return m_config->timeWaitDelay.IsStrictlyPositive() ? m_config->timeWaitDelay
                                                        : m_config->msl * 2;
}

int
LegacyTcpL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

void
LegacyTcpL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_downTarget = cb;
}

void
LegacyTcpL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
LegacyTcpL4Protocol::GetDownTarget() const
{
    return m_downTarget;
}

IpL4Protocol::DownTargetCallback6
LegacyTcpL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

// --- attribute setters ---

void
LegacyTcpL4Protocol::SetConnectionBlocks(uint32_t blocks)
{
    m_connectionBlocks = blocks;
    m_pool.SetCapacity(blocks);
}

uint32_t
LegacyTcpL4Protocol::GetConnectionBlocks() const
{
    return m_connectionBlocks;
}

void
LegacyTcpL4Protocol::SetPortMin(uint16_t port)
{
    m_portMin = port;
    m_ports.SetRange(m_portMin, m_portMax);
}

uint16_t
LegacyTcpL4Protocol::GetPortMin() const
{
    return m_portMin;
}

void
LegacyTcpL4Protocol::SetPortMax(uint16_t port)
{
    m_portMax = port;
    m_ports.SetRange(m_portMin, m_portMax);
}

uint16_t
LegacyTcpL4Protocol::GetPortMax() const
{
    return m_portMax;
}

void
LegacyTcpL4Protocol::SetIsnOffset(Ptr<RandomVariableStream> variable)
{
    m_isn.SetOffsetVariable(variable);
}

Ptr<RandomVariableStream>
LegacyTcpL4Protocol::GetIsnOffset() const
{
    return m_isn.GetOffsetVariable();
}

void
LegacyTcpL4Protocol::SetClockPhase(Ptr<RandomVariableStream> variable)
{
    m_clock.SetPhaseVariable(variable);
}

Ptr<RandomVariableStream>
LegacyTcpL4Protocol::GetClockPhase() const
{
    return m_clock.GetPhaseVariable();
}

void
LegacyTcpL4Protocol::SetPortSelection(PortSelection selection)
{
    m_portSelection = selection;
    m_ports.SetHashed(selection == PORTS_HASHED);
}

LegacyTcpL4Protocol::PortSelection
LegacyTcpL4Protocol::GetPortSelection() const
{
    return m_portSelection;
}

} // namespace ns3
