#ifndef SMB_HEADER_H
#define SMB_HEADER_H

#include "ns3/header.h"

#include <string>

namespace ns3
{

/**
 * \brief An SMB (core/LANMAN 1.0 dialect family) message header as carried in an
 * NBSS SESSION MESSAGE: the 32-byte header ([MS-CIFS] 2.2.3.1: 0xFF 'S' 'M' 'B',
 * command, status, flags, flags2, PID high, security features, reserved, TID, PID,
 * UID, MID; little-endian) followed by an empty parameter block (WordCount 0) and
 * the ByteCount of the data block that follows as payload: 35 bytes.
 *
 * The model carries no SMB semantics beyond the command, the reply flag, the
 * status and the sizes; captures decode as SMB in Wireshark.
 */
class SmbHeader : public Header
{
  public:
    /// SMB commands the redirector uses ([MS-CIFS] 2.2.2.1).
    enum Command : uint8_t
    {
        TREE_DISCONNECT = 0x71, //!< SMB_COM_TREE_DISCONNECT (net use X: /d)
        NEGOTIATE = 0x72,       //!< SMB_COM_NEGOTIATE (session start)
        SESSION_SETUP = 0x73,   //!< SMB_COM_SESSION_SETUP_ANDX (user logon)
        LOGOFF = 0x74,          //!< SMB_COM_LOGOFF_ANDX (net logoff)
        TREE_CONNECT = 0x75,    //!< SMB_COM_TREE_CONNECT_ANDX (net use X: \\S\SHARE)
    };

    /// Size on the wire.
    static constexpr uint32_t kSize = 35;
    /// SMB_FLAGS_REPLY.
    static constexpr uint8_t kFlagReply = 0x80;
    /// ERRSRV class, ERRbadpw code: "bad password" ([MS-CIFS] 2.2.2.4).
    static constexpr uint32_t kStatusBadPassword = 0x00020002;

    /** \return the TypeId */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    /** \param command the command */
    void SetCommand(Command command);
    /** \return the command */
    Command GetCommand() const;
    /** \param reply true for a response */
    void SetReply(bool reply);
    /** \return true for a response */
    bool IsReply() const;
    /** \param status the 32-bit status (error class, reserved, error code) */
    void SetStatus(uint32_t status);
    /** \return the status, 0 = success */
    uint32_t GetStatus() const;
    /** \param tid tree id */
    void SetTid(uint16_t tid);
    /** \return the tree id */
    uint16_t GetTid() const;
    /** \param uid user id */
    void SetUid(uint16_t uid);
    /** \return the user id */
    uint16_t GetUid() const;
    /** \param mid multiplex id */
    void SetMid(uint16_t mid);
    /** \return the multiplex id */
    uint16_t GetMid() const;
    /** \param count bytes of the data block that follows */
    void SetByteCount(uint16_t count);
    /** \return bytes of the data block that follows */
    uint16_t GetByteCount() const;
    /** \return true if the protocol field was 0xFF 'SMB' */
    bool IsValid() const;

    /** \param command a command \return its name, e.g. "Negotiate" */
    static const char* CommandName(Command command);

  private:
    bool m_valid{true};           //!< protocol field matched
    Command m_command{NEGOTIATE}; //!< command
    uint32_t m_status{0};         //!< status
    uint8_t m_flags{0};           //!< flags
    uint16_t m_tid{0};            //!< TID
    uint16_t m_pid{0};            //!< PID (low)
    uint16_t m_uid{0};            //!< UID
    uint16_t m_mid{0};            //!< MID
    uint16_t m_byteCount{0};      //!< ByteCount
};

} // namespace ns3

#endif
