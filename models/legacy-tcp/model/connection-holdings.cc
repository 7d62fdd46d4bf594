#include "connection-holdings.h"

#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-socket.h"

namespace ns3
{

void
ConnectionHoldings::SetStack(Ptr<LegacyTcpL4Protocol> stack)
{
    m_stack = stack;
}

void
ConnectionHoldings::ClearStack()
{
    m_stack = nullptr;
}

bool
ConnectionHoldings::HasBlock() const
{
    return m_block;
}

bool
ConnectionHoldings::IsWaitingForBlock() const
{
    return m_waiting;
}

bool
ConnectionHoldings::HasPort() const
{
    return m_port;
}

bool
ConnectionHoldings::IsRegistered() const
{
    return m_registered;
}

bool
ConnectionHoldings::HoldsAnything() const
{
    return m_waiting || m_block || m_port || m_registered;
}

bool
ConnectionHoldings::TakeBlock(uint64_t id, const LegacyTcpFourTuple& key)
{
    m_block = m_stack->TakeBlock(id, key);
    return m_block;
}

void
ConnectionHoldings::WaitForBlock(uint64_t id, Callback<void> grant)
{
    m_waiting = true;
    m_stack->WaitForBlock(id, grant);
}

void
ConnectionHoldings::BlockGranted(uint64_t id, const LegacyTcpFourTuple& key)
{
    m_waiting = false;
    m_block = true;
    m_stack->NotifyBlockGranted(id, key);
}

void
ConnectionHoldings::StopWaiting(uint64_t id)
{
    if (m_waiting)
    {
        m_stack->StopWaitingForBlock(id);
        m_waiting = false;
    }
}

bool
ConnectionHoldings::FreeBlock(uint64_t id, const LegacyTcpFourTuple& key)
{
    if (!m_block)
    {
        return false;
    }
    m_block = false;
    m_stack->FreeBlock(id, key);
    return true;
}

bool
ConnectionHoldings::BindPort(uint16_t port)
{
    if (m_stack->IsPortInUse(port))
    {
        return false;
    }
    m_stack->AcquirePort(port);
    m_port = true;
    return true;
}

uint16_t
ConnectionHoldings::AllocatePort(Ipv4Address remote, uint16_t remotePort)
{
    uint16_t port = m_stack->AllocatePort(remote, remotePort);
    m_port = port != 0;
    return port;
}

void
ConnectionHoldings::SharePort(uint16_t port)
{
    m_stack->AcquirePort(port);
    m_port = true;
}

void
ConnectionHoldings::ReleasePort(uint16_t port)
{
    if (m_port)
    {
        m_stack->ReleasePort(port);
        m_port = false;
    }
}

void
ConnectionHoldings::Register(const LegacyTcpFourTuple& key, Ptr<LegacyTcpSocket> socket)
{
    m_stack->AddConnection(key, socket);
    m_registered = true;
}

void
ConnectionHoldings::Unregister(const LegacyTcpFourTuple& key)
{
    if (m_registered)
    {
        m_stack->RemoveConnection(key);
        m_registered = false;
    }
}

void
ConnectionHoldings::MoveToTimeWait(const LegacyTcpFourTuple& key, const TimeWaitRecord& record)
{
    m_stack->EnterTimeWait(key, record); // the record holds the block and the port now
    m_registered = false;
    m_port = false;
    m_block = false;
}

void
ConnectionHoldings::AdoptFromTimeWait()
{
    m_block = true;
    m_port = true;
}

void
ConnectionHoldings::ReturnToTimeWait(const LegacyTcpFourTuple& key, const TimeWaitRecord& record)
{
    m_stack->ReturnToTimeWait(key, record);
    m_registered = false;
    m_port = false;
    m_block = false;
}

} // namespace ns3
