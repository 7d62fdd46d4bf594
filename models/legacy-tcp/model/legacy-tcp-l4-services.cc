// LegacyTcpL4Protocol: what its connections ask of the stack.
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-socket.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyTcpL4Services");

uint64_t
LegacyTcpL4Protocol::NextConnectionId()
{
    return ++m_lastConnectionId;
}

SequenceNumber32
LegacyTcpL4Protocol::NextIsn(const LegacyTcpFourTuple& key)
{
    m_isn.SetMode(m_config->isnMode == ISN_ZERO     ? ClockIsnGenerator::ZERO
                  : m_config->isnMode == ISN_HASHED ? ClockIsnGenerator::HASHED
                                                    : ClockIsnGenerator::CLOCK);
    m_isn.SetIncrement(m_config->isnIncrement);
    return m_isn.Next(Simulator::Now(), key);
}

Time
LegacyTcpL4Protocol::TimerDelay(Time timeout, Time tick)
{
    return m_clock.Delay(Simulator::Now(), timeout, tick);
}

bool
LegacyTcpL4Protocol::TakeBlock(uint64_t id, const LegacyTcpFourTuple& key)
{
    if (!m_pool.TryTake())
    {
        m_poolExhaustedTrace(id, m_pool.GetInUse());
        LegacyTcpEvent event = LegacyTcpEvent::For(LegacyTcpEventType::PoolExhausted, id, key);
        event.poolCapacity = m_pool.GetCapacity();
        Emit(event);
        return false;
    }
    m_blocksInUse = m_pool.GetInUse();
    EmitBlockEvent(LegacyTcpEventType::BlockTaken, id, key, m_pool.GetInUse());
    return true;
}

void
LegacyTcpL4Protocol::FreeBlock(uint64_t id, const LegacyTcpFourTuple& key)
{
    Callback<void> grant = m_pool.Release();
    m_blocksInUse = m_pool.GetInUse();
    uint32_t inUse = grant.IsNull() ? m_pool.GetInUse() : m_pool.GetInUse() - 1;
    EmitBlockEvent(LegacyTcpEventType::BlockFreed, id, key, inUse);
    if (!grant.IsNull())
    {
        grant(); // the waiter announces the grant (NotifyBlockGranted) and continues
    }
}

void
LegacyTcpL4Protocol::WaitForBlock(uint64_t id, Callback<void> grant)
{
    m_pool.Enqueue(id, grant);
}

void
LegacyTcpL4Protocol::StopWaitingForBlock(uint64_t id)
{
    m_pool.Dequeue(id);
}

void
LegacyTcpL4Protocol::NotifyBlockGranted(uint64_t id, const LegacyTcpFourTuple& key)
{
    EmitBlockEvent(LegacyTcpEventType::BlockTaken, id, key, m_pool.GetInUse());
}

void
LegacyTcpL4Protocol::EmitBlockEvent(LegacyTcpEventType type, uint64_t id,
                                    const LegacyTcpFourTuple& key, uint32_t inUse)
{
    (type == LegacyTcpEventType::BlockTaken ? m_blockTakenTrace : m_blockFreedTrace)(id, inUse);
    LegacyTcpEvent event = LegacyTcpEvent::For(type, id, key);
    event.blocksInUse = inUse;
    Emit(event);
}

uint16_t
LegacyTcpL4Protocol::AllocatePort(Ipv4Address remote, uint16_t remotePort)
{
    uint64_t destination = 0;
    if (m_portSelection == PORTS_HASHED)
    {
        // A keyed hash of the destination, as the kernel's secure_ipv4_port_ephemeral.
        uint64_t x = (uint64_t(remote.Get()) << 16 | remotePort) ^
                     (uint64_t(m_isn.GetSecret()) * 0x9E3779B97F4A7C15ULL);
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9ULL;
        destination = x ^ (x >> 29);
    }
    return m_ports.Allocate(destination);
}

bool
LegacyTcpL4Protocol::IsPortInUse(uint16_t port) const
{
    return m_ports.IsInUse(port);
}

void
LegacyTcpL4Protocol::AcquirePort(uint16_t port)
{
    m_ports.Acquire(port);
}

void
LegacyTcpL4Protocol::ReleasePort(uint16_t port)
{
    m_ports.Release(port);
}

void
LegacyTcpL4Protocol::AddConnection(const LegacyTcpFourTuple& key, Ptr<LegacyTcpSocket> socket)
{
    m_connections[key] = socket;
}

