// The LAN Manager redirector's SMB, read back from the capture of a run: the
// bytes on the wire decoded message by message (docs/models/lanman.md, "SMB on
// the wire").
#include "nbss-session-request-header.h"
#include "nbss-stream-reader.h"
#include "ns3-fixture.h"
#include "pcap-flows.h"
#include "runner.h"
#include "scenario-loader.h"
#include "smb-dialects.h"
#include "smb-messages.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace retrotcp;
using namespace retrotcp::test;
using namespace ns3;

namespace
{
/// One SMB message as it was on the wire.
struct WireSmb
{
    SmbHeader header; //!< 32-byte header
    SmbBody body;     //!< WordCount, words, ByteCount, bytes
    uint32_t length;  //!< the NBSS LENGTH that carried it
};

/// One TCP connection to port 139: the server's NetBIOS name and both directions.
struct WireSession
{
    std::string called;             //!< SESSION REQUEST called name
    std::vector<WireSmb> requests;  //!< workstation -> server
    std::vector<WireSmb> responses; //!< server -> workstation
};

// Every SMB message in one direction's byte stream (NBSS SESSION MESSAGEs);
// \p called receives the called name of a SESSION REQUEST.
std::vector<WireSmb>
Messages(const std::vector<uint8_t>& stream, std::string* called)
{
    NbssStreamReader reader;
    reader.Append(Create<Packet>(stream.data(), stream.size()));
    std::vector<WireSmb> out;
    while (Ptr<Packet> m = reader.Next())
    {
        NbssHeader nbss;
        m->RemoveHeader(nbss);
        if (nbss.GetType() == NbssHeader::SESSION_REQUEST && called)
        {
            NbssSessionRequestHeader names;
            m->RemoveHeader(names);
            *called = names.GetCalledName();
        }
        if (nbss.GetType() != NbssHeader::SESSION_MESSAGE)
        {
            continue;
        }
        WireSmb w;
        w.length = nbss.GetLength();
        REQUIRE(ReadNbssSmbMessage(m, w.header, w.body));
        // WordCount and ByteCount account for every byte of the message.
        CHECK(w.length ==
              SmbHeader::kSize + 1 + 2u * w.body.GetWordCount() + 2 + w.body.GetByteCount());
        CHECK(m->GetSize() == 0);
        out.push_back(w);
    }
    CHECK(reader.GetBuffered() == 0);
    return out;
}

// The port-139 sessions of one host's capture, in the order they were opened.
std::vector<WireSession>
Sessions(const std::string& pcap)
{
    auto flows = ReadTcpFlows(pcap);
    std::map<uint32_t, WireSession> byFrame;
    for (const auto& [flow, data] : flows)
    {
        if (flow.dstPort != 139 || data.bytes.empty())
        {
            continue;
        }
        WireSession& s = byFrame[data.firstFrame];
        s.requests = Messages(data.bytes, &s.called);
        TcpFlow back{flow.dstAddress, flow.dstPort, flow.srcAddress, flow.srcPort};
        auto reply = flows.find(back);
        REQUIRE(reply != flows.end());
        s.responses = Messages(reply->second.bytes, nullptr);
    }
    std::vector<WireSession> out;
    for (auto& [frame, s] : byFrame)
    {
        out.push_back(s);
    }
    return out;
}

std::string
RunWithPcap(const std::string& scenario, const std::string& tag)
{
    Scenario s = LoadScenario(SourcePath("scenarios/" + scenario + ".json"), {});
    RunOptions options;
    options.outDir = TempDir(tag);
    options.progress = false;
    options.pcap = true;
    std::ostringstream log;
    RunScenario(s, options, log);
    return options.outDir;
}

// Checks the opening of a session (rules lanman-smb-dialects,
// lanman-smb-negotiate-response, lanman-smb-session-setup) and returns the UID.
uint16_t
CheckOpening(const WireSession& s, const std::string& account, const std::string& password)
{
    REQUIRE(s.requests.size() >= 2);
    REQUIRE(s.responses.size() >= 2);
    // lanman-smb-dialects: "Negotiate Protocol request with the dialect strings a
    // LAN Manager 2.x MS-DOS client offers"; no UID or TID yet.
    const WireSmb& neg = s.requests[0];
    CHECK(neg.header.GetCommand() == SmbHeader::NEGOTIATE);
    CHECK_FALSE(neg.header.IsReply());
    CHECK(neg.header.GetFlags() == SmbHeader::kFlagsDos);
    CHECK(neg.header.GetFlags2() == 0);
    CHECK(neg.header.GetTid() == 0);
    CHECK(neg.header.GetUid() == 0);
    SmbNegotiateRequest offer;
    REQUIRE(SmbNegotiateRequest::Decode(neg.body, offer));
    CHECK(offer.dialects == std::vector<std::string>{"PC NETWORK PROGRAM 1.0",
                                                     "MICROSOFT NETWORKS 3.0", "DOS LM1.2X002",
                                                     "DOS LANMAN2.1"});
    // lanman-smb-negotiate-response: "the server's response choosing a dialect
    // with the right LANMAN-style response words" (WordCount 13).
    const WireSmb& chosen = s.responses[0];
    CHECK(chosen.header.IsReply());
    CHECK(chosen.header.GetMid() == neg.header.GetMid());
    CHECK(chosen.body.GetWordCount() == 13);
    SmbNegotiateResponse answer;
    REQUIRE(SmbNegotiateResponse::Decode(chosen.body, answer));
    CHECK(answer.dialectIndex == 3); // DOS LANMAN2.1
    CHECK(answer.securityMode == 0x0003);
    CHECK(answer.challenge.size() == 8);
    CHECK(answer.domain == "DOMAIN");
    // lanman-smb-session-setup: "Session Setup AndX with the account name from net
    // logon USER PASSWORD and a password field of the right length".
    const WireSmb& setup = s.requests[1];
    CHECK(setup.header.GetCommand() == SmbHeader::SESSION_SETUP);
    CHECK(setup.header.GetTid() == 0);
    CHECK(setup.body.GetWordCount() == 10);
    SmbSessionSetupRequest logon;
    REQUIRE(SmbSessionSetupRequest::Decode(setup.body, logon));
    CHECK(logon.account == account);
    CHECK(logon.password.size() == 24);
    CHECK(logon.password == SmbChallengeResponse(password, answer.challenge));
    CHECK(logon.sessionKey == answer.sessionKey);
    CHECK(logon.domain == "DOMAIN");
    const WireSmb& granted = s.responses[1];
    CHECK(granted.header.GetCommand() == SmbHeader::SESSION_SETUP);
    CHECK(granted.header.GetStatus() == 0);
    CHECK(granted.body.GetWordCount() == 3);
    CHECK(granted.header.GetUid() != 0);
    return granted.header.GetUid();
}
} // namespace

