// CraftedSegmentApplication: scripted segments probe the legacy stack's TCP rules
// on the simulated wire (the target's replies as they leave its IP layer, and its
// typed ConnectionEvent trace).
#include "connector-helper.h"
#include "crafted-segment-helper.h"
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-stack-helper.h"
#include "ns3-fixture.h"
#include "ns3/boolean.h"
#include "ns3/csma-helper.h"
#include "ns3/global-value.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "service-helper.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace ns3;
using namespace retrotcp::test;

namespace
{

// One segment seen by the probe: sent by it, or a reply of the target.
struct Seen
{
    double time;
    uint32_t step;
    uint8_t flags;
    uint32_t seq;
    uint32_t ack;
    uint32_t length;
};

// Client 10.1.1.1, server 10.1.1.2 and prober 10.1.1.3 on one 100 Mb/s shared LAN,
// each with the winnt-4.0 legacy stack.
struct Lan
{
    NodeContainer nodes;
    Ipv4InterfaceContainer interfaces;
    std::vector<Seen> sent;
    std::vector<Seen> replies;
    std::vector<std::pair<uint32_t, std::string>> skipped;
    std::vector<std::pair<double, LegacyTcpEvent>> serverEvents;

    explicit Lan(bool serverHalfDuplexClose = false)
    {
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
        nodes.Create(3);
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
        csma.SetChannelAttribute("Delay", StringValue("10us"));
        NetDeviceContainer devices = csma.Install(nodes);
        InternetStackHelper().Install(nodes);
        Ipv4AddressHelper addresses("10.1.1.0", "255.255.255.0");
        interfaces = addresses.Assign(devices);
        LegacyTcpStackHelper stack;
        stack.SetProfile("winnt-4.0");
        stack.Install(nodes);
        stack.AssignStreams(nodes, 0);
        if (serverHalfDuplexClose)
        {
            Tcp(1)->SetAttribute("HalfDuplexClose", BooleanValue(true));
        }
        Tcp(1)->TraceConnectWithoutContext(
            "ConnectionEvent",
            Callback<void, const LegacyTcpEvent&>([this](const LegacyTcpEvent& e) {
                serverEvents.emplace_back(Simulator::Now().GetSeconds(), e);
            }));
    }

    Ptr<LegacyTcpL4Protocol>
    Tcp(uint32_t i) const
    {
        return nodes.Get(i)->GetObject<LegacyTcpL4Protocol>();
    }

    Ipv4Address
    Address(uint32_t i) const
    {
        return interfaces.GetAddress(i);
    }

    // A prober on node 2 aimed at the server's port; spoofing \p as if set.
    void
    Probe(uint16_t port, const std::vector<CraftedSegment>& script,
          Ipv4Address as = Ipv4Address::GetAny())
    {
        CraftedSegmentHelper helper(InetSocketAddress(Address(1), port));
        helper.SetAttribute("Spoof", Ipv4AddressValue(as));
        helper.SetScript(script);
        ApplicationContainer apps = helper.Install(nodes.Get(2));
        auto record = [](std::vector<Seen>* to) {
            return Callback<void, uint32_t, const TcpHeader&, uint32_t>(
                [to](uint32_t step, const TcpHeader& h, uint32_t length) {
                    to->push_back(Seen{Simulator::Now().GetSeconds(), step, h.GetFlags(),
                                       h.GetSequenceNumber().GetValue(),
                                       h.GetAckNumber().GetValue(), length});
                });
        };
        apps.Get(0)->TraceConnectWithoutContext("Sent", record(&sent));
        apps.Get(0)->TraceConnectWithoutContext("Reply", record(&replies));
        apps.Get(0)->TraceConnectWithoutContext("Skipped",
                                                Callback<void, uint32_t, const std::string&>(
                                                    [this](uint32_t step, const std::string& why) {
                                                        skipped.emplace_back(step, why);
                                                    }));
        apps.Start(Seconds(0));
    }

    // Replies to step \p step.
    std::vector<Seen>
    RepliesTo(uint32_t step) const
    {
        std::vector<Seen> out;
        for (const auto& r : replies)
        {
            if (r.step == step)
            {
                out.push_back(r);
            }
        }
        return out;
    }

