#include "nbss-session-request-header.h"

#include "netbios-name.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(NbssSessionRequestHeader);

namespace
{
void
WriteName(Buffer::Iterator& i, const std::string& encoded)
{
    i.WriteU8(32);
    for (char c : encoded)
    {
        i.WriteU8(static_cast<uint8_t>(c));
    }
    i.WriteU8(0); // empty scope: the root label
}

std::string
ReadName(Buffer::Iterator& i)
{
    uint8_t length = i.ReadU8();
    std::string s;
    for (uint32_t k = 0; k < 32; ++k)
    {
        s += static_cast<char>(i.ReadU8());
    }
    i.ReadU8();
    return length == 32 ? s : "";
}
} // namespace

TypeId
NbssSessionRequestHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::NbssSessionRequestHeader")
                            .SetParent<Header>()
                            .SetGroupName("Lanman")
                            .AddConstructor<NbssSessionRequestHeader>();
    return tid;
}

TypeId
NbssSessionRequestHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
NbssSessionRequestHeader::Print(std::ostream& os) const
{
    os << "called=" << GetCalledName() << "<20> calling=" << GetCallingName() << "<00>";
}

uint32_t
NbssSessionRequestHeader::GetSerializedSize() const
{
    return kSize;
}

void
NbssSessionRequestHeader::Serialize(Buffer::Iterator start) const
{
    WriteName(start, m_called.empty() ? NetbiosEncodeName("", kNetbiosServerSuffix) : m_called);
    WriteName(start,
              m_calling.empty() ? NetbiosEncodeName("", kNetbiosWorkstationSuffix) : m_calling);
}

uint32_t
NbssSessionRequestHeader::Deserialize(Buffer::Iterator start)
{
    m_called = ReadName(start);
    m_calling = ReadName(start);
    return kSize;
}

void
NbssSessionRequestHeader::SetCalledName(const std::string& name)
{
    m_called = NetbiosEncodeName(name, kNetbiosServerSuffix);
}

std::string
NbssSessionRequestHeader::GetCalledName() const
{
    return NetbiosDecodeName(m_called);
}

void
NbssSessionRequestHeader::SetCallingName(const std::string& name)
{
    m_calling = NetbiosEncodeName(name, kNetbiosWorkstationSuffix);
}

std::string
NbssSessionRequestHeader::GetCallingName() const
{
    return NetbiosDecodeName(m_calling);
}

} // namespace ns3
