#include "smb-header.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(SmbHeader);

TypeId
SmbHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::SmbHeader")
                            .SetParent<Header>()
                            .SetGroupName("Lanman")
                            .AddConstructor<SmbHeader>();
    return tid;
}

TypeId
SmbHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

const char*
SmbHeader::CommandName(Command command)
{
    switch (command)
    {
    case TREE_DISCONNECT:
        return "Tree Disconnect";
    case NEGOTIATE:
        return "Negotiate Protocol";
    case SESSION_SETUP:
        return "Session Setup AndX";
    case LOGOFF:
        return "Logoff AndX";
    case TREE_CONNECT:
        return "Tree Connect AndX";
    }
    return "Unknown";
}

void
SmbHeader::Print(std::ostream& os) const
{
    os << "SMB " << CommandName(m_command) << (IsReply() ? " Response" : " Request") << " status=0x"
       << std::hex << m_status << std::dec << " tid=" << m_tid << " uid=" << m_uid
       << " mid=" << m_mid;
}

uint32_t
SmbHeader::GetSerializedSize() const
{
    return kSize;
}

void
SmbHeader::Serialize(Buffer::Iterator i) const
{
    i.WriteU8(0xFF);
    i.WriteU8('S');
    i.WriteU8('M');
    i.WriteU8('B');
    i.WriteU8(m_command);
    i.WriteHtolsbU32(m_status);
    i.WriteU8(m_flags);
    i.WriteHtolsbU16(m_flags2);
    i.WriteHtolsbU16(0); // PIDHigh
    i.WriteHtolsbU64(0); // SecurityFeatures
    i.WriteHtolsbU16(0); // Reserved
    i.WriteHtolsbU16(m_tid);
    i.WriteHtolsbU16(m_pid);
    i.WriteHtolsbU16(m_uid);
    i.WriteHtolsbU16(m_mid);
}

uint32_t
SmbHeader::Deserialize(Buffer::Iterator i)
{
    uint8_t p0 = i.ReadU8();
    uint8_t p1 = i.ReadU8();
    uint8_t p2 = i.ReadU8();
    uint8_t p3 = i.ReadU8();
    m_valid = p0 == 0xFF && p1 == 'S' && p2 == 'M' && p3 == 'B';
    m_command = static_cast<Command>(i.ReadU8());
    m_status = i.ReadLsbtohU32();
    m_flags = i.ReadU8();
    m_flags2 = i.ReadLsbtohU16();
    i.ReadLsbtohU16();
    i.ReadLsbtohU64();
    i.ReadLsbtohU16();
    m_tid = i.ReadLsbtohU16();
    m_pid = i.ReadLsbtohU16();
    m_uid = i.ReadLsbtohU16();
    m_mid = i.ReadLsbtohU16();
    return kSize;
}

void
SmbHeader::SetCommand(Command command)
{
    m_command = command;
}

SmbHeader::Command
SmbHeader::GetCommand() const
{
    return m_command;
}

void
SmbHeader::SetReply(bool reply)
{
    m_flags = reply ? (m_flags | kFlagReply) : (m_flags & ~kFlagReply);
}

bool
SmbHeader::IsReply() const
{
    return (m_flags & kFlagReply) != 0;
}

void
SmbHeader::SetStatus(uint32_t status)
{
    m_status = status;
}

uint32_t
SmbHeader::GetStatus() const
{
    return m_status;
}

void
SmbHeader::SetTid(uint16_t tid)
{
    m_tid = tid;
}

uint16_t
SmbHeader::GetTid() const
{
    return m_tid;
}

void
SmbHeader::SetUid(uint16_t uid)
{
    m_uid = uid;
}

uint16_t
SmbHeader::GetUid() const
{
    return m_uid;
}

void
SmbHeader::SetMid(uint16_t mid)
{
    m_mid = mid;
}

uint16_t
SmbHeader::GetMid() const
{
    return m_mid;
}

uint8_t
SmbHeader::GetFlags() const
{
    return m_flags;
}

uint16_t
SmbHeader::GetFlags2() const
{
    return m_flags2;
}

void
SmbHeader::SetPid(uint16_t pid)
{
    m_pid = pid;
}

uint16_t
SmbHeader::GetPid() const
{
    return m_pid;
}

bool
SmbHeader::IsValid() const
{
    return m_valid;
}

} // namespace ns3
