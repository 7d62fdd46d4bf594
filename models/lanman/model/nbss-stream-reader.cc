#include "nbss-stream-reader.h"

#include "nbss-session-request-header.h"

namespace ns3
{

void
NbssStreamReader::Append(Ptr<Packet> bytes)
{
    m_buffer->AddAtEnd(bytes);
}

Ptr<Packet>
NbssStreamReader::Next()
{
    if (m_buffer->GetSize() < NbssHeader::kSize)
    {
        return nullptr;
    }
    NbssHeader h;
    m_buffer->PeekHeader(h);
    uint32_t total = NbssHeader::kSize + h.GetLength();
    if (m_buffer->GetSize() < total)
    {
        return nullptr;
    }
    Ptr<Packet> message = m_buffer->CreateFragment(0, total);
    m_buffer->RemoveAtStart(total);
    return message;
}

uint32_t
NbssStreamReader::GetBuffered() const
{
    return m_buffer->GetSize();
}

Ptr<Packet>
MakeNbssSessionRequest(const std::string& called, const std::string& calling)
{
    NbssSessionRequestHeader names;
    names.SetCalledName(called);
    names.SetCallingName(calling);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(names);
    NbssHeader h;
    h.SetType(NbssHeader::SESSION_REQUEST);
    h.SetLength(NbssSessionRequestHeader::kSize);
    p->AddHeader(h);
    return p;
}

Ptr<Packet>
MakeNbssSessionResponse(uint8_t error)
{
    NbssHeader h;
    Ptr<Packet> p;
    if (error == 0)
    {
        p = Create<Packet>();
        h.SetType(NbssHeader::POSITIVE_SESSION_RESPONSE);
        h.SetLength(0);
    }
    else
    {
        p = Create<Packet>(&error, 1);
        h.SetType(NbssHeader::NEGATIVE_SESSION_RESPONSE);
        h.SetLength(1);
    }
    p->AddHeader(h);
    return p;
}

Ptr<Packet>
MakeNbssSmbMessage(const SmbHeader& smb, const SmbBody& body)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(body);
    p->AddHeader(smb);
    NbssHeader h;
    h.SetType(NbssHeader::SESSION_MESSAGE);
    h.SetLength(p->GetSize());
    p->AddHeader(h);
    return p;
}

bool
ReadNbssSmbMessage(Ptr<Packet> message, SmbHeader& smb, SmbBody& body)
{
    if (message->GetSize() < SmbHeader::kSize)
    {
        return false;
    }
    message->RemoveHeader(smb);
    if (!smb.IsValid())
    {
        return false;
    }
    // Check the sizes first: a Header reads without bounds checks.
    std::vector<uint8_t> bytes(message->GetSize());
    message->CopyData(bytes.data(), bytes.size());
    if (!SmbBody::Fits(bytes))
    {
        return false;
    }
    message->RemoveHeader(body);
    return true;
}

} // namespace ns3