    std::vector<LegacyTcpEvent>
    ServerEvents(LegacyTcpEventType type) const
    {
        std::vector<LegacyTcpEvent> out;
        for (const auto& [t, e] : serverEvents)
        {
            if (e.type == type)
            {
                out.push_back(e);
            }
        }
        return out;
    }

    // The server's connection with the client (port 80), if any.
    std::optional<LegacyTcpConnectionState>
    ServerConnection() const
    {
        return Tcp(1)->FindConnectionState(80, Address(0));
    }
};

CraftedSegment
Step(double at, const std::string& flags, const std::string& seq, const std::string& ack = "0",
     uint32_t length = 0)
{
    CraftedSegment s;
    s.at = Seconds(at);
    s.flags = *ParseTcpFlags(flags);
    s.seq = *CraftedNumber::Parse(seq);
    s.ack = *CraftedNumber::Parse(ack);
    s.length = length;
    return s;
}

// A server on port 80 and a client connection to it that stays established
// until 30 s (connected at about 1 s).
void
HeldConnection(Lan& lan)
{
    ServiceHelper service("ns3::LegacyTcpSocketFactory", 80);
    service.Install(lan.nodes.Get(1)).Start(Seconds(0));
    ConnectorHelper client("ns3::LegacyTcpSocketFactory", InetSocketAddress(lan.Address(1), 80));
    client.SetAttribute("HoldTime", TimeValue(Seconds(29)));
    client.Install(lan.nodes.Get(0)).Start(Seconds(1));
}

} // namespace

TEST_CASE("crafted: numbers and flags read back as written", "[crafted]")
{
    for (const char* text :
         {"0", "4294967295", "reply.ack", "reply.next+1", "target.rcv_nxt-1",
          "target.snd_nxt+65536", "target.iss", "target.irs", "reply.seq", "target.snd_una"})
    {
        INFO(text);
        auto n = CraftedNumber::Parse(text);
        REQUIRE(n);
        CHECK(n->ToString() == text);
    }
    for (const char* bad : {"", "-1", "4294967296", "reply", "reply.ack+", "target.rcv_nxt*2",
                            "target.rcv_nxt+99999999999", "12a"})
    {
        INFO(bad);
        CHECK_FALSE(CraftedNumber::Parse(bad));
    }
    CHECK(*ParseTcpFlags("SYN|ACK") == (TcpHeader::SYN | TcpHeader::ACK));
    CHECK(TcpFlagsText(TcpHeader::SYN | TcpHeader::ACK) == "SYN|ACK");
    CHECK(TcpFlagsText(TcpHeader::FIN | TcpHeader::PSH | TcpHeader::ACK) == "FIN|PSH|ACK");
    CHECK_FALSE(ParseTcpFlags(""));
    CHECK_FALSE(ParseTcpFlags("SYN|"));
    CHECK_FALSE(ParseTcpFlags("syn"));
}

TEST_CASE("crafted: RFC 793 p.36, a segment to a closed port is answered by a reset",
          "[crafted][rfc793]")
{
    // Rule RFC793-RST-CLOSED: "If the incoming segment has an ACK field, the reset
    // takes its sequence number from the ACK field of the segment, otherwise the
    // reset has sequence number zero and the ACK field is set to the sum of the
    // sequence number and segment length of the incoming segment."
    Ns3Fixture fixture;
    Lan lan;
    lan.Probe(81, {Step(1, "SYN", "1000"), Step(2, "ACK", "5", "777"),
                   Step(3, "PSH|ACK", "2000", "888", 100), Step(4, "RST", "9")});
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    REQUIRE(lan.sent.size() == 4);
    auto syn = lan.RepliesTo(1);
    REQUIRE(syn.size() == 1);
    CHECK(syn[0].flags == (TcpHeader::RST | TcpHeader::ACK));
    CHECK(syn[0].seq == 0);
    CHECK(syn[0].ack == 1001);
    auto ack = lan.RepliesTo(2);
    REQUIRE(ack.size() == 1);
    CHECK(ack[0].flags == TcpHeader::RST);
    CHECK(ack[0].seq == 777);
    auto data = lan.RepliesTo(3);
    REQUIRE(data.size() == 1);
    CHECK(data[0].flags == TcpHeader::RST);
    CHECK(data[0].seq == 888);
    // "... in response to any incoming segment except another reset."
    CHECK(lan.RepliesTo(4).empty());
    CHECK(lan.skipped.empty());
}

