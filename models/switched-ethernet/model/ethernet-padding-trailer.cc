#include "ethernet-padding-trailer.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(EthernetPaddingTrailer);

TypeId
EthernetPaddingTrailer::GetTypeId()
{
    static TypeId tid = TypeId("ns3::EthernetPaddingTrailer")
                            .SetParent<Trailer>()
                            .SetGroupName("SwitchedEthernet")
                            .AddConstructor<EthernetPaddingTrailer>();
    return tid;
}

EthernetPaddingTrailer::EthernetPaddingTrailer(uint32_t bytes)
    : m_bytes(bytes)
{
}

TypeId
EthernetPaddingTrailer::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
EthernetPaddingTrailer::Print(std::ostream& os) const
{
    os << "pad " << m_bytes << " bytes";
}

uint32_t
EthernetPaddingTrailer::GetSerializedSize() const
{
    return m_bytes;
}

void
EthernetPaddingTrailer::Serialize(Buffer::Iterator start) const
{
    // A trailer is handed the end of the buffer: step back over its own bytes.
    start.Prev(m_bytes);
    start.WriteU8(0, m_bytes);
}

uint32_t
EthernetPaddingTrailer::Deserialize(Buffer::Iterator end)
{
    // The pad's length is not in the frame; a receiver that knows it sets it first.
    (void)end;
    return m_bytes;
}

uint32_t
EthernetPaddingTrailer::Deserialize(Buffer::Iterator start, Buffer::Iterator end)
{
    // With both ends known (ns-3's packet printing), the pad is what lies between.
    m_bytes = end.GetDistanceFrom(start);
    return m_bytes;
}

} // namespace ns3
