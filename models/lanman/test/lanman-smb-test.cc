// SMB messages of the LAN Manager dialects byte by byte ([MS-CIFS] 2.2.4; field
// order as Wireshark's packet-smb.c reads them) and the server's answers.
#include "lanman-smb-responder.h"
#include "nbss-stream-reader.h"
#include "packet-bytes.h"
#include "smb-dialects.h"
#include "smb-messages.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

// The message as it goes on the wire: NBSS header (4), SMB header (32), body.
std::vector<uint8_t>
Wire(SmbHeader::Command command, const SmbBody& body)
{
    SmbHeader h;
    h.SetCommand(command);
    return PacketBytes(MakeNbssSmbMessage(h, body));
}

uint16_t
Le16(const std::vector<uint8_t>& b, size_t at)
{
    return static_cast<uint16_t>(b.at(at) | (b.at(at + 1) << 8));
}

std::string
Str(const std::vector<uint8_t>& b, size_t at)
{
    return std::string(reinterpret_cast<const char*>(b.data() + at));
}

// Offsets in a Wire() vector: WordCount at 36, the words from 37.
constexpr size_t kWct = 4 + 32;

// A request through the responder; returns the response's header and body.
void
Ask(LanmanSmbResponder& server, LanmanSmbResponder::Connection& c, SmbHeader::Command command,
    const SmbBody& body, SmbHeader& rh, SmbBody& rb, uint16_t uid = 0, uint16_t tid = 0)
{
    SmbHeader h;
    h.SetCommand(command);
    h.SetUid(uid);
    h.SetTid(tid);
    h.SetMid(9);
    Ptr<Packet> response = server.Answer(h, body, c, Seconds(0));
    NbssHeader nbss;
    response->RemoveHeader(nbss);
    REQUIRE(ReadNbssSmbMessage(response, rh, rb));
    CHECK(rh.IsReply());
    CHECK(rh.GetCommand() == command);
    CHECK(rh.GetMid() == 9);
}

SmbBody
DosNegotiate()
{
    SmbNegotiateRequest r;
    r.dialects = LanmanDosDialects();
    return r.Encode();
}
} // namespace

TEST_CASE("lanman-smb: the header as an MS-DOS redirector sends it")
{
    // [MS-CIFS] 2.2.3.1: 0xFF 'SMB', command, status, Flags 0x18 (case-insensitive,
    // canonicalized paths), Flags2 0 (no long names, DOS errors, OEM strings).
    auto b = Wire(SmbHeader::NEGOTIATE, SmbBody());
    REQUIRE(b.size() == 4 + 32 + 3);
    CHECK(b[3] == 35); // NBSS LENGTH
    CHECK(b[4] == 0xFF);
    CHECK(b[8] == 0x72);
    CHECK(b[4 + 9] == 0x18);
    CHECK(Le16(b, 4 + 10) == 0);
    CHECK(b[kWct] == 0);
    CHECK(Le16(b, kWct + 1) == 0);
    // The DOS status form: class, reserved, code.
    CHECK(SmbHeader::kStatusBadUid == 0x005B0002u);
}

TEST_CASE("lanman-smb: Negotiate request with the DOS redirector's dialects")
{
    // lanman-smb-dialects: [MS-CIFS] 2.2.4.52.1, WordCount 0, each dialect 0x02 and
    // a NUL-terminated string.
    auto b = Wire(SmbHeader::NEGOTIATE, DosNegotiate());
    CHECK(b[kWct] == 0);
    uint16_t bcc = Le16(b, kWct + 1);
    CHECK(bcc == 24 + 24 + 15 + 15);
    CHECK(b.size() == kWct + 3 + bcc);
    size_t at = kWct + 3;
    for (const char* d :
         {"PC NETWORK PROGRAM 1.0", "MICROSOFT NETWORKS 3.0", "DOS LM1.2X002", "DOS LANMAN2.1"})
    {
        CHECK(b[at] == 0x02);
        CHECK(Str(b, at + 1) == d);
        at += 2 + std::string(d).size();
    }
    CHECK(at == b.size());
}

TEST_CASE("lanman-smb: the server chooses the most capable dialect it speaks")
{
    // [MS-CIFS] 1.7 order; 0xFFFF when none is acceptable (2.2.4.52.2).
    CHECK(SelectSmbDialect(LanmanDosDialects()) == 3);
    CHECK(SelectSmbDialect({"PC NETWORK PROGRAM 1.0", "MICROSOFT NETWORKS 1.03",
                            "MICROSOFT NETWORKS 3.0", "LANMAN1.0", "LM1.2X002", "LANMAN2.1"}) == 5);
    CHECK(SelectSmbDialect({"PC NETWORK PROGRAM 1.0", "LANMAN1.0", "NT LM 0.12"}) == 1);
    CHECK(SelectSmbDialect({"NT LM 0.12"}) == kSmbNoDialect);
    CHECK(SelectSmbDialect({}) == kSmbNoDialect);
    CHECK(IsLanmanDialect("MICROSOFT NETWORKS 3.0"));
    CHECK_FALSE(IsLanmanDialect("PC NETWORK PROGRAM 1.0"));
}

