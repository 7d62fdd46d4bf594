// Close semantics (rules LT-CLOSE, LT-ABORT-CODE).
#include "legacy-tcp-test-network.h"
#include "ns3-fixture.h"
#include "ns3/boolean.h"
#include "ns3/simulator.h"

#include <catch2/catch.hpp>

using namespace ns3;
using namespace retrotcp::test;

TEST_CASE("legacy-tcp: half-duplex close sends a RST and the peer reports reset", "[close]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    bool halfDuplex = true;
    bool unreadAtClose = true;
    SECTION("Close() with unread data") {}
    SECTION("data arriving after Close()")
    {
        unreadAtClose = false;
    }
    SECTION("off: the half-closed direction keeps working")
    {
        halfDuplex = false;
        unreadAtClose = false;
    }
    server.SetAttribute("HalfDuplexClose", BooleanValue(halfDuplex));
    TestNetwork net(client, server);
    TestServer srv;
    srv.read = !unreadAtClose;
    srv.closeOnPeerClose = false;
    srv.Start(net.NewSocket(1), 139);
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(s);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(139)); });
    if (unreadAtClose)
    {
        Simulator::Schedule(Seconds(1.1), [&]() { s->Send(Create<Packet>(100), 0); });
    }
    Simulator::Schedule(Seconds(1.2), [&]() { srv.accepted.at(0)->Close(); });
    if (!unreadAtClose)
    {
        // The client got the server's FIN (CLOSE_WAIT) and may still send.
        Simulator::Schedule(Seconds(1.3), [&]() {
            CHECK(s->GetStateName() == "CLOSE_WAIT");
            CHECK(s->Send(Create<Packet>(100), 0) == 100);
        });
        Simulator::Schedule(Seconds(1.4), [&]() { s->Close(); });
    }
    Simulator::Stop(Seconds(10));
    Simulator::Run();
    INFO(net.wire.Dump() << net.DumpEvents(1));

    auto serverConn = DynamicCast<LegacyTcpSocket>(srv.accepted.at(0));
    if (halfDuplex)
    {
        // RFC 1122 4.2.2.13: "If such a host issues a CLOSE call while received data
        // is still pending in TCP, or if new data is received after CLOSE is called,
        // its TCP should send an RST to show that data was lost."
        CHECK(net.wire.From("server", TcpHeader::RST).size() == 1);
        CHECK(serverConn->GetError() == LegacyTcpError::Aborted);
        CHECK(serverConn->GetErrorCode().number == 10053); // WSAECONNABORTED, local abort
        CHECK(srv.errorCloses == 1);
        // "the local application MUST be informed whether it closed normally or was
        // aborted"
        CHECK(probe.errorClose);
        CHECK(s->GetError() == LegacyTcpError::Reset);
        CHECK(s->GetErrorCode().number == 10054);
        CHECK(s->GetStateName() == "CLOSED");
    }
    else
    {
        // "a host is permitted to continue sending data in the open direction on a
        // half-closed connection"
        CHECK(net.wire.From("server", TcpHeader::RST).empty());
        CHECK(srv.received == 100);
        CHECK(probe.normalClose);
        CHECK_FALSE(probe.errorClose);
        CHECK(s->GetStateName() == "CLOSED"); // passive closer: LAST_ACK -> CLOSED
        CHECK(net.Events(1, LegacyTcpEventType::TimeWaitEnter).size() == 1);
    }
    CHECK(net.tcp[0]->GetBlocksInUse() == 0);
}
