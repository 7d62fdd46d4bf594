#ifndef SMB_MESSAGES_H
#define SMB_MESSAGES_H

#include "smb-body.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/*
 * The parameter and data blocks of the SMB messages the redirector and the
 * server exchange, in the LAN Manager dialects' forms ([MS-CIFS] 2.2.4; the CIFS
 * technical reference's "PriorNTLM" forms; field order as Wireshark's
 * packet-smb.c reads them). Encode() writes an SmbBody; Decode() reads one and
 * returns false if the WordCount is not the form's or a field is cut short.
 */

/// SMB_COM_NEGOTIATE request ([MS-CIFS] 2.2.4.52.1): WordCount 0; each dialect
/// is a buffer format byte 0x02 and a NUL-terminated string.
struct SmbNegotiateRequest
{
    std::vector<std::string> dialects; //!< offered, least capable first

    /** \return the body */
    SmbBody Encode() const;
    /** \param body a body \param out the request \return false if malformed */
    static bool Decode(const SmbBody& body, SmbNegotiateRequest& out);
};

/// SMB_COM_NEGOTIATE response ([MS-CIFS] 2.2.4.52.2): WordCount 1 (core dialect
/// or none: DialectIndex only) or 13 (LAN Manager 1.0 to 2.1).
struct SmbNegotiateResponse
{
    /// SecurityMode bit 0: user-level security; bit 1: challenge/response passwords.
    static constexpr uint16_t kUserSecurity = 0x0001;
    static constexpr uint16_t kEncryptPasswords = 0x0002; //!< see kUserSecurity

    uint16_t dialectIndex{0xFFFF};  //!< into the request's list
    bool lanman{false};             //!< the WordCount 13 form
    uint16_t securityMode{0};       //!< kUserSecurity | kEncryptPasswords
    uint16_t maxBufferSize{0};      //!< largest message the server accepts
    uint16_t maxMpxCount{0};        //!< requests a client may have outstanding
    uint16_t maxNumberVcs{0};       //!< virtual circuits per client
    uint16_t rawMode{0};            //!< bit 0 read raw, bit 1 write raw
    uint32_t sessionKey{0};         //!< echoed in Session Setup
    uint16_t serverTime{0};         //!< SMB_TIME: hours<<11 | minutes<<5 | seconds/2
    uint16_t serverDate{0};         //!< SMB_DATE: (year-1980)<<9 | month<<5 | day
    int16_t serverTimeZone{0};      //!< minutes from UTC
    std::vector<uint8_t> challenge; //!< EncryptionKey (EncryptionKeyLength bytes)
    std::string domain;             //!< LAN Manager 2.1: the server's primary domain

    /** \return the body */
    SmbBody Encode() const;
    /** \param body a body \param out the response \return false if malformed */
    static bool Decode(const SmbBody& body, SmbNegotiateResponse& out);
};

/// SMB_COM_SESSION_SETUP_ANDX request before NT LM 0.12 ([MS-CIFS] 2.2.4.53.1):
/// WordCount 10; Bytes: password, account, primary domain, native OS, native LAN
/// Manager.
struct SmbSessionSetupRequest
{
    uint16_t maxBufferSize{0};     //!< the client's buffer
    uint16_t maxMpxCount{0};       //!< the client's outstanding requests
    uint16_t vcNumber{0};          //!< 0: the first circuit to this server
    uint32_t sessionKey{0};        //!< the Negotiate response's
    std::vector<uint8_t> password; //!< PasswordLength bytes
    std::string account;           //!< user name
    std::string domain;            //!< the user's domain
    std::string nativeOs;          //!< client operating system
    std::string nativeLanMan;      //!< client network software

    /** \return the body */
    SmbBody Encode() const;
    /** \param body a body \param out the request \return false if malformed */
    static bool Decode(const SmbBody& body, SmbSessionSetupRequest& out);
};