TEST_CASE("lanman-smb: the server's Negotiate response has the LAN Manager words")
{
    // lanman-smb-negotiate-response: [MS-CIFS] 2.2.4.52.2, WordCount 13:
    // DialectIndex, SecurityMode, MaxBufferSize, MaxMpxCount, MaxNumberVcs,
    // RawMode, SessionKey (4), ServerTime, ServerDate, ServerTimeZone,
    // EncryptionKeyLength, Reserved; Bytes: the challenge, the domain (LAN Manager
    // 2.1).
    LanmanSmbResponder server;
    LanmanSmbServerIdentity id;
    id.domain = "SALES";
    server.SetIdentity(id);
    server.SetSeed(4);
    auto c = server.NewConnection();
    SmbHeader h;
    h.SetCommand(SmbHeader::NEGOTIATE);
    auto b = PacketBytes(server.Answer(h, DosNegotiate(), c, Seconds(3661)));
    CHECK((b[4 + 9] & SmbHeader::kFlagReply) != 0);
    CHECK(b[kWct] == 13);
    const size_t w = kWct + 1;
    CHECK(Le16(b, w) == 3);           // DOS LANMAN2.1
    CHECK(Le16(b, w + 2) == 0x0003);  // user-level security, encrypted passwords
    CHECK(Le16(b, w + 4) == 4356);    // MaxBufferSize
    CHECK(Le16(b, w + 6) == 50);      // MaxMpxCount
    CHECK(Le16(b, w + 8) == 1);       // MaxNumberVcs
    CHECK(Le16(b, w + 10) == 0x0003); // RawMode
    CHECK(Le16(b, w + 12) == c.sessionKey);
    CHECK(Le16(b, w + 16) == ((1 << 11) | (1 << 5) | 0)); // 01:01:00 (two-second units)
    CHECK(Le16(b, w + 18) == ((14 << 9) | (1 << 5) | 1)); // 1994-01-01
    CHECK(Le16(b, w + 20) == 0);                          // UTC
    CHECK(Le16(b, w + 22) == 8);                          // EncryptionKeyLength
    uint16_t bcc = Le16(b, w + 26);
    CHECK(bcc == 8 + 6);
    CHECK(std::vector<uint8_t>(b.begin() + w + 28, b.begin() + w + 36) == c.challenge);
    CHECK(Str(b, w + 36) == "SALES");
    CHECK(b.size() == w + 28 + bcc);

    SECTION("one Negotiate per connection")
    {
        SmbHeader rh;
        SmbBody rb;
        Ask(server, c, SmbHeader::NEGOTIATE, DosNegotiate(), rh, rb);
        CHECK(rh.GetStatus() == SmbHeader::kStatusServerError);
        CHECK(rb.GetWordCount() == 0);
    }
    SECTION("no dialect in common: WordCount 1, index 0xFFFF")
    {
        auto other = server.NewConnection();
        SmbNegotiateRequest nt;
        nt.dialects = {"NT LM 0.12"};
        SmbHeader rh;
        SmbBody rb;
        Ask(server, other, SmbHeader::NEGOTIATE, nt.Encode(), rh, rb);
        CHECK(rb.GetWordCount() == 1);
        SmbNegotiateResponse r;
        REQUIRE(SmbNegotiateResponse::Decode(rb, r));
        CHECK(r.dialectIndex == kSmbNoDialect);
        CHECK_FALSE(r.lanman);
    }
    SECTION("challenges and session keys differ between connections and servers")
    {
        auto next = server.NewConnection();
        CHECK(next.challenge != c.challenge);
        CHECK(next.sessionKey != c.sessionKey);
        LanmanSmbResponder another;
        another.SetSeed(5);
        CHECK(another.NewConnection().challenge != c.challenge);
    }
}

