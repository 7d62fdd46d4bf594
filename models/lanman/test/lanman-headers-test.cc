// NetBIOS session service and SMB headers on the wire (RFC 1001/1002, MS-CIFS).
#include "nbss-header.h"
#include "nbss-session-request-header.h"
#include "nbss-stream-reader.h"
#include "netbios-name.h"
#include "packet-bytes.h"
#include "smb-header.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace ns3;

TEST_CASE("lanman-headers: RFC 1001 first-level name encoding")
{
    // RFC 1001 14.1 example: "FRED" + spaces (no suffix byte in the example:
    // 16 characters) encodes as EGFCEFEECACACACACACACACACACACACA.
    CHECK(NetbiosEncodeName("fred", 0x20) == "EGFCEFEECACACACACACACACACACACACA");
    uint8_t suffix = 0xFF;
    CHECK(NetbiosDecodeName(NetbiosEncodeName("FS1", 0x00), &suffix) == "FS1");
    CHECK(suffix == 0x00);
    CHECK(NetbiosDecodeName("not encoded") == "");
}

TEST_CASE("lanman-headers: session request, responses and SMB messages")
{
    // RFC 1002 4.3.2: SESSION REQUEST, type 0x81, LENGTH 68 (two 34-byte names).
    auto request = PacketBytes(MakeNbssSessionRequest("fs1", "ws-1"));
    REQUIRE(request.size() == 72);
    CHECK(request[0] == 0x81);
    CHECK(request[1] == 0x00);
    CHECK(request[2] == 0x00);
    CHECK(request[3] == 68);
    CHECK(request[4] == 32); // label length
    CHECK(std::string(request.begin() + 5, request.begin() + 37) == NetbiosEncodeName("FS1", 0x20));
    CHECK(request[37] == 0);
    CHECK(request[38] == 32);

    // RFC 1002 4.3.3: POSITIVE SESSION RESPONSE 0x82, LENGTH 0; 4.3.4: NEGATIVE 0x83
    // with one error byte.
    CHECK(PacketBytes(MakeNbssSessionResponse(0)) == std::vector<uint8_t>{0x82, 0, 0, 0});
    CHECK(PacketBytes(MakeNbssSessionResponse(0x80)) == std::vector<uint8_t>{0x83, 0, 0, 1, 0x80});

    // SESSION MESSAGE (0x00) carrying "\xFFSMB" + command, then WordCount,
    // words, ByteCount, bytes.
    SmbHeader smb;
    smb.SetCommand(SmbHeader::TREE_DISCONNECT);
    smb.SetMid(7);
    SmbBody body;
    body.Param16(0x1234).DataString("AB");
    auto message = PacketBytes(MakeNbssSmbMessage(smb, body));
    REQUIRE(message.size() == 4 + 32 + 1 + 2 + 2 + 3);
    CHECK(message[0] == 0x00);
    CHECK(message[3] == 32 + 1 + 2 + 2 + 3);
    CHECK(message[4] == 0xFF);
    CHECK(message[5] == 'S');
    CHECK(message[6] == 'M');
    CHECK(message[7] == 'B');
    CHECK(message[8] == 0x71);
    CHECK(message[4 + 30] == 7);    // MID, little-endian
    CHECK(message[4 + 32] == 1);    // WordCount
    CHECK(message[4 + 33] == 0x34); // the word, little-endian
    CHECK(message[4 + 34] == 0x12);
    CHECK(message[4 + 35] == 3); // ByteCount
    CHECK(message[4 + 37] == 'A');
    CHECK(message[4 + 39] == 0); // the string's NUL
}

TEST_CASE("lanman-headers: the stream reader cuts NBSS packets out of any segmentation")
{
    Ptr<Packet> stream = MakeNbssSessionResponse(0);
    SmbHeader smb;
    smb.SetCommand(SmbHeader::NEGOTIATE);
    smb.SetReply(true);
    SmbBody body;
    body.DataBytes(std::vector<uint8_t>(100, 0x55));
    stream->AddAtEnd(MakeNbssSmbMessage(smb, body));
    NbssStreamReader reader;
    // Feed it one byte at a time.
    std::vector<uint32_t> sizes;
    for (uint32_t i = 0; i < stream->GetSize(); ++i)
    {
        reader.Append(stream->CreateFragment(i, 1));
        while (Ptr<Packet> m = reader.Next())
        {
            sizes.push_back(m->GetSize());
            if (sizes.size() == 2)
            {
                NbssHeader n;
                m->RemoveHeader(n);
                SmbHeader s;
                SmbBody b;
                REQUIRE(ReadNbssSmbMessage(m, s, b));
                CHECK(s.IsReply());
                CHECK(s.GetCommand() == SmbHeader::NEGOTIATE);
                CHECK(b.GetByteCount() == 100);
            }
        }
    }
    CHECK(sizes == std::vector<uint32_t>{4, 4 + 32 + 3 + 100});
    CHECK(reader.GetBuffered() == 0);
}
