// Connection-block pool (rule LT-POOL) and ephemeral ports (rules LT-PORTS,
// LT-PORT-EXHAUSTED).
#include "legacy-tcp-test-network.h"
#include "ns3-fixture.h"
#include "ns3/enum.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <catch2/catch.hpp>
#include <set>

using namespace ns3;
using namespace retrotcp::test;

namespace
{

/// Open n connections at 1 s and close them (active close) at 1.1 s.
std::vector<Ptr<LegacyTcpSocket>>
OpenAndClose(TestNetwork& net, uint32_t n)
{
    std::vector<Ptr<LegacyTcpSocket>> sockets;
    for (uint32_t i = 0; i < n; ++i)
    {
        Ptr<LegacyTcpSocket> s = net.NewSocket(0);
        sockets.push_back(s);
        Simulator::Schedule(Seconds(1), [s, &net]() { s->Connect(net.Server(139)); });
        Simulator::Schedule(Seconds(1.1), [s]() { s->Close(); });
    }
    return sockets;
}

} // namespace

TEST_CASE("legacy-tcp: a full pool fails or delays a connect until TIME-WAIT frees a block",
          "[pool]")
{
    Ns3Fixture fixture;
    const uint32_t n = 2;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    // Q94246: "When a TCP connection is closed, there is a short delay before the
    // same connection can be used again." Pool of N, MSL M = 1 s (TIME-WAIT 2 s).
    client.SetAttribute("ConnectionBlocks", UintegerValue(n));
    client.SetAttribute("Msl", TimeValue(Seconds(1)));

    SECTION("Fail: the (N+1)th connect during TIME-WAIT gets no_tcb, after 2M it succeeds")
    {
        TestNetwork net(client, server);
        TestServer srv;
        srv.Start(net.NewSocket(1), 139);
        auto first = OpenAndClose(net, n);
        Ptr<LegacyTcpSocket> extra = net.NewSocket(0);
        Ptr<LegacyTcpSocket> later = net.NewSocket(0);
        ConnectProbe extraProbe;
        ConnectProbe laterProbe;
        extraProbe.Watch(extra);
        laterProbe.Watch(later);
        Simulator::Schedule(Seconds(1.5), [&]() { REQUIRE(extra->Connect(net.Server(139)) == 0); });
        Simulator::Schedule(Seconds(3.5), [&]() { later->Connect(net.Server(139)); });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        INFO(net.DumpEvents(0));

        CHECK(net.Events(0, LegacyTcpEventType::TimeWaitEnter).size() == n);
        CHECK(extraProbe.failed); // asynchronous, at the same simulated time
        CHECK(extraProbe.when == Seconds(1.5));
        CHECK(extra->GetError() == LegacyTcpError::NoTcb);
        CHECK(extra->GetErrorCode().number == 10055);
        CHECK(net.Events(0, LegacyTcpEventType::PoolExhausted).size() == 1);
        // No SYN left the host for the failed connect.
        CHECK(net.wire.From("client", TcpHeader::SYN).size() == n + 1);
        auto exits = net.Events(0, LegacyTcpEventType::TimeWaitExit);
        REQUIRE(exits.size() == n);
        CHECK(exits[0].time.GetSeconds() == Approx(1.1 + 0.010 + 2.0).margin(1e-3));
        CHECK(laterProbe.succeeded);
    }

    SECTION("Wait: the (N+1)th connect pauses until the first TIME-WAIT record expires")
    {
        client.SetAttribute("PoolPolicy", EnumValue(LegacyTcpL4Protocol::POOL_WAIT));
        TestNetwork net(client, server);
        TestServer srv;
        srv.Start(net.NewSocket(1), 139);
        auto first = OpenAndClose(net, n);
        Ptr<LegacyTcpSocket> extra = net.NewSocket(0);
        ConnectProbe probe;
        probe.Watch(extra);
        Simulator::Schedule(Seconds(1.5), [&]() { extra->Connect(net.Server(139)); });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        INFO(net.DumpEvents(0));

        auto exits = net.Events(0, LegacyTcpEventType::TimeWaitExit);
        REQUIRE(exits.size() >= 1);
        auto syns = net.wire.From("client", TcpHeader::SYN);
        REQUIRE(syns.size() == n + 1);
        // The pause: from the connect call to the block freed by TIME-WAIT.
        CHECK(syns[n].time == exits[0].time);
        CHECK((syns[n].time - Seconds(1.5)).GetSeconds() == Approx(1.61).margin(1e-3));
        CHECK(probe.succeeded);
        CHECK(net.Events(0, LegacyTcpEventType::PoolWaitStart).size() == 1);
        auto ends = net.Events(0, LegacyTcpEventType::PoolWaitEnd);
        REQUIRE(ends.size() == 1);
        CHECK(ends[0].ev.cause == LegacyTcpCause::Granted);
    }

    SECTION("Wait with timeout: no_tcb when no block frees in time")
    {
        client.SetAttribute("PoolPolicy", EnumValue(LegacyTcpL4Protocol::POOL_WAIT));
        client.SetAttribute("PoolWaitTimeout", TimeValue(Seconds(1)));
        TestNetwork net(client, server);
        TestServer srv;
        srv.Start(net.NewSocket(1), 139);
        auto first = OpenAndClose(net, n);
        Ptr<LegacyTcpSocket> extra = net.NewSocket(0);
        ConnectProbe probe;
        probe.Watch(extra);
        Simulator::Schedule(Seconds(1.5), [&]() { extra->Connect(net.Server(139)); });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        CHECK(probe.failed);
        CHECK(probe.when == Seconds(2.5));
        CHECK(extra->GetErrorCode().number == 10055);
    }
}