TEST_CASE("lanman-smb-wire: ws-light's sessions carry Negotiate, Session Setup and Tree Connect "
          "as the redirector sent them")
{
    Ns3Fixture fixture;
    std::string out = RunWithPcap("lanman-relogon-error", "smb-wire-light");
    auto sessions = Sessions(out + "/pcap/ws-light-1.pcap");
    // The logon's six sessions (dc, fs-1 .. fs-5), then the re-logon's session to
    // dc (the script's sessions find no connection block).
    std::vector<std::string> called;
    for (const auto& s : sessions)
    {
        called.push_back(s.called);
    }
    CHECK(called == std::vector<std::string>{"DC", "FS-1", "FS-2", "FS-3", "FS-4", "FS-5", "DC"});
    std::map<std::string, std::vector<std::string>> paths; // server -> Tree Connect paths
    for (const auto& s : sessions)
    {
        uint16_t uid = CheckOpening(s, "alice", "secret");
        REQUIRE(s.responses.size() == s.requests.size());
        std::set<uint16_t> tids;
        for (size_t i = 2; i < s.requests.size(); ++i)
        {
            const WireSmb& q = s.requests[i];
            const WireSmb& a = s.responses[i];
            CHECK(a.header.GetCommand() == q.header.GetCommand());
            CHECK(a.header.GetMid() == q.header.GetMid());
            CHECK(a.header.GetStatus() == 0);
            // lanman-smb-uid-tid: "UID and TID taken from the server's responses
            // (no TID before a Tree Connect)".
            CHECK(q.header.GetUid() == uid);
            if (q.header.GetCommand() == SmbHeader::TREE_CONNECT)
            {
                // lanman-smb-tree-connect: "Tree Connect AndX with \\SERVER\SHARE
                // and service A: (and the response)".
                CHECK(q.header.GetTid() == 0);
                SmbTreeConnectRequest tc;
                REQUIRE(SmbTreeConnectRequest::Decode(q.body, tc));
                CHECK(tc.service == "A:");
                CHECK(tc.password == std::vector<uint8_t>{0});
                paths[s.called].push_back(tc.path);
                SmbTreeConnectResponse tr;
                REQUIRE(SmbTreeConnectResponse::Decode(a.body, tr));
                CHECK(tr.service == "A:");
                CHECK(a.header.GetTid() != 0);
                CHECK(tids.insert(a.header.GetTid()).second);
            }
            else
            {
                // lanman-smb-logoff: the re-logon's Logoff AndX, WordCount 2.
                CHECK(q.header.GetCommand() == SmbHeader::LOGOFF);
                CHECK(q.body.GetWordCount() == 2);
                CHECK(a.body.GetWordCount() == 2);
            }
        }
    }
    CHECK(paths["FS-1"] == std::vector<std::string>{"\\\\FS-1\\DATA", "\\\\FS-1\\USERS"});
    CHECK(paths["FS-2"] == std::vector<std::string>{"\\\\FS-2\\APPS"});
    CHECK(paths["FS-5"] == std::vector<std::string>{"\\\\FS-5\\MAIL"});
    CHECK(paths["DC"].empty());
    // The first six sessions end with Logoff (net logon /y), the last is open.
    for (size_t i = 0; i + 1 < sessions.size(); ++i)
    {
        CHECK(sessions[i].requests.back().header.GetCommand() == SmbHeader::LOGOFF);
    }
}