TEST_CASE("lanman-smb: Session Setup AndX request, LAN Manager form")
{
    // lanman-smb-session-setup: [MS-CIFS] 2.2.4.53.1 before NT LM 0.12, WordCount
    // 10: AndXCommand 0xFF, AndXReserved, AndXOffset, MaxBufferSize, MaxMpxCount,
    // VcNumber, SessionKey (4), PasswordLength, Reserved (4); Bytes: password,
    // account, primary domain, native OS, native LAN Manager.
    SmbSessionSetupRequest r;
    r.maxBufferSize = 1024;
    r.maxMpxCount = 1;
    r.sessionKey = 0x01020304;
    r.password = SmbChallengeResponse("secret", {1, 2, 3, 4, 5, 6, 7, 8});
    r.account = "alice";
    r.domain = "DOMAIN";
    r.nativeOs = "MS-DOS";
    r.nativeLanMan = "LAN Manager";
    auto b = Wire(SmbHeader::SESSION_SETUP, r.Encode());
    const size_t w = kWct + 1;
    CHECK(b[kWct] == 10);
    CHECK(b[w] == 0xFF);
    CHECK(Le16(b, w + 2) == 0);
    CHECK(Le16(b, w + 4) == 1024);
    CHECK(Le16(b, w + 6) == 1);
    CHECK(Le16(b, w + 8) == 0);
    CHECK(Le16(b, w + 10) == 0x0304);
    CHECK(Le16(b, w + 12) == 0x0102);
    CHECK(Le16(b, w + 14) == 24); // PasswordLength: a LAN Manager challenge response
    uint16_t bcc = Le16(b, w + 20);
    size_t d = w + 22;
    CHECK(b.size() == d + bcc);
    CHECK(Str(b, d + 24) == "alice");
    CHECK(Str(b, d + 30) == "DOMAIN");
    CHECK(Str(b, d + 37) == "MS-DOS");
    CHECK(Str(b, d + 44) == "LAN Manager");
    CHECK(bcc == 24 + 6 + 7 + 7 + 12);

    SmbSessionSetupRequest back;
    SmbBody body = r.Encode();
    REQUIRE(SmbSessionSetupRequest::Decode(body, back));
    CHECK(back.account == "alice");
    CHECK(back.password == r.password);
}

TEST_CASE("lanman-smb: the password field answers the challenge, 24 bytes")
{
    std::vector<uint8_t> c1{1, 2, 3, 4, 5, 6, 7, 8};
    std::vector<uint8_t> c2{8, 7, 6, 5, 4, 3, 2, 1};
    CHECK(SmbChallengeResponse("secret", c1).size() == 24);
    CHECK(SmbChallengeResponse("secret", c1) == SmbChallengeResponse("SECRET", c1));
    CHECK(SmbChallengeResponse("secret", c1) != SmbChallengeResponse("secret", c2));
    CHECK(SmbChallengeResponse("secret", c1) != SmbChallengeResponse("secreT!", c1));
    CHECK(SmbChallengeResponse("", c1).empty()); // the null session
}

TEST_CASE("lanman-smb: Tree Connect AndX request and response")
{
    // lanman-smb-tree-connect: [MS-CIFS] 2.2.4.55.1, WordCount 4 (AndX, Flags,
    // PasswordLength); Bytes: password (one NUL: user-level security), path,
    // service "A:".
    SmbTreeConnectRequest r;
    r.password = {0};
    r.path = "\\\\FS-1\\DATA";
    r.service = "A:";
    auto b = Wire(SmbHeader::TREE_CONNECT, r.Encode());
    const size_t w = kWct + 1;
    CHECK(b[kWct] == 4);
    CHECK(b[w] == 0xFF);
    CHECK(Le16(b, w + 4) == 0); // Flags
    CHECK(Le16(b, w + 6) == 1); // PasswordLength
    uint16_t bcc = Le16(b, w + 8);
    CHECK(bcc == 1 + 12 + 3);
    CHECK(b[w + 10] == 0);
    CHECK(Str(b, w + 11) == "\\\\FS-1\\DATA");
    CHECK(Str(b, w + 23) == "A:");
    CHECK(b.size() == w + 10 + bcc);

    // [MS-CIFS] 2.2.4.55.2: WordCount 3 (AndX, OptionalSupport); service, native
    // file system.
    SmbTreeConnectResponse t;
    t.optionalSupport = SmbTreeConnectResponse::kSupportSearchBits;
    t.service = "A:";
    t.nativeFileSystem = "NTFS";
    auto a = Wire(SmbHeader::TREE_CONNECT, t.Encode());
    CHECK(a[kWct] == 3);
    CHECK(Le16(a, w + 4) == 1);
    CHECK(Le16(a, w + 6) == 3 + 5);
    CHECK(Str(a, w + 8) == "A:");
    CHECK(Str(a, w + 11) == "NTFS");
}