TEST_CASE("crafted: a handshake by hand, then a reset in the window closes the connection",
          "[crafted][rfc793]")
{
    // RFC 793 p.31 (three-way handshake) and p.37: "A reset is valid if its
    // sequence number is in the window."
    Ns3Fixture fixture;
    Lan lan;
    ServiceHelper service("ns3::LegacyTcpSocketFactory", 80);
    service.Install(lan.nodes.Get(1)).Start(Seconds(0));
    lan.Probe(80, {Step(1, "SYN", "1000"), Step(2, "ACK", "reply.ack", "reply.next"),
                   Step(3, "RST", "target.rcv_nxt")});
    std::optional<LegacyTcpConnectionState> afterAck;
    Simulator::Schedule(Seconds(2.5), [&]() {
        afterAck = lan.Tcp(1)->GetConnectionState(
            LegacyTcpFourTuple::Make(lan.Address(1), 80, lan.Address(2), 20000));
    });
    Simulator::Stop(Seconds(4));
    Simulator::Run();
    auto synAck = lan.RepliesTo(1);
    REQUIRE(synAck.size() == 1);
    CHECK(synAck[0].flags == (TcpHeader::SYN | TcpHeader::ACK));
    CHECK(synAck[0].ack == 1001);
    REQUIRE(lan.sent.size() == 3);
    CHECK(lan.sent[1].seq == 1001);
    CHECK(lan.sent[1].ack == synAck[0].seq + 1);
    REQUIRE(afterAck);
    CHECK(afterAck->state == LEGACY_TCP_ESTABLISHED);
    CHECK(afterAck->rcvNxt.GetValue() == 1001);
    CHECK(lan.sent[2].seq == 1001);
    auto resets = lan.ServerEvents(LegacyTcpEventType::RstReceived);
    REQUIRE(resets.size() == 1);
    CHECK(resets[0].state == LEGACY_TCP_ESTABLISHED);
    CHECK(lan.RepliesTo(3).empty());
    CHECK_FALSE(lan.Tcp(1)->GetConnectionState(
        LegacyTcpFourTuple::Make(lan.Address(1), 80, lan.Address(2), 20000)));
}

TEST_CASE("crafted: a reset outside the window is dropped; one inside resets (RFC 793 p.37)",
          "[crafted][rfc793]")
{
    // Rule RFC793-RST-WINDOW: "In all states except SYN-SENT, all reset (RST)
    // segments are validated by checking their SEQ-fields." Injected as the client.
    Ns3Fixture fixture;
    Lan lan;
    HeldConnection(lan);
    lan.Probe(80, {Step(5, "RST", "target.rcv_nxt+100000"), Step(10, "RST", "target.rcv_nxt")},
              lan.Address(0));
    std::optional<LegacyTcpConnectionState> at7;
    Simulator::Schedule(Seconds(7), [&]() { at7 = lan.ServerConnection(); });
    Simulator::Stop(Seconds(12));
    Simulator::Run();
    REQUIRE(lan.sent.size() == 2);
    REQUIRE(at7);
    CHECK(at7->state == LEGACY_TCP_ESTABLISHED);
    CHECK(lan.sent[0].seq == at7->rcvNxt.GetValue() + 100000);
    // "unless the RST bit is set, if so drop the segment": no ACK for it.
    CHECK(lan.RepliesTo(1).empty());
    auto resets = lan.ServerEvents(LegacyTcpEventType::RstReceived);
    REQUIRE(resets.size() == 1);
    CHECK(resets[0].state == LEGACY_TCP_ESTABLISHED);
    CHECK_FALSE(lan.ServerConnection());
}