TEST_CASE("lanman-smb-wire: net use /d sends Tree Disconnect with the TID the server gave")
{
    Ns3Fixture fixture;
    std::string out = RunWithPcap("lanman-relogon-error", "smb-wire-heavy");
    // ws-heavy: "net use J: /d" deletes its only drive on fs-5.
    auto sessions = Sessions(out + "/pcap/ws-heavy-1.pcap");
    const WireSession* fs5 = nullptr;
    for (const auto& s : sessions)
    {
        fs5 = s.called == "FS-5" ? &s : fs5;
    }
    REQUIRE(fs5 != nullptr);
    uint16_t uid = CheckOpening(*fs5, "bob", "secret");
    REQUIRE(fs5->requests.size() == 4);
    REQUIRE(fs5->responses.size() == 4);
    CHECK(fs5->requests[2].header.GetCommand() == SmbHeader::TREE_CONNECT);
    uint16_t tid = fs5->responses[2].header.GetTid();
    CHECK(tid != 0);
    // lanman-smb-tree-disconnect: the TID of J:'s Tree Connect, WordCount 0,
    // ByteCount 0 both ways ([MS-CIFS] 2.2.4.51).
    const WireSmb& disconnect = fs5->requests[3];
    CHECK(disconnect.header.GetCommand() == SmbHeader::TREE_DISCONNECT);
    CHECK(disconnect.header.GetTid() == tid);
    CHECK(disconnect.header.GetUid() == uid);
    CHECK(disconnect.body.GetWordCount() == 0);
    CHECK(disconnect.body.GetByteCount() == 0);
    CHECK(fs5->responses[3].header.GetStatus() == 0);
    CHECK(fs5->responses[3].body.GetWordCount() == 0);
}