TEST_CASE("lanman-smb: the server gives UIDs and TIDs and checks them")
{
    // lanman-smb-uid-tid: a Tree Connect needs the UID of a Session Setup of this
    // connection; Tree Disconnect a TID of a Tree Connect; Logoff ends the UID.
    LanmanSmbResponder server;
    auto c = server.NewConnection();
    SmbHeader rh;
    SmbBody rb;
    SmbSessionSetupRequest logon;
    logon.account = "alice";
    SECTION("Session Setup before Negotiate is refused")
    {
        Ask(server, c, SmbHeader::SESSION_SETUP, logon.Encode(), rh, rb);
        CHECK(rh.GetStatus() == SmbHeader::kStatusServerError);
    }
    Ask(server, c, SmbHeader::NEGOTIATE, DosNegotiate(), rh, rb);
    Ask(server, c, SmbHeader::SESSION_SETUP, logon.Encode(), rh, rb);
    CHECK(rh.GetStatus() == 0);
    uint16_t uid = rh.GetUid();
    CHECK(uid != 0);
    SmbSessionSetupResponse who;
    REQUIRE(SmbSessionSetupResponse::Decode(rb, who));
    CHECK(who.nativeOs.empty()); // identity not set in this test
    SmbTreeConnectRequest tc;
    tc.password = {0};
    tc.path = "\\\\FS-1\\DATA";
    tc.service = "A:";
    Ask(server, c, SmbHeader::TREE_CONNECT, tc.Encode(), rh, rb, uid + 1);
    CHECK(rh.GetStatus() == SmbHeader::kStatusBadUid);
    CHECK(rb.GetWordCount() == 0);
    Ask(server, c, SmbHeader::TREE_CONNECT, tc.Encode(), rh, rb, uid);
    CHECK(rh.GetStatus() == 0);
    uint16_t tid = rh.GetTid();
    CHECK(tid != 0);
    Ask(server, c, SmbHeader::TREE_CONNECT, tc.Encode(), rh, rb, uid);
    CHECK(rh.GetTid() != tid);
    Ask(server, c, SmbHeader::TREE_DISCONNECT, MakeSmbEmptyBody(), rh, rb, uid, tid);
    CHECK(rh.GetStatus() == 0);
    CHECK(rb.GetWordCount() == 0);
    Ask(server, c, SmbHeader::TREE_DISCONNECT, MakeSmbEmptyBody(), rh, rb, uid, tid);
    CHECK(rh.GetStatus() == SmbHeader::kStatusBadTid);
    Ask(server, c, SmbHeader::LOGOFF, MakeSmbLogoffBody(), rh, rb, uid);
    CHECK(rh.GetStatus() == 0);
    CHECK(rb.GetWordCount() == 2);
    Ask(server, c, SmbHeader::TREE_CONNECT, tc.Encode(), rh, rb, uid);
    CHECK(rh.GetStatus() == SmbHeader::kStatusBadUid);
}

TEST_CASE("lanman-smb: a message cut short or not SMB is not read")
{
    SmbTreeConnectRequest r;
    r.path = "\\\\S\\X";
    r.service = "A:";
    SmbHeader h;
    Ptr<Packet> whole = MakeNbssSmbMessage(h, r.Encode());
    NbssHeader nbss;
    whole->RemoveHeader(nbss);
    for (uint32_t cut : {1u, 31u, 33u, 40u, whole->GetSize() - 1})
    {
        Ptr<Packet> part = whole->CreateFragment(0, cut);
        SmbHeader sh;
        SmbBody sb;
        CHECK_FALSE(ReadNbssSmbMessage(part, sh, sb));
    }
    uint8_t notSmb[40] = {0xFE, 'S', 'M', 'B'};
    SmbHeader sh;
    SmbBody sb;
    CHECK_FALSE(ReadNbssSmbMessage(Create<Packet>(notSmb, sizeof(notSmb)), sh, sb));
    // A body with the wrong WordCount for its command does not decode.
    SmbTreeConnectRequest tc;
    CHECK_FALSE(SmbTreeConnectRequest::Decode(MakeSmbLogoffBody(), tc));
    SmbNegotiateRequest n;
    SmbBody bad;
    bad.Data8(0x02).Data8('X'); // no NUL
    CHECK_FALSE(SmbNegotiateRequest::Decode(bad, n));
}

TEST_CASE("lanman-smb: SMB_DATE and SMB_TIME")
{
    // [MS-CIFS] 2.2.1.4.1: date (year-1980)<<9 | month<<5 | day; time hours<<11 |
    // minutes<<5 | seconds/2.
    uint16_t date = 0;
    uint16_t time = 0;
    SmbDateTime(0, date, time);
    CHECK(date == ((0 << 9) | (1 << 5) | 1));
    CHECK(time == 0);
    // 2000-02-29 13:45:30: 7364 days after 1980-01-01.
    SmbDateTime(7364ULL * 86400 + 13 * 3600 + 45 * 60 + 30, date, time);
    CHECK(date == ((20 << 9) | (2 << 5) | 29));
    CHECK(time == ((13 << 11) | (45 << 5) | 15));
    SmbDateTime(LanmanSmbResponder::kClockAtZero, date, time);
    CHECK(date == 0x1c21); // 1994-01-01
}