TEST_CASE("crafted: a SYN in the window of a synchronized connection resets it (RFC 793 p.71)",
          "[crafted][rfc793]")
{
    // Rule RFC793-SYN-IN-WINDOW: "If the SYN is in the window it is an error, send a
    // reset ... enter the CLOSED state". Out of the window it is an unacceptable
    // segment (p.69): "an acknowledgment should be sent in reply".
    Ns3Fixture fixture;
    Lan lan;
    HeldConnection(lan);
    lan.Probe(80, {Step(5, "SYN", "target.rcv_nxt+100000"), Step(10, "SYN", "target.rcv_nxt")},
              lan.Address(0));
    std::optional<LegacyTcpConnectionState> at7;
    Simulator::Schedule(Seconds(7), [&]() { at7 = lan.ServerConnection(); });
    Simulator::Stop(Seconds(12));
    Simulator::Run();
    auto outside = lan.RepliesTo(1);
    REQUIRE(outside.size() == 1);
    REQUIRE(at7);
    CHECK(outside[0].flags == TcpHeader::ACK);
    CHECK(outside[0].seq == at7->sndNxt.GetValue());
    CHECK(outside[0].ack == at7->rcvNxt.GetValue());
    CHECK(at7->state == LEGACY_TCP_ESTABLISHED);
    auto inside = lan.RepliesTo(2);
    REQUIRE_FALSE(inside.empty());
    CHECK((inside[0].flags & TcpHeader::RST) != 0);
    auto aborted = lan.ServerEvents(LegacyTcpEventType::Aborted);
    REQUIRE(aborted.size() == 1);
    CHECK(aborted[0].error == LegacyTcpError::Reset);
    auto closed = lan.ServerEvents(LegacyTcpEventType::Closed);
    REQUIRE(closed.size() == 1);
    CHECK(closed[0].cause == LegacyTcpCause::SynInWindow);
}

TEST_CASE("crafted: TIME-WAIT ignores resets, ACKs an old SYN and reopens on a new one",
          "[crafted][rfc1122]")
{
    // The server closes first and holds TIME-WAIT (240 s on winnt-4.0). Rule
    // RFC1337-TW-RST: resets are ignored in TIME-WAIT. Rule RFC1122-TW-REOPEN (4.2.2.13):
    // "it MAY accept a new SYN from the remote TCP to reopen the connection directly
    // from TIME-WAIT state, if it: (1) assigns its initial sequence number for the
    // new connection to be larger than the largest sequence number it used on the
    // previous connection incarnation". A SYN that is not newer is an unacceptable
    // segment: RFC 793 p.69 "<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>".
    Ns3Fixture fixture;
    Lan lan;
    ServiceHelper service("ns3::LegacyTcpSocketFactory", 80);
    service.SetAttribute("RequestBytes", UintegerValue(10));
    service.SetAttribute("ResponseBytes", UintegerValue(10));
    service.SetAttribute("CloseAfterResponse", BooleanValue(true));
    service.Install(lan.nodes.Get(1)).Start(Seconds(0));
    ConnectorHelper client("ns3::LegacyTcpSocketFactory", InetSocketAddress(lan.Address(1), 80));
    client.SetAttribute("SendBytes", UintegerValue(10));
    client.SetAttribute("ReceiveBytes", UintegerValue(10));
    client.Install(lan.nodes.Get(0)).Start(Seconds(1));
    lan.Probe(80,
              {Step(5, "RST", "target.rcv_nxt"), Step(6, "SYN", "target.rcv_nxt-1"),
               Step(7, "SYN", "target.rcv_nxt+64000")},
              lan.Address(0));
    std::optional<LegacyTcpConnectionState> at4;
    std::optional<LegacyTcpConnectionState> at65;
    Simulator::Schedule(Seconds(4), [&]() { at4 = lan.ServerConnection(); });
    Simulator::Schedule(Seconds(6.5), [&]() { at65 = lan.ServerConnection(); });
    Simulator::Stop(Seconds(8));
    Simulator::Run();
    REQUIRE(at4);
    REQUIRE(at4->state == LEGACY_TCP_TIME_WAIT);
    REQUIRE(lan.sent.size() == 3);
    CHECK(lan.RepliesTo(1).empty());
    REQUIRE(at65);
    CHECK(at65->state == LEGACY_TCP_TIME_WAIT);
    auto old = lan.RepliesTo(2);
    REQUIRE(old.size() == 1);
    CHECK(old[0].flags == TcpHeader::ACK);
    CHECK(old[0].seq == at4->sndNxt.GetValue());
    CHECK(old[0].ack == at4->rcvNxt.GetValue());
    auto rejected = lan.ServerEvents(LegacyTcpEventType::ReopenRejected);
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0].cause == LegacyTcpCause::OldSequence);
    auto reopened = lan.RepliesTo(3);
    REQUIRE_FALSE(reopened.empty());
    CHECK(reopened[0].flags == (TcpHeader::SYN | TcpHeader::ACK));
    CHECK(reopened[0].ack == at4->rcvNxt.GetValue() + 64000 + 1);
    CHECK(SequenceNumber32(reopened[0].seq) > at4->sndNxt);
    CHECK(lan.ServerEvents(LegacyTcpEventType::ReopenAccepted).size() == 1);
}