void
LegacyTcpL4Protocol::RemoveConnection(const LegacyTcpFourTuple& key)
{
    m_connections.erase(key);
}

bool
LegacyTcpL4Protocol::IsTupleInUse(const LegacyTcpFourTuple& key) const
{
    return m_connections.count(key) != 0 ||
           const_cast<TimeWaitTable&>(m_timeWait).Find(key) != nullptr;
}

bool
LegacyTcpL4Protocol::AddListener(uint16_t port, Ptr<LegacyTcpSocket> socket)
{
    return m_listeners.emplace(port, socket).second;
}

void
LegacyTcpL4Protocol::RemoveListener(uint16_t port)
{
    m_listeners.erase(port);
}

void
LegacyTcpL4Protocol::EnterTimeWait(const LegacyTcpFourTuple& key, const TimeWaitRecord& record)
{
    m_connections.erase(key);
    m_timeWait.Insert(key, record, GetTimeWaitDuration());
}

void
LegacyTcpL4Protocol::ReturnToTimeWait(const LegacyTcpFourTuple& key, const TimeWaitRecord& record)
{
    m_connections.erase(key);
    m_timeWait.Restore(key, record);
}

Ipv4Address
LegacyTcpL4Protocol::SelectSource(Ipv4Address destination) const
{
    Ptr<Ipv4> ipv4 = m_node ? m_node->GetObject<Ipv4>() : nullptr;
    if (!ipv4)
    {
        return Ipv4Address::GetAny();
    }
    if (ipv4->GetRoutingProtocol())
    {
        Ipv4Header header;
        header.SetDestination(destination);
        header.SetProtocol(PROT_NUMBER);
        Socket::SocketErrno err;
        Ptr<Ipv4Route> route =
            ipv4->GetRoutingProtocol()->RouteOutput(Ptr<Packet>(), header, nullptr, err);
        if (route)
        {
            return route->GetSource();
        }
    }
    return Ipv4Address::GetAny();
}

void
LegacyTcpL4Protocol::SendSegment(Ptr<Packet> payload, TcpHeader header, Ipv4Address source,
                                 Ipv4Address destination)
{
    if (!m_poweredOn)
    {
        return; // switched off: nothing leaves the host
    }
    Ptr<Packet> packet = payload ? payload->Copy() : Create<Packet>();
    if (Node::ChecksumEnabled())
    {
        header.EnableChecksums();
        header.InitializeChecksum(source, destination, PROT_NUMBER);
    }
    packet->AddHeader(header);
    NS_LOG_LOGIC("send " << source << " -> " << destination << " " << header);

    if (!m_ipv4 && m_node)
    {
        m_ipv4 = m_node->GetObject<Ipv4>(); // once: GetObject costs a dynamic_cast a segment
    }
    const Ptr<Ipv4>& ipv4 = m_ipv4;
    Ptr<Ipv4Route> route;
    if (ipv4 && ipv4->GetRoutingProtocol())
    {
        Ipv4Header ipHeader;
        ipHeader.SetSource(source);
        ipHeader.SetDestination(destination);
        ipHeader.SetProtocol(PROT_NUMBER);
        Socket::SocketErrno err;
        route = ipv4->GetRoutingProtocol()->RouteOutput(packet, ipHeader, nullptr, err);
    }
    if (!route)
    {
        NS_LOG_WARN("no route to " << destination << ", segment dropped");
        return;
    }
    if (!m_downTarget.IsNull())
    {
        m_downTarget(packet, source, destination, PROT_NUMBER, route);
    }
}

void
LegacyTcpL4Protocol::SendRst(const LegacyTcpFourTuple& key, SequenceNumber32 seq,
                             SequenceNumber32 ack, bool withAck, uint64_t id, LegacyTcpCause cause,
                             LegacyTcpState state)
{
    TcpHeader rst;
    rst.SetSourcePort(key.localPort);
    rst.SetDestinationPort(key.remotePort);
    rst.SetFlags(withAck ? (TcpHeader::RST | TcpHeader::ACK) : TcpHeader::RST);
    rst.SetSequenceNumber(seq);
    rst.SetAckNumber(withAck ? ack : SequenceNumber32(0));
    rst.SetWindowSize(0);
    LegacyTcpEvent event = LegacyTcpEvent::For(LegacyTcpEventType::RstSent, id, key);
    event.cause = cause;
    event.state = state;
    Emit(event);
    SendSegment(nullptr, rst, Ipv4Address(key.localAddress), Ipv4Address(key.remoteAddress));
}

