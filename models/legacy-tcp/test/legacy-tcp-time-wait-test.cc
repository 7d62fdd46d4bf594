// TIME-WAIT (rule LT-TIME-WAIT) and RFC 1122 reopen (rules LT-REOPEN,
// LT-TW-UNACCEPTABLE).
#include "legacy-tcp-test-network.h"
#include "ns3-fixture.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/ipv4.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <catch2/catch.hpp>

using namespace ns3;
using namespace retrotcp::test;

TEST_CASE("legacy-tcp: a retransmitted FIN in TIME-WAIT is ACKed again and restarts the timer",
          "[time-wait]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    client.SetAttribute("Msl", TimeValue(Seconds(1))); // TIME-WAIT 2 s
    TestNetwork net(client, server);
    TestServer srv;
    srv.Start(net.NewSocket(1), 139);
    // Drop the client's first ACK of the server's FIN, so the server (LAST_ACK)
    // retransmits its FIN to a client in TIME-WAIT.
    bool dropped = false;
    net.DropAt(1, [&](const WireSegment& s) {
        if (!dropped && s.IsExactly(TcpHeader::ACK) && s.length == 0 &&
            !net.Events(1, LegacyTcpEventType::FinSent).empty())
        {
            dropped = true;
            return true;
        }
        return false;
    });
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(139)); });
    Simulator::Schedule(Seconds(1.1), [&]() { s->Close(); });
    Simulator::Run();
    INFO(net.wire.Dump() << net.DumpEvents(0));

    // RFC 793 p.73: "The only thing that can arrive in this state is a
    // retransmission of the remote FIN. Acknowledge it, and restart the 2 MSL
    // timeout."
    auto serverFins = net.wire.From("server", TcpHeader::FIN);
    REQUIRE(serverFins.size() == 2);
    auto acks = net.wire.Select([&](const WireSegment& w) {
        return w.device == "client" && w.IsExactly(TcpHeader::ACK) &&
               w.ack == serverFins[0].seq + 1;
    });
    CHECK(acks.size() == 2);
    auto reacked = net.Events(0, LegacyTcpEventType::TimeWaitFinReacked);
    REQUIRE(reacked.size() == 1);
    auto exits = net.Events(0, LegacyTcpEventType::TimeWaitExit);
    REQUIRE(exits.size() == 1);
    CHECK((exits[0].time - reacked[0].time) == Seconds(2));
    CHECK(net.tcp[0]->GetBlocksInUse() == 0);
    CHECK(net.tcp[1]->GetBlocksInUse() == 0);
}