TEST_CASE("crafted: data after the server's close: accepted, or a reset on a half-duplex stack",
          "[crafted][rfc1122]")
{
    // Rule RFC1122-HALF-DUPLEX (4.2.2.13): "If such a host issues a CLOSE call while
    // received data is still pending in TCP, or if new data is received after CLOSE
    // is called, its TCP SHOULD send a RST to show that data was lost." The prober
    // is the client: handshake, a 10-byte request; the server answers and closes;
    // the prober ACKs its data and FIN (the server is in FIN-WAIT-2) and sends more.
    for (bool halfDuplex : {false, true})
    {
        DYNAMIC_SECTION((halfDuplex ? "half-duplex close" : "full-duplex close"))
        {
            Ns3Fixture fixture;
            Lan lan(halfDuplex);
            ServiceHelper service("ns3::LegacyTcpSocketFactory", 80);
            service.SetAttribute("RequestBytes", UintegerValue(10));
            service.SetAttribute("ResponseBytes", UintegerValue(10));
            service.SetAttribute("CloseAfterResponse", BooleanValue(true));
            service.Install(lan.nodes.Get(1)).Start(Seconds(0));
            lan.Probe(80, {Step(1, "SYN", "1000"), Step(2, "ACK", "reply.ack", "reply.next"),
                           Step(3, "PSH|ACK", "1001", "target.iss+1", 10),
                           Step(4, "ACK", "1011", "target.snd_nxt"),
                           Step(5, "PSH|ACK", "1011", "target.snd_nxt", 10)});
            std::optional<LegacyTcpConnectionState> at45;
            Simulator::Schedule(Seconds(4.5), [&]() {
                at45 = lan.Tcp(1)->GetConnectionState(
                    LegacyTcpFourTuple::Make(lan.Address(1), 80, lan.Address(2), 20000));
            });
            Simulator::Stop(Seconds(6));
            Simulator::Run();
            REQUIRE(lan.skipped.empty());
            REQUIRE(at45);
            CHECK(at45->state == LEGACY_TCP_FIN_WAIT_2);
            auto answer = lan.RepliesTo(5);
            REQUIRE_FALSE(answer.empty());
            if (halfDuplex)
            {
                CHECK((answer[0].flags & TcpHeader::RST) != 0);
                auto closed = lan.ServerEvents(LegacyTcpEventType::Closed);
                REQUIRE(closed.size() == 1);
                CHECK(closed[0].cause == LegacyTcpCause::DataAfterClose);
            }
            else
            {
                CHECK(answer[0].flags == TcpHeader::ACK);
                CHECK(answer[0].ack == 1021);
                CHECK(lan.ServerEvents(LegacyTcpEventType::Aborted).empty());
            }
        }
    }
}

TEST_CASE("crafted: a step whose base is unknown is skipped with the reason", "[crafted]")
{
    Ns3Fixture fixture;
    Lan lan;
    lan.Probe(81, {Step(1, "ACK", "reply.ack", "reply.next"), Step(2, "RST", "target.rcv_nxt")});
    lan.Probe(80, {Step(1, "RST", "5")}, lan.Address(0)); // no connection with the client
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    using P = std::pair<uint32_t, std::string>;
    CHECK(lan.skipped ==
          std::vector<P>{{1, "no_reply"}, {1, "no_connection"}, {2, "no_connection"}});
    CHECK(lan.sent.empty());
}