void
LegacyTcpL4Protocol::SendRstFor(const TcpHeader& h, uint32_t dataLength,
                                const LegacyTcpFourTuple& key, LegacyTcpCause cause)
{
    uint8_t flags = h.GetFlags();
    if (flags & TcpHeader::RST)
    {
        return; // "except another reset"
    }
    if (flags & TcpHeader::ACK)
    {
        SendRst(key, h.GetAckNumber(), SequenceNumber32(0), false, 0, cause);
        return;
    }
    uint32_t segLen =
        dataLength + ((flags & TcpHeader::SYN) ? 1 : 0) + ((flags & TcpHeader::FIN) ? 1 : 0);
    SendRst(key, SequenceNumber32(0), h.GetSequenceNumber() + segLen, true, 0, cause);
}

namespace
{
LegacyTcpConnectionState
TimeWaitState(const LegacyTcpFourTuple& key, const TimeWaitRecord& record)
{
    LegacyTcpConnectionState s;
    s.key = key;
    s.state = LEGACY_TCP_TIME_WAIT;
    s.connectionId = record.connectionId;
    s.sndUna = record.sndNxt;
    s.sndNxt = record.sndNxt;
    s.rcvNxt = record.rcvNxt;
    return s;
}
} // namespace

std::optional<LegacyTcpConnectionState>
LegacyTcpL4Protocol::GetConnectionState(const LegacyTcpFourTuple& key) const
{
    auto it = m_connections.find(key);
    if (it != m_connections.end())
    {
        return it->second->GetConnectionState();
    }
    if (const TimeWaitRecord* record = m_timeWait.Find(key))
    {
        return TimeWaitState(key, *record);
    }
    return std::nullopt;
}

std::optional<LegacyTcpConnectionState>
LegacyTcpL4Protocol::FindConnectionState(uint16_t localPort, Ipv4Address remote) const
{
    std::optional<LegacyTcpConnectionState> newest;
    auto consider = [&](const LegacyTcpConnectionState& s) {
        if (s.key.localPort == localPort && s.key.remoteAddress == remote.Get() &&
            (!newest || s.connectionId > newest->connectionId))
        {
            newest = s;
        }
    };
    for (const auto& [key, socket] : m_connections)
    {
        consider(socket->GetConnectionState());
    }
    m_timeWait.ForEach([&](const LegacyTcpFourTuple& key, const TimeWaitRecord& record) {
        consider(TimeWaitState(key, record));
    });
    return newest;
}

void
LegacyTcpL4Protocol::Emit(const LegacyTcpEvent& event)
{
    m_eventTrace(event);
}

LegacyTcpL4Protocol::PowerOffLosses
LegacyTcpL4Protocol::PowerOff()
{
    PowerOffLosses lost;
    // Sockets close where they stand (LegacyTcpSocket::LoseState, the one
    // clean-up of EnterClosed); copies first, as each leaves the maps.
    std::vector<Ptr<LegacyTcpSocket>> sockets;
    for (const auto& [key, socket] : m_connections)
    {
        sockets.push_back(socket);
    }
    lost.connections = static_cast<uint32_t>(sockets.size());
    for (const auto& [port, socket] : m_listeners)
    {
        sockets.push_back(socket);
    }
    lost.listeners = static_cast<uint32_t>(m_listeners.size());
    // In connection-id order, so that the closed events come out in the same
    // order on every run (the maps' order is unspecified).
    std::sort(sockets.begin(), sockets.end(), [](const auto& a, const auto& b) {
        return a->GetConnectionState().connectionId < b->GetConnectionState().connectionId;
    });
    for (const auto& socket : sockets)
    {
        socket->LoseState();
    }
    // TIME-WAIT records: their blocks and ports are freed as at expiry.
    std::vector<std::pair<LegacyTcpFourTuple, TimeWaitRecord>> records;
    m_timeWait.ForEach([&records](const LegacyTcpFourTuple& key, const TimeWaitRecord& record) {
        records.emplace_back(key, record);
    });
    std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) {
        return a.second.connectionId < b.second.connectionId;
    });
    m_timeWait.Clear();
    lost.timeWait = static_cast<uint32_t>(records.size());
    for (const auto& [key, record] : records)
    {
        ReleaseTimeWait(key, record, LegacyTcpCause::PowerOff);
    }
    m_poweredOn = false;
    return lost;
}

void
LegacyTcpL4Protocol::PowerOn()
{
    m_poweredOn = true;
}

bool
LegacyTcpL4Protocol::IsPoweredOn() const
{
    return m_poweredOn;
}

} // namespace ns3
