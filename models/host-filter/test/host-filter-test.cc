// Host packet filters on the simulated wire: dropped, reset and ICMP-rejected
// ports on one server, time windows, outbound rules, and what each stack does with
// an ICMP destination unreachable while it connects.
#include "legacy-tcp-test-network.h"
#include "ns3-fixture.h"
#include "ns3/enum.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "packet-filter-helper.h"

#include <catch2/catch.hpp>

using namespace ns3;
using namespace retrotcp::test;

namespace
{

PacketFilterRule
Rule(uint16_t port, PacketFilterRule::Action action, bool synOnly = true)
{
    PacketFilterRule r;
    r.direction = PacketFilterRule::IN;
    r.protocol = PacketFilterRule::TCP;
    r.localFirst = port;
    r.localLast = port;
    r.synOnly = synOnly;
    r.action = action;
    return r;
}

std::vector<WireSegment>
Syns(const TestNetwork& net)
{
    return net.wire.Select(
        [](const WireSegment& s) { return s.device == "client" && s.IsExactly(TcpHeader::SYN); });
}

} // namespace

TEST_CASE("host-filter: closed, dropped, rejected and listening ports on one server",
          "[host-filter]")
{
    // Rule FILTER-PORTS: "A dropped port gives timed_out after the profile's SYN
    // schedule; a rejected one refused". The server listens on 80, 81 and 82; 81's
    // SYNs are dropped, 82's answered by a reset; 83 has no listener.
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    client.SetAttribute("ConnectRetryPolicy", EnumValue(LegacyTcpL4Protocol::RETRY_UNIX));
    TestNetwork net(client, server);
    Ptr<HostPacketFilter> filter =
        PacketFilterHelper().Install(net.nodes.Get(1), {Rule(81, PacketFilterRule::DROP),
                                                        Rule(82, PacketFilterRule::REJECT_RESET)});
    std::vector<TestServer> servers(3);
    for (uint16_t i = 0; i < 3; ++i)
    {
        servers[i].Start(net.NewSocket(1), uint16_t(80 + i));
    }
    uint32_t dropped = 0;
    uint32_t rejected = 0;
    filter->TraceConnectWithoutContext(
        "Dropped",
        MakeCallback(+[](uint32_t* n, const HostPacketFilter::Decision&) { ++*n; }).Bind(&dropped));
    filter->TraceConnectWithoutContext(
        "Rejected", MakeCallback(+[](uint32_t* n, const HostPacketFilter::Decision&) {
                        ++*n;
                    }).Bind(&rejected));
    std::vector<Ptr<LegacyTcpSocket>> sockets;
    std::vector<ConnectProbe> probes(4);
    for (uint16_t i = 0; i < 4; ++i)
    {
        sockets.push_back(net.NewSocket(0));
        probes[i].Watch(sockets[i]);
        Simulator::Schedule(Seconds(1) + MilliSeconds(100 * i),
                            [&, i]() { sockets[i]->Connect(net.Server(uint16_t(80 + i))); });
    }
    Simulator::Stop(Seconds(60));
    Simulator::Run();
    INFO(net.wire.Dump());

    CHECK(probes[0].succeeded); // 80: listening
    // 81: dropped: SYNs at 0, 3, 9, 21 s, timed_out at 45 s (the default schedule).
    CHECK(probes[1].failed);
    CHECK(sockets[1]->GetError() == LegacyTcpError::TimedOut);
    CHECK(probes[1].when - Seconds(1.1) == Seconds(45));
    CHECK(dropped == 4);
    // 82: a listener, but the filter answers like a closed port.
    CHECK(probes[2].failed);
    CHECK(sockets[2]->GetError() == LegacyTcpError::Refused);
    CHECK(rejected == 1);
    CHECK(servers[2].accepted.empty());
    auto resets = net.wire.Select([&](const WireSegment& s) {
        return s.device == "server" && s.Is(TcpHeader::RST) && s.sport == 82;
    });
    REQUIRE(resets.size() == 1);
    CHECK(resets[0].IsExactly(TcpHeader::RST | TcpHeader::ACK));
    CHECK(resets[0].seq == 0);
    CHECK(resets[0].ack == sockets[2]->GetIss().GetValue() + 1);
    // 83: closed, the stack's own reset.
    CHECK(probes[3].failed);
    CHECK(sockets[3]->GetError() == LegacyTcpError::Refused);
}

