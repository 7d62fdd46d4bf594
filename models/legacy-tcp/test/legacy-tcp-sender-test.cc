// Sender behaviour of the era: segment sizes, Nagle, sender SWS avoidance, delayed
// and quick ACKs on ticking timers, the FIN's ACK, ephemeral port order.
#include "legacy-tcp-test-network.h"
#include "ns3-fixture.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <catch2/catch.hpp>
#include <set>

using namespace ns3;
using namespace retrotcp::test;

namespace
{

// Data segments a host sent, in order.
std::vector<WireSegment>
DataFrom(const TestNetwork& net, const std::string& tag)
{
    return net.wire.Select([&](const WireSegment& s) { return s.device == tag && s.length > 0; });
}

void
Write(Ptr<Socket> s, uint32_t bytes)
{
    REQUIRE(s->Send(Create<Packet>(bytes)) == static_cast<int>(bytes));
}

} // namespace

TEST_CASE("legacy-tcp: a whole write leaves in MSS-sized segments, Nagle holds a short one",
          "[sender]")
{
    // RFC 896 / RFC 1122 4.2.3.4: "if there is unacknowledged data ... the sending
    // TCP buffers all user data (regardless of the PSH bit), until the outstanding
    // data has been acknowledged or until the TCP can send a full-sized segment".
    // 4.4BSD sends the tail of a write at once when the connection was idle.
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    server.SetAttribute("DelayedAckTimeout", TimeValue(Time(0))); // ACK every segment
    bool nagle = true;
    SECTION("Nagle on (RFC 1122: MUST)") {}
    SECTION("Nagle off")
    {
        nagle = false;
        client.SetAttribute("Nagle", BooleanValue(false));
    }
    TestNetwork net(client, server);
    TestServer srv;
    srv.Start(net.NewSocket(1), 80);
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(s);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(80)); });
    Simulator::Schedule(Seconds(2), [&]() { Write(s, 5000); });
    Simulator::Schedule(Seconds(3), [&]() { Write(s, 100); });
    Simulator::Schedule(Seconds(3.001), [&]() { Write(s, 100); });
    Simulator::Stop(Seconds(4));
    Simulator::Run();
    INFO(net.wire.Dump());

    auto data = DataFrom(net, "client");
    REQUIRE(data.size() == 6);
    // The idle 5000-byte write: full segments, then the tail, all at once.
    CHECK(data[0].length == 1460);
    CHECK(data[1].length == 1460);
    CHECK(data[2].length == 1460);
    CHECK(data[3].length == 620);
    CHECK(data[3].time - data[0].time < MicroSeconds(100)); // back to back
    CHECK(data[4].length == 100);
    CHECK(data[5].length == 100);
    if (nagle)
    {
        // The second 100 bytes wait for the ACK of the first (RTT 10 ms).
        CHECK(data[5].time - data[4].time >= MilliSeconds(10));
    }
    else
    {
        CHECK(data[5].time - data[4].time < MilliSeconds(2));
    }
    CHECK(srv.received == 5200);
}

TEST_CASE("legacy-tcp: sender SWS avoidance sends no short segment at the window's edge",
          "[sender]")
{
    // RFC 1122 4.2.3.4: send only "(1) a maximum-sized segment ... (2) [all queued
    // data] ... (3) at least a fraction Fs of the maximum window" (Fs = 1/2). A
    // 3000-byte window leaves 80 bytes after two 1460-byte segments: with more data
    // queued they must wait.
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    server.SetAttribute("ReceiveWindow", UintegerValue(3000));
    bool sws = true;
    SECTION("SWS avoidance on (RFC 1122: MUST)") {}
    SECTION("SWS avoidance off")
    {
        sws = false;
        client.SetAttribute("SenderSwsAvoidance", BooleanValue(false));
    }
    TestNetwork net(client, server);
    TestServer srv;
    srv.Start(net.NewSocket(1), 80);
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(80)); });
    Simulator::Schedule(Seconds(2), [&]() { Write(s, 6000); });
    Simulator::Stop(Seconds(4));
    Simulator::Run();
    INFO(net.wire.Dump());

    auto data = DataFrom(net, "client");
    REQUIRE_FALSE(data.empty());
    uint32_t shortBeforeLast = 0;
    for (size_t i = 0; i + 1 < data.size(); ++i)
    {
        shortBeforeLast += data[i].length < 1460 ? 1 : 0;
    }
    CHECK(srv.received == 6000);
    if (sws)
    {
        CHECK(shortBeforeLast == 0);
    }
    else
    {
        CHECK(shortBeforeLast > 0);
        CHECK(data[2].length == 80); // the silly segment at the window's edge
    }
}

