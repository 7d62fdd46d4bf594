#include "lanman-smb-responder.h"

#include "nbss-stream-reader.h"
#include "smb-dialects.h"
#include "smb-messages.h"

namespace ns3
{

void
LanmanSmbResponder::SetIdentity(const LanmanSmbServerIdentity& identity)
{
    m_identity = identity;
}

void
LanmanSmbResponder::SetSeed(uint32_t seed)
{
    m_seed = seed;
}

uint16_t
LanmanSmbResponder::Next(uint16_t& counter)
{
    // 0 and 0xFFFF are never valid UIDs or TIDs.
    do
    {
        ++counter;
    } while (counter == 0 || counter == 0xFFFF);
    return counter;
}

LanmanSmbResponder::Connection
LanmanSmbResponder::NewConnection()
{
    Connection c;
    c.sessionKey = ++m_connections;
    // SplitMix64 of (seed, connection number): 8 challenge bytes.
    uint64_t z = (static_cast<uint64_t>(m_seed) << 32 | m_connections) + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    for (int i = 0; i < 8; ++i)
    {
        c.challenge.push_back(static_cast<uint8_t>(z >> (8 * i)));
    }
    return c;
}

Ptr<Packet>
LanmanSmbResponder::Answer(const SmbHeader& request, const SmbBody& body, Connection& c, Time now)
{
    SmbHeader response = request;
    response.SetReply(true);
    uint32_t status = 0;
    SmbBody out;
    bool knownUid = c.uids.count(request.GetUid()) > 0;
    switch (request.GetCommand())
    {
    case SmbHeader::NEGOTIATE:
        out = Negotiate(body, c, now, status);
        break;
    case SmbHeader::SESSION_SETUP:
        out = SessionSetup(body, c, response, status);
        break;
    case SmbHeader::TREE_CONNECT:
        out = TreeConnect(body, c, response, status);
        break;
    case SmbHeader::TREE_DISCONNECT:
        // [MS-CIFS] 3.3.5.49: the TID must be valid (ERRSRV/ERRinvtid).
        status = !knownUid                        ? SmbHeader::kStatusBadUid
                 : c.tids.erase(request.GetTid()) ? 0
                                                  : SmbHeader::kStatusBadTid;
        break;
    case SmbHeader::LOGOFF:
        // [MS-CIFS] 3.3.5.44: the UID is no longer valid afterwards.
        status = c.uids.erase(request.GetUid()) ? 0 : SmbHeader::kStatusBadUid;
        if (status == 0)
        {
            out = MakeSmbLogoffBody();
        }
        break;
    default:
        status = kStatusUnknownCommand;
        break;
    }
    response.SetStatus(status);
    return MakeNbssSmbMessage(response, status == 0 ? out : MakeSmbEmptyBody());
}

SmbBody
LanmanSmbResponder::Negotiate(const SmbBody& body, Connection& c, Time now, uint32_t& status)
{
    SmbNegotiateRequest request;
    if (c.negotiated || !SmbNegotiateRequest::Decode(body, request))
    {
        // [MS-CIFS] 2.2.4.52: one Negotiate per connection; a second is refused.
        status = SmbHeader::kStatusServerError;
        return SmbBody();
    }
    SmbNegotiateResponse r;
    r.dialectIndex = SelectSmbDialect(request.dialects);
    if (r.dialectIndex == kSmbNoDialect || !IsLanmanDialect(request.dialects[r.dialectIndex]))
    {
        // No dialect, or the core protocol: WordCount 1 (the model's redirector
        // always offers a LAN Manager dialect).
        c.negotiated = r.dialectIndex != kSmbNoDialect;
        return r.Encode();
    }
    c.negotiated = true;
    r.lanman = true;
    r.securityMode = SmbNegotiateResponse::kUserSecurity | SmbNegotiateResponse::kEncryptPasswords;
    r.maxBufferSize = m_identity.maxBufferSize;
    r.maxMpxCount = m_identity.maxMpxCount;
    r.maxNumberVcs = 1;
    r.rawMode = 0x0003; // read and write raw
    r.sessionKey = c.sessionKey;
    SmbDateTime(kClockAtZero + static_cast<uint64_t>(now.GetSeconds()), r.serverDate, r.serverTime);
    r.serverTimeZone = 0;
    r.challenge = c.challenge;
    r.domain = m_identity.domain;
    return r.Encode();
}

SmbBody
LanmanSmbResponder::SessionSetup(const SmbBody& body, Connection& c, SmbHeader& response,
                                 uint32_t& status)
{
    SmbSessionSetupRequest request;
    if (!c.negotiated || !SmbSessionSetupRequest::Decode(body, request))
    {
        status = SmbHeader::kStatusServerError;
        return SmbBody();
    }
    // Passwords are not checked: every account is accepted as itself.
    uint16_t uid = Next(m_lastUid);
    c.uids.insert(uid);
    response.SetUid(uid);
    SmbSessionSetupResponse r;
    r.nativeOs = m_identity.nativeOs;
    r.nativeLanMan = m_identity.nativeLanMan;
    r.domain = m_identity.domain;
    return r.Encode();
}

SmbBody
LanmanSmbResponder::TreeConnect(const SmbBody& body, Connection& c, SmbHeader& response,
                                uint32_t& status)
{
    SmbTreeConnectRequest request;
    if (!c.uids.count(response.GetUid()))
    {
        // [MS-CIFS] 2.2.4.55.1: "the server MUST validate the UID".
        status = SmbHeader::kStatusBadUid;
        return SmbBody();
    }
    if (!SmbTreeConnectRequest::Decode(body, request))
    {
        status = SmbHeader::kStatusServerError;
        return SmbBody();
    }
    uint16_t tid = Next(m_lastTid);
    c.tids.insert(tid);
    response.SetTid(tid);
    SmbTreeConnectResponse r;
    r.optionalSupport = SmbTreeConnectResponse::kSupportSearchBits;
    r.service = request.service == "?????" ? "A:" : request.service;
    r.nativeFileSystem = m_identity.nativeFileSystem;
    return r.Encode();
}

} // namespace ns3
