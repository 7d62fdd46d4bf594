// Power-off (rule LT-POWER-OFF): a host switched off keeps no TCP state.
#include "legacy-tcp-test-network.h"
#include "ns3-fixture.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <catch2/catch.hpp>

using namespace ns3;
using namespace retrotcp::test;

TEST_CASE("legacy-tcp: PowerOff loses every connection and TIME-WAIT record without a segment",
          "[power]")
{
    // Rule LT-POWER-OFF: "state lost at power-off as a reboot loses it": no FIN, no
    // RST at power-off; the blocks and ports are free; after power-on a segment of
    // a lost connection finds nothing and is answered with a reset (RFC 793 p.36:
    // "If the connection does not exist (CLOSED) then a reset is sent").
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    client.SetAttribute("Msl", TimeValue(Seconds(10))); // TIME-WAIT 20 s
    TestNetwork net(client, server);
    TestServer srv;
    srv.Start(net.NewSocket(1), 139);
    Ptr<LegacyTcpSocket> closed = net.NewSocket(0);
    Ptr<LegacyTcpSocket> open = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(open);
    Simulator::Schedule(Seconds(1), [&]() { closed->Connect(net.Server(139)); });
    Simulator::Schedule(Seconds(1.1), [&]() { closed->Close(); }); // to TIME-WAIT
    Simulator::Schedule(Seconds(2), [&]() { open->Connect(net.Server(139)); });
    LegacyTcpL4Protocol::PowerOffLosses lost;
    uint32_t blocks = 99;
    uint32_t timeWait = 99;
    Simulator::Schedule(Seconds(3), [&]() {
        REQUIRE(net.tcp[0]->GetTimeWaitCount() == 1);
        REQUIRE(net.tcp[0]->GetConnectionCount() == 1);
        lost = net.tcp[0]->PowerOff();
        blocks = net.tcp[0]->GetBlocksInUse();
        timeWait = net.tcp[0]->GetTimeWaitCount();
    });
    // The server writes on the lost connection while the client is off.
    Simulator::Schedule(Seconds(3.5), [&]() {
        REQUIRE(srv.accepted.size() == 2);
        srv.accepted[1]->Send(Create<Packet>(100));
    });
    Simulator::Schedule(Seconds(5), [&]() { net.tcp[0]->PowerOn(); });
    Simulator::Schedule(Seconds(6), [&]() { CHECK(open->Close() == 0); }); // does nothing
    Ptr<LegacyTcpSocket> fresh = net.NewSocket(0);
    ConnectProbe freshProbe;
    freshProbe.Watch(fresh);
    Simulator::Schedule(Seconds(8), [&]() { fresh->Connect(net.Server(139)); });
    Simulator::Stop(Seconds(40));
    Simulator::Run();
    INFO(net.wire.Dump() << net.DumpEvents(0));

    CHECK(lost.connections == 1);
    CHECK(lost.listeners == 0);
    CHECK(lost.timeWait == 1);
    CHECK(blocks == 0);
    CHECK(timeWait == 0);
    CHECK_FALSE(probe.normalClose); // no callback: the application is off too
    CHECK_FALSE(probe.errorClose);
    auto closedEvents = net.Events(0, LegacyTcpEventType::Closed);
    int byPower = 0;
    for (const auto& e : closedEvents)
    {
        if (e.ev.cause == LegacyTcpCause::PowerOff)
        {
            CHECK(e.time == Seconds(3));
            ++byPower;
        }
    }
    CHECK(byPower == 2);
    // Nothing leaves the client from power-off on but resets of lost connections.
    auto after = net.wire.Select([](const WireSegment& w) {
        return w.device == "client" && w.time >= Seconds(3) && w.time < Seconds(8);
    });
    REQUIRE_FALSE(after.empty());
    for (const auto& w : after)
    {
        CHECK(w.time >= Seconds(5));
        CHECK(w.Is(TcpHeader::RST));
    }
    // The server's retransmission reached the rebooted client: reset.
    CHECK(srv.errorCloses == 1);
    // And the stack works again: a new connection from the rebooted host.
    CHECK(net.tcp[0]->IsPoweredOn());
    CHECK(freshProbe.succeeded);
}
