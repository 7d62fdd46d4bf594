#include "smb-body.h"

#include "ns3/assert.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(SmbBody);

TypeId
SmbBody::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SmbBody").SetParent<Header>().SetGroupName("Lanman").AddConstructor<SmbBody>();
    return tid;
}

TypeId
SmbBody::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
SmbBody::Print(std::ostream& os) const
{
    os << "WordCount=" << unsigned(GetWordCount()) << " ByteCount=" << GetByteCount();
}

uint32_t
SmbBody::GetSerializedSize() const
{
    return 1 + m_params.size() + 2 + m_data.size();
}

void
SmbBody::Serialize(Buffer::Iterator i) const
{
    i.WriteU8(GetWordCount());
    for (uint8_t b : m_params)
    {
        i.WriteU8(b);
    }
    i.WriteHtolsbU16(GetByteCount());
    for (uint8_t b : m_data)
    {
        i.WriteU8(b);
    }
}

bool
SmbBody::Fits(const std::vector<uint8_t>& b)
{
    if (b.empty())
    {
        return false;
    }
    size_t words = 2u * b[0];
    if (b.size() < 1 + words + 2)
    {
        return false;
    }
    size_t bytes = b[1 + words] | (b[2 + words] << 8);
    return b.size() >= 1 + words + 2 + bytes;
}

uint32_t
SmbBody::Deserialize(Buffer::Iterator i)
{
    m_params.resize(2u * i.ReadU8());
    for (auto& b : m_params)
    {
        b = i.ReadU8();
    }
    m_data.resize(i.ReadLsbtohU16());
    for (auto& b : m_data)
    {
        b = i.ReadU8();
    }
    return GetSerializedSize();
}

SmbBody&
SmbBody::Param8(uint8_t v)
{
    m_params.push_back(v);
    return *this;
}

SmbBody&
SmbBody::Param16(uint16_t v)
{
    m_params.push_back(v & 0xFF);
    m_params.push_back(v >> 8);
    return *this;
}

SmbBody&
SmbBody::Param32(uint32_t v)
{
    Param16(v & 0xFFFF);
    return Param16(v >> 16);
}

SmbBody&
SmbBody::Data8(uint8_t v)
{
    m_data.push_back(v);
    return *this;
}

SmbBody&
SmbBody::DataBytes(const std::vector<uint8_t>& bytes)
{
    m_data.insert(m_data.end(), bytes.begin(), bytes.end());
    return *this;
}

SmbBody&
SmbBody::DataString(const std::string& s)
{
    m_data.insert(m_data.end(), s.begin(), s.end());
    m_data.push_back(0);
    return *this;
}

uint8_t
SmbBody::GetWordCount() const
{
    NS_ASSERT_MSG(m_params.size() % 2 == 0 && m_params.size() <= 510,
                  "SMB parameter block must be whole words");
    return static_cast<uint8_t>(m_params.size() / 2);
}

uint16_t
SmbBody::GetByteCount() const
{
    NS_ASSERT_MSG(m_data.size() <= 0xFFFF, "SMB data block too large");
    return static_cast<uint16_t>(m_data.size());
}

const std::vector<uint8_t>&
SmbBody::GetParams() const
{
    return m_params;
}

const std::vector<uint8_t>&
SmbBody::GetData() const
{
    return m_data;
}

SmbCursor::SmbCursor(const std::vector<uint8_t>& block)
    : m_block(block)
{
}

uint8_t
SmbCursor::U8()
{
    if (m_pos >= m_block.size())
    {
        m_ok = false;
        return 0;
    }
    return m_block[m_pos++];
}

uint16_t
SmbCursor::U16()
{
    uint16_t lo = U8();
    return static_cast<uint16_t>(lo | (U8() << 8));
}

uint32_t
SmbCursor::U32()
{
    uint32_t lo = U16();
    return lo | (static_cast<uint32_t>(U16()) << 16);
}

std::vector<uint8_t>
SmbCursor::Bytes(size_t n)
{
    if (m_pos + n > m_block.size())
    {
        m_ok = false;
        m_pos = m_block.size();
        return {};
    }
    std::vector<uint8_t> out(m_block.begin() + m_pos, m_block.begin() + m_pos + n);
    m_pos += n;
    return out;
}

std::string
SmbCursor::String()
{
    std::string s;
    while (m_pos < m_block.size() && m_block[m_pos] != 0)
    {
        s.push_back(static_cast<char>(m_block[m_pos++]));
    }
    if (m_pos >= m_block.size())
    {
        m_ok = false; // no terminating NUL
        return s;
    }
    ++m_pos;
    return s;
}

bool
SmbCursor::Ok() const
{
    return m_ok;
}

size_t
SmbCursor::Remaining() const
{
    return m_block.size() - m_pos;
}

} // namespace ns3
