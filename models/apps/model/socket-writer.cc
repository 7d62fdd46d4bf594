#include "socket-writer.h"

#include <algorithm>

namespace ns3
{

uint32_t
SocketWriter::Write(Ptr<Socket> socket, Ptr<const Packet> data)
{
    if (!m_pending)
    {
        m_pending = data->Copy();
    }
    else
    {
        m_pending->AddAtEnd(data);
    }
    return Resume(socket);
}

uint32_t
SocketWriter::Resume(Ptr<Socket> socket)
{
    uint32_t written = 0;
    while (m_pending && m_pending->GetSize() > 0)
    {
        uint32_t room = std::min(m_pending->GetSize(), socket->GetTxAvailable());
        if (room == 0)
        {
            break;
        }
        Ptr<Packet> part =
            room == m_pending->GetSize() ? m_pending : m_pending->CreateFragment(0, room);
        int sent = socket->Send(part);
        if (sent <= 0)
        {
            break; // the socket refuses (closing, error): keep the bytes
        }
        written += static_cast<uint32_t>(sent);
        if (static_cast<uint32_t>(sent) >= m_pending->GetSize())
        {
            m_pending = nullptr;
        }
        else
        {
            m_pending->RemoveAtStart(static_cast<uint32_t>(sent));
        }
    }
    return written;
}

uint32_t
SocketWriter::GetPending() const
{
    return m_pending ? m_pending->GetSize() : 0;
}

void
SocketWriter::Clear()
{
    m_pending = nullptr;
}

} // namespace ns3