TEST_CASE("legacy-tcp: delayed ACKs on a ticking clock, quick ACKs at the start", "[sender]")
{
    // 4.4BSD sends delayed ACKs from its 200 ms fast timeout: 0-200 ms after the
    // segment, always on the host's 200 ms tick. Windows NT: TcpDelAckTicks 2 x 100
    // ms, so 100-200 ms. Linux acknowledges the first segments at once (quick ACK).
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    std::string variant;
    SECTION("4.4BSD: 200 ms ticks")
    {
        variant = "bsd";
        server.SetAttribute("DelayedAckTick", TimeValue(MilliSeconds(200)));
    }
    SECTION("Windows NT: 100 ms ticks, two of them")
    {
        variant = "nt";
        server.SetAttribute("DelayedAckTick", TimeValue(MilliSeconds(100)));
    }
    SECTION("Linux: 16 quick ACKs, then 40 ms")
    {
        variant = "linux";
        server.SetAttribute("DelayedAckTimeout", TimeValue(MilliSeconds(40)));
        server.SetAttribute("QuickAcks", UintegerValue(16));
    }
    TestNetwork net(client, server);
    TestServer srv;
    srv.Start(net.NewSocket(1), 80);
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(80)); });
    const int kSegments = 20;
    for (int i = 0; i < kSegments; ++i)
    {
        // One small segment at a time, 0.25 s + i x 37 ms apart: every phase.
        Simulator::Schedule(Seconds(2) + MilliSeconds(i * 287), [&]() { Write(s, 10); });
    }
    Simulator::Stop(Seconds(9));
    Simulator::Run();
    INFO(net.wire.Dump());

    auto data = DataFrom(net, "client");
    REQUIRE(data.size() == kSegments);
    std::vector<Time> delays;
    std::vector<int64_t> phases;
    for (const auto& d : data)
    {
        auto acks = net.wire.Select([&](const WireSegment& a) {
            return a.device == "server" && a.IsExactly(TcpHeader::ACK) && a.time >= d.time &&
                   a.ack == d.seq + d.length;
        });
        REQUIRE_FALSE(acks.empty());
        // The ACK leaves the server one-way delay (5 ms) after the segment left.
        delays.push_back(acks[0].time - d.time - MilliSeconds(5));
        phases.push_back(acks[0].time.GetNanoSeconds() % MilliSeconds(100).GetNanoSeconds());
    }
    std::set<int64_t> distinctDelays;
    for (int i = 0; i < kSegments; ++i)
    {
        INFO("segment " << i << " delay " << delays[i].GetMilliSeconds() << " ms");
        distinctDelays.insert(delays[i].GetMicroSeconds());
        if (variant == "bsd")
        {
            CHECK(delays[i] > Time(0));
            CHECK(delays[i] <= MilliSeconds(200));
        }
        else if (variant == "nt")
        {
            CHECK(delays[i] > MilliSeconds(100));
            CHECK(delays[i] <= MilliSeconds(200));
        }
        else
        {
            Time expected = i < 16 ? Time(0) : MilliSeconds(40);
            CHECK(delays[i] >= expected);
            CHECK(delays[i] < expected + MicroSeconds(100)); // plus transmission time
        }
        if (variant != "linux")
        {
            // On the tick: every ACK time has the same phase.
            CHECK(phases[i] == phases[0]);
        }
    }
    if (variant != "linux")
    {
        CHECK(distinctDelays.size() > 5); // the delay depends on where the tick was
    }
}

TEST_CASE("legacy-tcp: the minimum RTO keeps clear of the peer's delayed ACK", "[sender]")
{
    // Rule LT-NO-SPURIOUS: "a lossless network shows no retransmissions". A request
    // the peer answers late is acknowledged by the peer's delayed-ACK timer (200
    // ms); a 200 ms minimum RTO fires one one-way delay before that ACK arrives.
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    bool tooShort = false;
    SECTION("MinRto 1 s on 500 ms ticks (4.4BSD TCPTV_MIN)")
    {
        client.SetAttribute("MinRto", TimeValue(Seconds(1)));
        client.SetAttribute("RtoTick", TimeValue(MilliSeconds(500)));
    }
    SECTION("MinRto 300 ms (the Windows profiles)")
    {
        client.SetAttribute("MinRto", TimeValue(MilliSeconds(300)));
    }
    SECTION("MinRto 200 ms, equal to the delayed ACK: spurious retransmission")
    {
        tooShort = true;
        client.SetAttribute("MinRto", TimeValue(MilliSeconds(200)));
    }
    TestNetwork net(client, server);
    TestServer srv;
    srv.Start(net.NewSocket(1), 139);
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(139)); });
    Simulator::Schedule(Seconds(2), [&]() { Write(s, 100); });
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    INFO(net.wire.Dump());
    auto data = DataFrom(net, "client");
    CHECK(data.size() == (tooShort ? 2u : 1u));
}

