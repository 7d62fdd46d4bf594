#include "nbss-header.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(NbssHeader);

TypeId
NbssHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::NbssHeader")
                            .SetParent<Header>()
                            .SetGroupName("Lanman")
                            .AddConstructor<NbssHeader>();
    return tid;
}

TypeId
NbssHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

const char*
NbssHeader::TypeName(Type type)
{
    switch (type)
    {
    case SESSION_MESSAGE:
        return "SESSION MESSAGE";
    case SESSION_REQUEST:
        return "SESSION REQUEST";
    case POSITIVE_SESSION_RESPONSE:
        return "POSITIVE SESSION RESPONSE";
    case NEGATIVE_SESSION_RESPONSE:
        return "NEGATIVE SESSION RESPONSE";
    case RETARGET_SESSION_RESPONSE:
        return "RETARGET SESSION RESPONSE";
    case SESSION_KEEP_ALIVE:
        return "SESSION KEEP ALIVE";
    }
    return "UNKNOWN";
}

void
NbssHeader::Print(std::ostream& os) const
{
    os << "NBSS " << TypeName(m_type) << " length=" << m_length;
}

uint32_t
NbssHeader::GetSerializedSize() const
{
    return kSize;
}

void
NbssHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteU8(m_type);
    start.WriteU8((m_length >> 16) & 0x01); // FLAGS: E (length extension) bit
    start.WriteHtonU16(m_length & 0xFFFF);
}

uint32_t
NbssHeader::Deserialize(Buffer::Iterator start)
{
    m_type = static_cast<Type>(start.ReadU8());
    uint32_t flags = start.ReadU8();
    m_length = ((flags & 0x01) << 16) | start.ReadNtohU16();
    return kSize;
}

void
NbssHeader::SetType(Type type)
{
    m_type = type;
}

NbssHeader::Type
NbssHeader::GetType() const
{
    return m_type;
}

void
NbssHeader::SetLength(uint32_t length)
{
    m_length = length & 0x1FFFF;
}

uint32_t
NbssHeader::GetLength() const
{
    return m_length;
}

} // namespace ns3
