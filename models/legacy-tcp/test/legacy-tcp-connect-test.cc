// Connect-retry rules (LT-CONNECT-RETRY-RST, LT-CONNECT-RETRY-TIMEOUT,
// LT-CONNECT-RETRY-COUNT) checked on the simulated wire.
#include "legacy-tcp-test-network.h"
#include "ns3-fixture.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <catch2/catch.hpp>

using namespace ns3;
using namespace retrotcp::test;

namespace
{

const Time kStart = Seconds(1);
const double kRtt = 0.010; // 2 x 5 ms; serialisation at 1 Gb/s is below a microsecond
const double kTol = 1e-4;

double
Rel(Time t)
{
    return (t - kStart).GetSeconds();
}

} // namespace

TEST_CASE("legacy-tcp: a RST|ACK to our SYN follows the connect-retry policy", "[connect]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    client.SetAttribute("RstRetryInterval", TimeValue(MilliSeconds(500)));
    client.SetAttribute("MaxConnectRetransmissions", UintegerValue(3));

    SECTION("Winsock: 4 SYNs from one port with one ISN, T apart, refused at 3T + RTT")
    {
        // Q175523: "the pending connection will wait for the base connection's
        // time-out value and reissue another SYN packet ... As long as an ACK/RST
        // packet from an unused port is received, the time-out value will not
        // increase and the process will repeat until the maximum retry value is
        // reached."
        client.SetAttribute("ConnectRetryPolicy", EnumValue(LegacyTcpL4Protocol::RETRY_WINSOCK));
        TestNetwork net(client, server);
        Ptr<LegacyTcpSocket> s = net.NewSocket(0);
        ConnectProbe probe;
        probe.Watch(s);
        Simulator::Schedule(kStart, [&]() { s->Connect(net.Server(80)); });
        Simulator::Run();
        INFO(net.wire.Dump());

        auto syns = net.wire.From("client", TcpHeader::SYN);
        REQUIRE(syns.size() == 4);
        for (size_t i = 0; i < syns.size(); ++i)
        {
            CHECK(Rel(syns[i].time) == Approx(0.5 * i).margin(kTol));
            CHECK(syns[i].sport == syns[0].sport);
            CHECK(syns[i].seq == syns[0].seq);
            CHECK(syns[i].IsExactly(TcpHeader::SYN));
        }
        auto rsts = net.wire.From("server", TcpHeader::RST | TcpHeader::ACK);
        REQUIRE(rsts.size() == 4);
        for (const auto& r : rsts)
        {
            CHECK(r.ack == syns[0].seq + 1); // RST|ACK acknowledging the SYN
            CHECK(r.seq == 0);
        }
        CHECK(probe.failed);
        CHECK_FALSE(probe.succeeded);
        CHECK(Rel(probe.when) == Approx(1.5 + kRtt).margin(kTol));
        CHECK(s->GetError() == LegacyTcpError::Refused);
        CHECK(s->GetErrorCode().number == 10061);
        CHECK(s->GetSynsSent() == 4);
        CHECK(s->GetRstsReceived() == 4);
        auto retries = net.Events(0, LegacyTcpEventType::SynRetransmit);
        REQUIRE(retries.size() == 3);
        CHECK(retries[2].ev.retry == 3);
        CHECK(retries[2].ev.cause == LegacyTcpCause::Reset);
        auto failed = net.Events(0, LegacyTcpEventType::ConnectFailed);
        REQUIRE(failed.size() == 1);
        CHECK(failed[0].ev.error == LegacyTcpError::Refused);
        CHECK(net.tcp[0]->GetBlocksInUse() == 0);
    }

    SECTION("Unix: refused at one RTT after a single SYN")
    {
        // Q175523: "with other implementations of TCP, such as those commonly found
        // in many UNIX systems, the connect() fails immediately upon the receipt of
        // the first ACK/RST packet".
        client.SetAttribute("ConnectRetryPolicy", EnumValue(LegacyTcpL4Protocol::RETRY_UNIX));
        TestNetwork net(client, server);
        Ptr<LegacyTcpSocket> s = net.NewSocket(0);
        ConnectProbe probe;
        probe.Watch(s);
        Simulator::Schedule(kStart, [&]() { s->Connect(net.Server(80)); });
        Simulator::Run();
        INFO(net.wire.Dump());
        CHECK(net.wire.From("client", TcpHeader::SYN).size() == 1);
        CHECK(probe.failed);
        CHECK(Rel(probe.when) == Approx(kRtt).margin(kTol));
        CHECK(s->GetErrorCode().number == 10061);
    }
}

TEST_CASE("legacy-tcp: an unanswered SYN is re-sent with a doubling timeout", "[connect]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    std::vector<double> expectedSyns;
    double expectedFail = 0;

    SECTION("3 s doubling, 3 retries: SYNs at 0, 3, 9, 21 s, timed_out at 45 s")
    {
        // Q175523, TcpMaxConnectRetransmissions: "The retransmission time-out is
        // doubled with each successive retransmission ... The initial time-out
        // value is three seconds".
        expectedSyns = {0, 3, 9, 21};
        expectedFail = 45;
    }
    SECTION("120 s cap, 8 retries: SYNs at 0 ... 429 s, timed_out at 549 s")
    {
        // Windows 95 MaxConnectRetries: "doubled each time ... up to a maximum of 2
        // minutes".
        client.SetAttribute("SynTimeoutCap", TimeValue(Seconds(120)));
        client.SetAttribute("MaxConnectRetransmissions", UintegerValue(8));
        expectedSyns = {0, 3, 9, 21, 45, 93, 189, 309, 429};
        expectedFail = 549;
    }

    TestNetwork net(client, server);
    net.DropAt(1, [](const WireSegment&) { return true; }); // the server hears nothing
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(s);
    Simulator::Schedule(kStart, [&]() { s->Connect(net.Server(80)); });
    Simulator::Run();
    INFO(net.wire.Dump());

    auto syns = net.wire.From("client", TcpHeader::SYN);
    REQUIRE(syns.size() == expectedSyns.size());
    for (size_t i = 0; i < syns.size(); ++i)
    {
        CHECK(Rel(syns[i].time) == Approx(expectedSyns[i]).margin(kTol));
        CHECK(syns[i].seq == syns[0].seq);
    }
    CHECK(probe.failed);
    CHECK(Rel(probe.when) == Approx(expectedFail).margin(kTol));
    CHECK(s->GetError() == LegacyTcpError::TimedOut);
    CHECK(s->GetErrorCode().number == 10060);
    auto failed = net.Events(0, LegacyTcpEventType::ConnectFailed);
    REQUIRE(failed.size() == 1);
    CHECK(failed[0].ev.error == LegacyTcpError::TimedOut);
}