TEST_CASE("legacy-tcp: the ACK of a FIN rides on the close that answers it (DelayFinAck)",
          "[sender]")
{
    // Linux: tcp_fin() puts the connection in "pingpong" mode, so the ACK of the
    // FIN waits on the delayed-ACK timer and an application that closes in answer
    // sends one FIN|ACK: a three-segment close. 4.4BSD acknowledges the FIN at once.
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    bool delay = false;
    SECTION("4.4BSD: ACK, then FIN|ACK") {}
    SECTION("Linux: one FIN|ACK")
    {
        delay = true;
        server.SetAttribute("DelayFinAck", BooleanValue(true));
        server.SetAttribute("DelayedAckTimeout", TimeValue(MilliSeconds(40)));
    }
    TestNetwork net(client, server);
    TestServer srv; // closes from inside its NormalClose callback
    srv.Start(net.NewSocket(1), 80);
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(80)); });
    Simulator::Schedule(Seconds(2), [&]() { s->Close(); });
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    INFO(net.wire.Dump());
    auto after = net.wire.Select(
        [](const WireSegment& w) { return w.device == "server" && w.time >= Seconds(2); });
    REQUIRE_FALSE(after.empty());
    if (delay)
    {
        REQUIRE(after.size() == 1);
        CHECK(after[0].IsExactly(TcpHeader::FIN | TcpHeader::ACK));
    }
    else
    {
        REQUIRE(after.size() == 2);
        CHECK(after[0].IsExactly(TcpHeader::ACK));
        CHECK(after[1].IsExactly(TcpHeader::FIN | TcpHeader::ACK));
    }
    CHECK(net.wire.From("client", TcpHeader::FIN).size() == 1);
    CHECK(net.Events(0, LegacyTcpEventType::TimeWaitEnter).size() == 1);
}

TEST_CASE("legacy-tcp: ephemeral ports in sequential or hashed order", "[sender]")
{
    // 4.4BSD in_pcbbind and Windows cycle through the range; Linux
    // __inet_hash_connect starts at a hashed offset and tries even ports first
    // (the kernel measured 40004, 40002, 40006, 40000, ... for 40000-40007).
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    client.SetAttribute("EphemeralPortMin", UintegerValue(40000));
    client.SetAttribute("EphemeralPortMax", UintegerValue(40007));
    bool hashed = false;
    SECTION("Sequential") {}
    SECTION("Hashed")
    {
        hashed = true;
        client.SetAttribute("PortSelection", EnumValue(LegacyTcpL4Protocol::PORTS_HASHED));
    }
    TestNetwork net(client, server);
    TestServer srv;
    srv.Start(net.NewSocket(1), 80);
    std::vector<Ptr<LegacyTcpSocket>> sockets;
    for (int i = 0; i < 8; ++i)
    {
        sockets.push_back(net.NewSocket(0));
        Simulator::Schedule(Seconds(1) + MilliSeconds(i),
                            [&, i]() { sockets[i]->Connect(net.Server(80)); });
    }
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    auto syns = net.wire.Select(
        [](const WireSegment& w) { return w.device == "client" && w.IsExactly(TcpHeader::SYN); });
    REQUIRE(syns.size() == 8);
    std::vector<uint16_t> ports;
    std::set<uint16_t> distinct;
    for (const auto& w : syns)
    {
        ports.push_back(w.sport);
        distinct.insert(w.sport);
    }
    INFO(net.wire.Dump());
    CHECK(distinct.size() == 8);
    if (hashed)
    {
        for (int i = 0; i < 4; ++i)
        {
            CHECK(ports[i] % 2 == 0); // even ports first
            CHECK(ports[4 + i] % 2 == 1);
        }
        CHECK(ports != std::vector<uint16_t>({40000, 40002, 40004, 40006, 40001, 40003, 40005,
                                              40007})); // not in plain order
    }
    else
    {
        CHECK(ports ==
              std::vector<uint16_t>({40000, 40001, 40002, 40003, 40004, 40005, 40006, 40007}));
    }
}