TEST_CASE("legacy-tcp: RFC 1122 reopen of a connection in TIME-WAIT", "[time-wait]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    // The server closes first, so it holds TIME-WAIT for (server:139, client:port).
    std::string variant;
    SECTION("accepted: a larger SYN sequence number reopens with a larger ISN")
    {
        variant = "accepted";
    }
    SECTION("rejected: a smaller SYN sequence number is answered by an ACK")
    {
        client.SetAttribute("IsnMode", EnumValue(LegacyTcpL4Protocol::ISN_ZERO));
        server.SetAttribute("Msl", TimeValue(MilliSeconds(1500))); // TIME-WAIT 3 s
        variant = "smaller";
    }
    SECTION("off: with TimeWaitReopen false the SYN is answered by an ACK")
    {
        server.SetAttribute("TimeWaitReopen", BooleanValue(false));
        server.SetAttribute("Msl", TimeValue(MilliSeconds(1500))); // TIME-WAIT 3 s
        variant = "off";
    }
    SECTION("old duplicate: a RST to our SYN-ACK returns the record to TIME-WAIT")
    {
        variant = "duplicate";
    }
    TestNetwork net(client, server);
    Ptr<LegacyTcpSocket> listener = net.NewSocket(1);
    std::vector<Ptr<Socket>> accepted;
    listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 139));
    listener->Listen();
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                Callback<void, Ptr<Socket>, const Address&>(
                                    [&](Ptr<Socket> c, const Address&) { accepted.push_back(c); }));
    // The client closes in turn when the server's FIN arrives.
    Ptr<LegacyTcpSocket> first = net.NewSocket(0);
    first->SetCloseCallbacks(Callback<void, Ptr<Socket>>([](Ptr<Socket> c) { c->Close(); }),
                             MakeNullCallback<void, Ptr<Socket>>());
    Simulator::Schedule(Seconds(1), [&]() { first->Connect(net.Server(139)); });
    Simulator::Schedule(Seconds(1.1), [&]() {
        REQUIRE(accepted.size() == 1);
        accepted[0]->Close();
    });
    Ptr<LegacyTcpSocket> second = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(second);
    uint16_t port = 0;
    Simulator::Schedule(Seconds(2), [&]() {
        REQUIRE(net.tcp[1]->GetTimeWaitCount() == 1);
        port = net.Events(0, LegacyTcpEventType::Established).at(0).ev.localPort;
        if (variant == "duplicate")
        {
            // An old duplicate SYN for the same 4-tuple, above the old RCV.NXT.
            uint32_t oldIss = net.wire.From("client", TcpHeader::SYN).at(0).seq;
            TcpHeader syn;
            syn.SetSourcePort(port);
            syn.SetDestinationPort(139);
            syn.SetFlags(TcpHeader::SYN);
            syn.SetSequenceNumber(SequenceNumber32(oldIss + 100000));
            syn.SetWindowSize(8760);
            syn.EnableChecksums(); // the stack drops a segment with a bad checksum
            syn.InitializeChecksum(net.address[0], net.address[1], 6);
            Ptr<Packet> p = Create<Packet>();
            p->AddHeader(syn);
            net.nodes.Get(0)->GetObject<Ipv4>()->Send(p, net.address[0], net.address[1], 6,
                                                      nullptr);
            return;
        }
        REQUIRE(second->Bind(InetSocketAddress(Ipv4Address::GetAny(), port)) == 0);
        second->Connect(net.Server(139));
    });
    Simulator::Stop(Seconds(4.5));
    Simulator::Run();
    INFO(net.wire.Dump() << net.DumpEvents(1));

    auto serverSynAcks = net.wire.From("server", TcpHeader::SYN | TcpHeader::ACK);
    auto serverFin = net.wire.From("server", TcpHeader::FIN).at(0);
    if (variant == "accepted")
    {
        REQUIRE(net.Events(1, LegacyTcpEventType::ReopenAccepted).size() == 1);
        REQUIRE(serverSynAcks.size() == 2);
        // "assigns its initial sequence number for the new connection to be larger
        // than the largest sequence number it used on the previous connection"
        CHECK(SequenceNumber32(serverSynAcks[1].seq) > SequenceNumber32(serverFin.seq));
        CHECK(probe.succeeded);
        CHECK(net.tcp[1]->GetTimeWaitCount() == 0);
        CHECK(accepted.size() == 2);
    }
    else if (variant == "duplicate")
    {
        // "returns to TIME-WAIT state if the SYN turns out to be an old duplicate"
        REQUIRE(serverSynAcks.size() == 2);
        CHECK(net.wire.From("client", TcpHeader::RST).size() == 1);
        CHECK(net.Events(1, LegacyTcpEventType::ReopenOldDuplicate).size() == 1);
        CHECK(net.tcp[1]->GetTimeWaitCount() == 1);
        CHECK(net.tcp[1]->GetBlocksInUse() == 1);
        CHECK(accepted.size() == 1);
    }
    else
    {
        // Rule LT-TW-UNACCEPTABLE, RFC 793 p.69: "If an incoming segment is not
        // acceptable, an acknowledgment should be sent in reply (unless the RST bit
        // is set ...): <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>". A SYN at or below the
        // old RCV.NXT, or any SYN with reopen off, cannot reopen: it gets that ACK,
        // never silence, and the 2 MSL timer is not restarted.
        auto rejected = net.Events(1, LegacyTcpEventType::ReopenRejected);
        REQUIRE_FALSE(rejected.empty());
        CHECK(rejected[0].ev.cause ==
              (variant == "off" ? LegacyTcpCause::ReopenDisabled : LegacyTcpCause::OldSequence));
        CHECK(serverSynAcks.size() == 1);
        CHECK(net.wire.From("server", TcpHeader::RST).empty());
        auto answers = net.wire.Select([](const WireSegment& s) {
            return s.device == "server" && s.IsExactly(TcpHeader::ACK) && s.time >= Seconds(2);
        });
        REQUIRE(answers.size() == 1);
        auto firstAck = net.wire.Select([](const WireSegment& s) {
            return s.device == "server" && s.IsExactly(TcpHeader::ACK);
        });
        CHECK(answers[0].time - Seconds(2) < MilliSeconds(10)); // at the SYN's arrival
        CHECK(answers[0].seq == serverFin.seq + 1);             // SND.NXT: after our FIN
        CHECK(answers[0].ack == firstAck.at(0).ack);            // RCV.NXT: after the FIN
        // The client, in SYN-SENT, takes the ACK as unacceptable and resets it
        // (RFC 793 p.66); the record ignores the RST (RFC 1337) and stays.
        CHECK(net.wire
                  .Select([](const WireSegment& s) {
                      return s.device == "client" && s.Is(TcpHeader::RST) && s.time >= Seconds(2);
                  })
                  .size() == 1);
        CHECK_FALSE(probe.succeeded);
        // Not restarted: the record leaves 2 x MSL after it was entered.
        auto entered = net.Events(1, LegacyTcpEventType::TimeWaitEnter);
        auto exited = net.Events(1, LegacyTcpEventType::TimeWaitExit);
        REQUIRE(entered.size() == 1);
        REQUIRE(exited.size() == 1);
        CHECK(exited[0].time - entered[0].time == Seconds(3));
    }
}