TEST_CASE("legacy-tcp: a listener that appears between retries is reached by the next SYN",
          "[connect]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    // Q175523: "the service you're trying to reach may have temporarily shut down
    // and might resurface in between SYN attempts. In this case, it's convenient
    // that the connect() waited long enough to obtain a connection".
    TestNetwork net(client, server);
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    Ptr<LegacyTcpSocket> listener = net.NewSocket(1);
    ConnectProbe probe;
    probe.Watch(s);
    Simulator::Schedule(kStart, [&]() { s->Connect(net.Server(80)); });
    Simulator::Schedule(kStart + MilliSeconds(1200), [&]() {
        REQUIRE(listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80)) == 0);
        REQUIRE(listener->Listen() == 0);
    });
    Simulator::Stop(Seconds(30));
    Simulator::Run();
    INFO(net.wire.Dump());

    auto syns = net.wire.From("client", TcpHeader::SYN);
    REQUIRE(syns.size() == 4); // 0, 0.5, 1.0 refused; 1.5 answered
    CHECK(Rel(syns[3].time) == Approx(1.5).margin(kTol));
    CHECK(probe.succeeded);
    CHECK(Rel(probe.when) == Approx(1.5 + kRtt).margin(kTol));
    CHECK(s->GetStateName() == "ESTABLISHED");
    CHECK(net.Events(1, LegacyTcpEventType::Established).size() == 1);
}

TEST_CASE("legacy-tcp: a passive open whose SYN|ACKs go unanswered is dropped, and the "
          "listener goes on",
          "[connect]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    client.SetAttribute("MaxConnectRetransmissions", UintegerValue(0)); // one SYN
    server.SetAttribute("MaxConnectRetransmissions", UintegerValue(2));
    TestNetwork net(client, server);
    bool deaf = true;
    net.DropAt(0, [&](const WireSegment&) { return deaf; }); // the client hears nothing
    Ptr<LegacyTcpSocket> listener = net.NewSocket(1);
    REQUIRE(listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80)) == 0);
    REQUIRE(listener->Listen() == 0);
    Ptr<LegacyTcpSocket> first = net.NewSocket(0);
    Ptr<LegacyTcpSocket> second = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(second);
    Simulator::Schedule(kStart, [&]() { first->Connect(net.Server(80)); });
    // The half-open connection is the stack's alone (never accepted): dropping it
    // must not take the stack down with it, and the listener must still answer.
    Simulator::Schedule(Seconds(40), [&]() {
        deaf = false;
        second->Connect(net.Server(80));
    });
    Simulator::Stop(Seconds(60));
    Simulator::Run();
    INFO(net.wire.Dump());
    INFO(net.DumpEvents(1));

    // Q175523: the SYN|ACK is retransmitted like the SYN, "doubled with each
    // successive retransmission": 3 s, then 6 s; given up 12 s after the last.
    auto synAcks = net.wire.From("server", TcpHeader::SYN | TcpHeader::ACK);
    REQUIRE(synAcks.size() == 4); // 3 for the first connection, 1 for the second
    const double t0 = synAcks[0].time.GetSeconds();
    CHECK(synAcks[1].time.GetSeconds() - t0 == Approx(3.0).margin(kTol));
    CHECK(synAcks[2].time.GetSeconds() - t0 == Approx(9.0).margin(kTol));
    auto aborted = net.Events(1, LegacyTcpEventType::Aborted);
    REQUIRE(aborted.size() == 1);
    CHECK(aborted[0].ev.error == LegacyTcpError::TimedOut);
    CHECK(aborted[0].time.GetSeconds() - t0 == Approx(21.0).margin(kTol));
    CHECK(probe.succeeded);
    CHECK(net.Events(1, LegacyTcpEventType::Established).size() == 1);
}

// A deferred connect failure (no_tcb) must not leave the socket referenced by its
// own already-run event (socket -> EventId -> EventImpl -> socket: a leak).
TEST_CASE("legacy-tcp: a socket whose connect failed asynchronously is not kept alive", "[pool]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    client.SetAttribute("ConnectionBlocks", UintegerValue(1));
    TestNetwork net(client, server);
    TestServer srv;
    srv.Start(net.NewSocket(1), 139);
    Ptr<LegacyTcpSocket> a = net.NewSocket(0);
    Ptr<LegacyTcpSocket> b = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(b);
    Simulator::Schedule(Seconds(1), [&]() { a->Connect(net.Server(139)); });
    Simulator::Schedule(Seconds(1.5), [&]() { b->Connect(net.Server(139)); });
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    REQUIRE(probe.failed);
    CHECK(b->GetError() == LegacyTcpError::NoTcb);
    CHECK(b->GetReferenceCount() == 1); // only this test's Ptr
}
