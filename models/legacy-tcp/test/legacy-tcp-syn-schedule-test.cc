// SYN schedules beyond the Microsoft doubling (rule LT-CONNECT-RETRY-TIMEOUT): Linux linear SYN
// timeouts (SynLinearRetries) and the BSD connection-establishment timer (ConnectTimeout), checked
// on the simulated wire.
#include "legacy-tcp-test-network.h"
#include "ns3-fixture.h"
#include "ns3/enum.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <catch2/catch.hpp>

using namespace ns3;
using namespace retrotcp::test;

namespace
{

const Time kStart = Seconds(1);
const double kTol = 1e-4;

struct Timeline
{
    std::vector<double> syns;                   //!< SYN times on the wire, relative to connect()
    double failedAt{-1};                        //!< connect failure, relative to connect()
    LegacyTcpError error{LegacyTcpError::None}; //!< connect_failed error
    uint32_t deadlines{0};                      //!< connect_deadline events
};

// Connect to a server that hears nothing and record the client's SYNs.
Timeline
RunUnanswered(const LegacyTcpStackHelper& client)
{
    LegacyTcpStackHelper server;
    TestNetwork net(client, server);
    net.DropAt(1, [](const WireSegment&) { return true; });
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(s);
    Simulator::Schedule(kStart, [&]() { s->Connect(net.Server(80)); });
    Simulator::Run();
    INFO(net.wire.Dump());
    Timeline t;
    for (const auto& syn : net.wire.From("client", TcpHeader::SYN))
    {
        t.syns.push_back((syn.time - kStart).GetSeconds());
    }
    if (probe.failed)
    {
        t.failedAt = (probe.when - kStart).GetSeconds();
    }
    auto failed = net.Events(0, LegacyTcpEventType::ConnectFailed);
    t.error = failed.empty() ? LegacyTcpError::None : failed[0].ev.error;
    t.deadlines = static_cast<uint32_t>(net.Events(0, LegacyTcpEventType::ConnectDeadline).size());
    return t;
}

void
CheckTimes(const std::vector<double>& actual, const std::vector<double>& expected)
{
    REQUIRE(actual.size() == expected.size());
    for (size_t i = 0; i < actual.size(); ++i)
    {
        INFO("SYN " << i);
        CHECK(actual[i] == Approx(expected[i]).margin(kTol));
    }
}

} // namespace

TEST_CASE("legacy-tcp: SynLinearRetries keeps the first SYN timeouts at the initial value",
          "[connect][syn-schedule]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    client.SetAttribute("SynInitialTimeout", TimeValue(Seconds(1)));

    SECTION("Linux: tcp_syn_linear_timeouts 4, tcp_syn_retries 6 -> 10 retransmissions")
    {
        // net/ipv4/tcp_timer.c: the RTO doubles only "if sk_state != TCP_SYN_SENT
        // || total_rto > sysctl_tcp_syn_linear_timeouts", and tcp_write_timeout()
        // allows "max_retransmits = tcp_syn_retries + tcp_syn_linear_timeouts" in
        // SYN_SENT. Wire: 5 retransmissions 1 s apart, then 2, 4, 8, 16, 32 s; the
        // connect fails 64 s after the last one.
        client.SetAttribute("SynLinearRetries", UintegerValue(4));
        client.SetAttribute("MaxConnectRetransmissions", UintegerValue(10));
        client.SetAttribute("SynTimeoutCap", TimeValue(Seconds(120)));
        Timeline t = RunUnanswered(client);
        CheckTimes(t.syns, {0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67});
        CHECK(t.failedAt == Approx(131).margin(kTol));
        CHECK(t.error == LegacyTcpError::TimedOut);
    }
    SECTION("SynLinearRetries 0 is the classic doubling")
    {
        client.SetAttribute("MaxConnectRetransmissions", UintegerValue(3));
        Timeline t = RunUnanswered(client);
        CheckTimes(t.syns, {0, 1, 3, 7});
        CHECK(t.failedAt == Approx(15).margin(kTol));
    }
}

TEST_CASE("legacy-tcp: ConnectTimeout ends a connect still unanswered at the deadline",
          "[connect][syn-schedule]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    // BSD: "connection-establishment timer 75 s" (reference-parameters.md); with a
    // 3 s doubling SYN timer the SYNs leave at 0, 3, 9, 21, 45 s and the next one
    // (93 s) is never sent.
    client.SetAttribute("ConnectRetryPolicy", EnumValue(LegacyTcpL4Protocol::RETRY_UNIX));
    client.SetAttribute("MaxConnectRetransmissions", UintegerValue(12));

    SECTION("75 s deadline: 5 SYNs, timed_out at 75 s")
    {
        client.SetAttribute("ConnectTimeout", TimeValue(Seconds(75)));
        Timeline t = RunUnanswered(client);
        CheckTimes(t.syns, {0, 3, 9, 21, 45});
        CHECK(t.failedAt == Approx(75).margin(kTol));
        CHECK(t.error == LegacyTcpError::TimedOut);
        CHECK(t.deadlines == 1);
    }
    SECTION("deadline later than the retries: the retry limit decides")
    {
        client.SetAttribute("MaxConnectRetransmissions", UintegerValue(2));
        client.SetAttribute("ConnectTimeout", TimeValue(Seconds(75)));
        Timeline t = RunUnanswered(client);
        CheckTimes(t.syns, {0, 3, 9});
        CHECK(t.failedAt == Approx(21).margin(kTol));
        CHECK(t.deadlines == 0);
    }
}