/// SMB_COM_SESSION_SETUP_ANDX response ([MS-CIFS] 2.2.4.53.2): WordCount 3
/// (Action: bit 0 logged on as guest); native OS, native LAN Manager, domain.
struct SmbSessionSetupResponse
{
    uint16_t action{0};       //!< bit 0: guest
    std::string nativeOs;     //!< server operating system
    std::string nativeLanMan; //!< server network software
    std::string domain;       //!< server's primary domain

    /** \return the body */
    SmbBody Encode() const;
    /** \param body a body \param out the response \return false if malformed */
    static bool Decode(const SmbBody& body, SmbSessionSetupResponse& out);
};

/// SMB_COM_TREE_CONNECT_ANDX request ([MS-CIFS] 2.2.4.55.1): WordCount 4 (Flags,
/// PasswordLength); password, path \\SERVER\SHARE, service ("A:" for a disk).
struct SmbTreeConnectRequest
{
    uint16_t flags{0};             //!< bit 0: disconnect the header's TID first
    std::vector<uint8_t> password; //!< share password (one NUL with user-level security)
    std::string path;              //!< \\SERVER\SHARE
    std::string service;           //!< "A:" disk, "LPT1:" printer, "IPC", "?????" any

    /** \return the body */
    SmbBody Encode() const;
    /** \param body a body \param out the request \return false if malformed */
    static bool Decode(const SmbBody& body, SmbTreeConnectRequest& out);
};

/// SMB_COM_TREE_CONNECT_ANDX response ([MS-CIFS] 2.2.4.55.2): WordCount 3
/// (OptionalSupport); service, native file system.
struct SmbTreeConnectResponse
{
    /// OptionalSupport bit 0: SMB_SUPPORT_SEARCH_BITS.
    static constexpr uint16_t kSupportSearchBits = 0x0001;

    uint16_t optionalSupport{0};  //!< kSupportSearchBits
    std::string service;          //!< the share's type, "A:" for a disk
    std::string nativeFileSystem; //!< e.g. "FAT", "NTFS"

    /** \return the body */
    SmbBody Encode() const;
    /** \param body a body \param out the response \return false if malformed */
    static bool Decode(const SmbBody& body, SmbTreeConnectResponse& out);
};

/**
 * \brief The body of SMB_COM_LOGOFF_ANDX, request and response ([MS-CIFS]
 * 2.2.4.54): WordCount 2 (no further AndX command), ByteCount 0.
 * \return the body
 */
SmbBody MakeSmbLogoffBody();
/**
 * \brief An empty body: WordCount 0, ByteCount 0 (SMB_COM_TREE_DISCONNECT request
 * and response, [MS-CIFS] 2.2.4.51; every error response, 2.2.3).
 * \return the body
 */
SmbBody MakeSmbEmptyBody();

/**
 * \brief What the redirector puts in Session Setup's password field for a
 * challenge from a server with encrypted passwords: 24 bytes, the length of the
 * LAN Manager challenge response ([MS-NLMP] 3.3.1: DESL(), three DES blocks of
 * the challenge under the password hash). The model does not compute the DES
 * response: the bytes are a fixed function of password and challenge, so equal
 * inputs give equal bytes and nothing about the password can be read from them.
 * An empty password (no user logged on) gives an empty field.
 * \param password the password \param challenge the server's EncryptionKey
 * \return 24 bytes, or none for an empty password
 */
std::vector<uint8_t> SmbChallengeResponse(const std::string& password,
                                          const std::vector<uint8_t>& challenge);

/**
 * \brief SMB_DATE and SMB_TIME ([MS-CIFS] 2.2.1.4.1) of a moment.
 * \param seconds since 1 January 1980 00:00 \param date receives SMB_DATE
 * \param time receives SMB_TIME
 */
void SmbDateTime(uint64_t seconds, uint16_t& date, uint16_t& time);

} // namespace ns3

#endif