TEST_CASE("legacy-tcp: a SYN for a listener with no free block is refused or dropped", "[pool]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    client.SetAttribute("ConnectRetryPolicy", EnumValue(LegacyTcpL4Protocol::RETRY_UNIX));
    server.SetAttribute("ConnectionBlocks", UintegerValue(1));
    bool drop = false;
    SECTION("Refuse")
    {
        // RFC 793 p.36: with no TCB the connection does not exist: reset.
        server.SetAttribute("PoolFullSyn", EnumValue(LegacyTcpL4Protocol::SYN_REFUSE));
    }
    SECTION("Drop")
    {
        server.SetAttribute("PoolFullSyn", EnumValue(LegacyTcpL4Protocol::SYN_DROP));
        drop = true;
    }
    TestNetwork net(client, server);
    TestServer srv;
    srv.Start(net.NewSocket(1), 139);
    Ptr<LegacyTcpSocket> a = net.NewSocket(0);
    Ptr<LegacyTcpSocket> b = net.NewSocket(0);
    ConnectProbe pa;
    ConnectProbe pb;
    pa.Watch(a);
    pb.Watch(b);
    Simulator::Schedule(Seconds(1), [&]() { a->Connect(net.Server(139)); });
    Simulator::Schedule(Seconds(2), [&]() { b->Connect(net.Server(139)); });
    Simulator::Stop(Seconds(4));
    Simulator::Run();
    INFO(net.wire.Dump());
    CHECK(pa.succeeded);
    CHECK(net.Events(1, LegacyTcpEventType::PoolExhausted).size() >= 1);
    if (drop)
    {
        CHECK_FALSE(pb.failed);
        CHECK(net.wire.From("server", TcpHeader::RST).empty());
        CHECK(b->GetStateName() == "SYN_SENT");
    }
    else
    {
        CHECK(pb.failed);
        CHECK(b->GetErrorCode().number == 10061);
        // RFC 793 p.36: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>, from the stack's
        // one reset builder (window 0, as every reset it sends).
        auto rsts = net.wire.From("server", TcpHeader::RST | TcpHeader::ACK);
        REQUIRE(rsts.size() == 1);
        auto syn = net.wire.From("client", TcpHeader::SYN).back();
        CHECK(rsts[0].seq == 0);
        CHECK(rsts[0].ack == syn.seq + 1);
        CHECK(rsts[0].window == 0);
    }
}

