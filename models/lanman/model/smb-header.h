#ifndef SMB_HEADER_H
#define SMB_HEADER_H

#include "ns3/header.h"

#include <string>

namespace ns3
{

/**
 * \brief A status in the DOS form ([MS-CIFS] 2.2.1.4.2: ErrorClass, a reserved
 * byte, ErrorCode) as the 32-bit Status field holds it, little-endian.
 * \param errorClass ERRDOS 0x01, ERRSRV 0x02, ... \param code the error code
 * \return the status
 */
constexpr uint32_t
SmbDosStatus(uint8_t errorClass, uint16_t code)
{
    return errorClass | (static_cast<uint32_t>(code) << 16);
}

/**
 * \brief The 32-byte SMB message header ([MS-CIFS] 2.2.3.1), little-endian:
 * Protocol 0xFF 'S' 'M' 'B', Command, Status (DOS form: error class, reserved,
 * error code), Flags, Flags2, PIDHigh, SecurityFeatures (8), Reserved (2), TID,
 * PIDLow, UID, MID. The parameter and data blocks that follow are an SmbBody.
 *
 * As an MS-DOS redirector sends it: Flags has SMB_FLAGS_CASE_INSENSITIVE and
 * SMB_FLAGS_CANONICALIZED_PATHS (DOS names are upper-case 8.3 names), Flags2 is
 * 0 (no long names, DOS error codes, OEM strings).
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
    static constexpr uint32_t kSize = 32;
    /// SMB_FLAGS_REPLY.
    static constexpr uint8_t kFlagReply = 0x80;
    /// SMB_FLAGS_CASE_INSENSITIVE | SMB_FLAGS_CANONICALIZED_PATHS ([MS-CIFS] 2.2.3.1).
    static constexpr uint8_t kFlagsDos = 0x18;

    /// ERRSRV/ERRbadpw: "bad password" ([MS-CIFS] 2.2.2.4).
    static constexpr uint32_t kStatusBadPassword = SmbDosStatus(0x02, 0x0002);
    /// ERRSRV/ERRinvtid: "the TID is no longer valid" ([MS-CIFS] 2.2.2.4).
    static constexpr uint32_t kStatusBadTid = SmbDosStatus(0x02, 0x0005);
    /// ERRSRV/ERRbaduid: "the UID is not known as a valid user" ([MS-CIFS] 2.2.2.4).
    static constexpr uint32_t kStatusBadUid = SmbDosStatus(0x02, 0x005B);
    /// ERRSRV/ERRerror: a non-specific error (e.g. no Negotiate before Session Setup).
    static constexpr uint32_t kStatusServerError = SmbDosStatus(0x02, 0x0001);

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
    /** \return the Flags byte */
    uint8_t GetFlags() const;
    /** \return the Flags2 word */
    uint16_t GetFlags2() const;
    /** \param status the 32-bit status (error class, reserved, error code) */
    void SetStatus(uint32_t status);
    /** \return the status, 0 = success */
    uint32_t GetStatus() const;
    /** \param tid tree id */
    void SetTid(uint16_t tid);
    /** \return the tree id */
    uint16_t GetTid() const;
    /** \param pid process id (low 16 bits) */
    void SetPid(uint16_t pid);
    /** \return the process id (low 16 bits) */
    uint16_t GetPid() const;
    /** \param uid user id */
    void SetUid(uint16_t uid);
    /** \return the user id */
    uint16_t GetUid() const;
    /** \param mid multiplex id */
    void SetMid(uint16_t mid);
    /** \return the multiplex id */
    uint16_t GetMid() const;
    /** \return true if the protocol field was 0xFF 'SMB' */
    bool IsValid() const;

    /** \param command a command \return its name, e.g. "Negotiate Protocol" */
    static const char* CommandName(Command command);

  private:
    bool m_valid{true};           //!< protocol field matched
    Command m_command{NEGOTIATE}; //!< command
    uint32_t m_status{0};         //!< status
    uint8_t m_flags{kFlagsDos};   //!< flags
    uint16_t m_flags2{0};         //!< flags2
    uint16_t m_tid{0};            //!< TID
    uint16_t m_pid{0};            //!< PID (low)
    uint16_t m_uid{0};            //!< UID
    uint16_t m_mid{0};            //!< MID
};

} // namespace ns3

#endif