TEST_CASE("host-filter: a time window drops SYNs until it ends", "[host-filter]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    TestNetwork net(client, server);
    PacketFilterRule r = Rule(80, PacketFilterRule::DROP);
    r.until = Seconds(5);
    PacketFilterHelper().Install(net.nodes.Get(1), {r});
    TestServer srv;
    srv.Start(net.NewSocket(1), 80);
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(s);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(80)); });
    Simulator::Stop(Seconds(20));
    Simulator::Run();
    INFO(net.wire.Dump());
    // SYNs at 1 and 4 s fall in the window; the one at 10 s gets through.
    CHECK(Syns(net).size() == 3);
    CHECK(probe.succeeded);
    CHECK(probe.when - Seconds(10) < MilliSeconds(20));
}

TEST_CASE("host-filter: an outbound rule keeps the host's own SYNs off the wire", "[host-filter]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    TestNetwork net(client, server);
    PacketFilterRule r;
    r.direction = PacketFilterRule::OUT;
    r.remoteFirst = 80;
    r.remoteLast = 80;
    PacketFilterHelper().Install(net.nodes.Get(0), {r});
    TestServer srv;
    srv.Start(net.NewSocket(1), 80);
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(s);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(80)); });
    Simulator::Stop(Seconds(50));
    Simulator::Run();
    CHECK(Syns(net).empty());
    CHECK(s->GetSynsSent() == 4); // the stack sent them; the filter kept them
    CHECK(s->GetError() == LegacyTcpError::TimedOut);
}

TEST_CASE("host-filter: stock ns-3 TCP behind the filter is filtered too", "[host-filter]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    TestNetwork net(client, server, true, false); // the server runs ns-3's TCP
    PacketFilterHelper().Install(net.nodes.Get(1), {Rule(80, PacketFilterRule::REJECT_RESET)});
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(s);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(80)); });
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    CHECK(probe.failed);
    CHECK(s->GetError() == LegacyTcpError::Refused);
}

TEST_CASE("host-filter: what an ICMP unreachable does to a connect, per stack", "[host-filter]")
{
    // Rule LT-ICMP-CONNECT. RFC 1122 4.2.3.9: "Destination Unreachable -- codes 0, 1,
    // 5 ... soft error conditions, TCP MUST NOT abort the connection"; "codes 2-4
    // ... SHOULD abort the connection". Linux (tcp_v4_err) ends a connect in
    // SYN-SENT on any of them; 4.4BSD (tcp_notify) remembers it and fails the
    // connect with it when the retransmissions run out (tcp_drop(tp,
    // tp->t_softerror ? tp->t_softerror : ETIMEDOUT)).
    struct Case
    {
        const char* policy;
        PacketFilterRule::Action action;
        LegacyTcpError error;
        double failAfter; // s after the connect
        uint32_t syns;
    };
    const std::vector<Case> cases = {
        {"Ignore", PacketFilterRule::REJECT_PORT_UNREACH, LegacyTcpError::TimedOut, 45, 4},
        {"Rfc1122", PacketFilterRule::REJECT_PORT_UNREACH, LegacyTcpError::Refused, 0.01, 1},
        {"Rfc1122", PacketFilterRule::REJECT_HOST_UNREACH, LegacyTcpError::Unreachable, 45, 4},
        {"Abort", PacketFilterRule::REJECT_HOST_UNREACH, LegacyTcpError::Unreachable, 0.01, 1},
        {"Soft", PacketFilterRule::REJECT_PORT_UNREACH, LegacyTcpError::Refused, 45, 4},
    };
    for (const auto& c : cases)
    {
        INFO(c.policy << " " << PacketFilterActionName(c.action));
        Ns3Fixture fixture;
        LegacyTcpStackHelper client;
        LegacyTcpStackHelper server;
        client.SetAttribute("IcmpUnreachable", StringValue(c.policy));
        TestNetwork net(client, server);
        PacketFilterHelper().Install(net.nodes.Get(1), {Rule(80, c.action)});
        Ptr<LegacyTcpSocket> s = net.NewSocket(0);
        ConnectProbe probe;
        probe.Watch(s);
        Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(80)); });
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        CHECK(probe.failed);
        CHECK(s->GetError() == c.error);
        CHECK(Syns(net).size() == c.syns);
        CHECK((probe.when - Seconds(1)).GetSeconds() == Approx(c.failAfter).margin(0.011));
        CHECK(net.Events(0, LegacyTcpEventType::IcmpUnreachable).size() == c.syns);
    }
}
