#ifndef LANMAN_SMB_RESPONDER_H
#define LANMAN_SMB_RESPONDER_H

#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "smb-body.h"
#include "smb-header.h"

#include <set>
#include <string>
#include <vector>

namespace ns3
{

/// What a LAN Manager server says about itself in its SMB responses.
struct LanmanSmbServerIdentity
{
    std::string domain;           //!< primary domain (Negotiate, Session Setup)
    std::string nativeOs;         //!< Session Setup response
    std::string nativeLanMan;     //!< Session Setup response
    std::string nativeFileSystem; //!< Tree Connect response
    uint16_t maxBufferSize{4356}; //!< Negotiate response
    uint16_t maxMpxCount{50};     //!< Negotiate response
};

/**
 * \brief The SMB side of a LAN Manager server: answers Negotiate, Session Setup
 * AndX, Tree Connect AndX, Tree Disconnect and Logoff AndX the way a server with
 * user-level security and challenge/response passwords does ([MS-CIFS] 3.3.5).
 *
 * Negotiate: the most capable offered dialect it speaks (SelectSmbDialect), in
 * the LAN Manager form (WordCount 13) with an 8-byte challenge and the domain.
 * Session Setup: any account is accepted (passwords are not checked) and gets a
 * new UID. Tree Connect: needs a UID of this connection, gets a new TID. Tree
 * Disconnect needs a TID of this connection, Logoff a UID. Anything else, or out
 * of order, gets an error response (WordCount 0, ByteCount 0) with a DOS status:
 * ERRSRV/ERRbaduid, ERRSRV/ERRinvtid, ERRSRV/ERRerror, ERRSRV/ERRsmbcmd.
 *
 * UIDs and TIDs count up per server from 1, challenges and session keys are
 * derived from the server's seed and a connection counter: deterministic.
 */
class LanmanSmbResponder
{
  public:
    /// The SMB state of one client connection.
    struct Connection
    {
        bool negotiated{false};         //!< a dialect was chosen
        uint32_t sessionKey{0};         //!< sent in the Negotiate response
        std::vector<uint8_t> challenge; //!< sent in the Negotiate response
        std::set<uint16_t> uids;        //!< logged-on users
        std::set<uint16_t> tids;        //!< connected trees
    };

    /// ERRSRV/ERRsmbcmd: "the server does not support the command" ([MS-CIFS] 2.2.2.4).
    static constexpr uint32_t kStatusUnknownCommand = SmbDosStatus(0x02, 0x0016);
    /// The server clock at simulation time 0: 1 January 1994, 00:00 (seconds since
    /// 1 January 1980, the SMB_DATE epoch). Assumption: a date when LAN Manager 2.2
    /// was current.
    static constexpr uint64_t kClockAtZero = 441849600;

    /** \param identity what the server says about itself */
    void SetIdentity(const LanmanSmbServerIdentity& identity);
    /** \param seed distinguishes servers' challenges (e.g. the node id) */
    void SetSeed(uint32_t seed);
    /** \return the state of a new connection (its session key and challenge) */
    Connection NewConnection();
    /**
     * \brief The response to one request.
     * \param request its header \param body its blocks \param c the connection
     * \param now the simulation time (the server clock) \return an NBSS SESSION
     * MESSAGE carrying the response
     */
    Ptr<Packet> Answer(const SmbHeader& request, const SmbBody& body, Connection& c, Time now);

  private:
    SmbBody Negotiate(const SmbBody& body, Connection& c, Time now, uint32_t& status);
    SmbBody SessionSetup(const SmbBody& body, Connection& c, SmbHeader& response, uint32_t& status);
    SmbBody TreeConnect(const SmbBody& body, Connection& c, SmbHeader& response, uint32_t& status);
    static uint16_t Next(uint16_t& counter);

    LanmanSmbServerIdentity m_identity; //!< strings and limits
    uint32_t m_seed{0};                 //!< challenge derivation
    uint32_t m_connections{0};          //!< connections so far
    uint16_t m_lastUid{0};              //!< last UID given
    uint16_t m_lastTid{0};              //!< last TID given
};

} // namespace ns3

#endif