TEST_CASE("legacy-tcp: a port range of 8 with long TIME-WAIT gives no_port to the 9th connect",
          "[ports]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    client.SetAttribute("EphemeralPortMin", UintegerValue(2000));
    client.SetAttribute("EphemeralPortMax", UintegerValue(2007));
    client.SetAttribute("Msl", TimeValue(Seconds(120)));
    TestNetwork net(client, server);
    TestServer srv;
    srv.Start(net.NewSocket(1), 139);
    auto first = OpenAndClose(net, 8);
    Ptr<LegacyTcpSocket> ninth = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(ninth);
    Simulator::Schedule(Seconds(2), [&]() { ninth->Connect(net.Server(139)); });
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    INFO(net.DumpEvents(0));

    std::set<uint16_t> ports;
    for (const auto& syn : net.wire.From("client", TcpHeader::SYN))
    {
        ports.insert(syn.sport);
        CHECK(syn.sport >= 2000);
        CHECK(syn.sport <= 2007);
    }
    CHECK(ports.size() == 8);
    CHECK(net.tcp[0]->GetTimeWaitCount() == 8);
    // Rule LT-PORT-EXHAUSTED: exhaustion is a distinct outcome, reported asynchronously.
    CHECK(probe.failed);
    CHECK(probe.when == Seconds(2));
    CHECK(ninth->GetError() == LegacyTcpError::NoPort);
    CHECK(ninth->GetErrorCode().number == 10055);
    CHECK(net.Events(0, LegacyTcpEventType::PortExhausted).size() == 1);
    // An explicit bind to a port held in TIME-WAIT fails with ERROR_ADDRINUSE.
    Ptr<LegacyTcpSocket> explicitBind = net.NewSocket(0);
    CHECK(explicitBind->Bind(InetSocketAddress(Ipv4Address::GetAny(), 2003)) == -1);
    CHECK(explicitBind->GetErrno() == Socket::ERROR_ADDRINUSE);
}

// A Close() between a pool grant and the deferred ContinueActiveOpen.
TEST_CASE("legacy-tcp: Close() while a pool grant is pending releases the block", "[pool]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    client.SetAttribute("ConnectionBlocks", UintegerValue(1));
    client.SetAttribute("Msl", TimeValue(Seconds(1)));
    client.SetAttribute("PoolPolicy", EnumValue(LegacyTcpL4Protocol::POOL_WAIT));
    TestNetwork net(client, server);
    TestServer srv;
    srv.Start(net.NewSocket(1), 139);
    Ptr<LegacyTcpSocket> a = net.NewSocket(0);
    Ptr<LegacyTcpSocket> b = net.NewSocket(0);
    Simulator::Schedule(Seconds(1), [&]() { a->Connect(net.Server(139)); });
    Simulator::Schedule(Seconds(1.1), [&]() { a->Close(); });
    Simulator::Schedule(Seconds(1.5), [&]() { b->Connect(net.Server(139)); });
    bool closed = false;
    // BlockFreed fires inside FreeBlock, just before GrantPoolBlock: the Close()
    // scheduled here runs after the grant, before ContinueActiveOpen.
    net.tcp[0]->TraceConnectWithoutContext(
        "BlockFreed", MakeCallback(+[](Ptr<LegacyTcpSocket>* s, bool* done, uint64_t, uint32_t) {
                          if (!*done)
                          {
                              *done = true;
                              Simulator::ScheduleNow([s]() { (*s)->Close(); });
                          }
                      }).Bind(&b, &closed));
    Simulator::Stop(Seconds(10));
    Simulator::Run();
    INFO(net.DumpEvents(0));
    CHECK(closed);
    CHECK(b->GetState() == LEGACY_TCP_CLOSED);
    CHECK(net.tcp[0]->GetBlocksInUse() == 0);
    CHECK(net.wire.From("client", TcpHeader::SYN).size() == 1);
}
