// Data transfer, sequence wrap-around, ISN clock and interoperation with ns-3's TCP.
#include "legacy-tcp-test-network.h"
#include "ns3-fixture.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/error-model.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <catch2/catch.hpp>

using namespace ns3;
using namespace retrotcp::test;

namespace
{

/// Sends total bytes of a pattern as the send buffer allows, then closes.
struct Sender
{
    Ptr<Socket> socket;
    uint32_t total{0};
    uint32_t sent{0};
    bool closed{false};

    void
    Start(Ptr<Socket> s, uint32_t bytes)
    {
        socket = s;
        total = bytes;
        s->SetSendCallback(
            Callback<void, Ptr<Socket>, uint32_t>([this](Ptr<Socket>, uint32_t) { Pump(); }));
        s->SetConnectCallback(Callback<void, Ptr<Socket>>([this](Ptr<Socket>) { Pump(); }),
                              MakeNullCallback<void, Ptr<Socket>>());
    }

    void
    Pump()
    {
        while (sent < total)
        {
            uint32_t n = std::min({total - sent, socket->GetTxAvailable(), 1000u});
            if (n == 0)
            {
                break;
            }
            std::vector<uint8_t> buf(n);
            for (uint32_t i = 0; i < n; ++i)
            {
                buf[i] = static_cast<uint8_t>((sent + i) % 251);
            }
            int r = socket->Send(buf.data(), n, 0);
            if (r <= 0)
            {
                break;
            }
            sent += r;
        }
        if (sent == total && !closed)
        {
            closed = true;
            socket->Close();
        }
    }
};

bool
PatternOk(const std::vector<uint8_t>& data)
{
    for (size_t i = 0; i < data.size(); ++i)
    {
        if (data[i] != static_cast<uint8_t>(i % 251))
        {
            return false;
        }
    }
    return true;
}

/// First client ISN of a short run with the given seed.
uint32_t
FirstIsn(uint32_t seed)
{
    Ns3Fixture fixture(seed);
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    TestNetwork net(client, server);
    // Automatic stream numbers run on across simulations in one process; a run
    // fixes them with AssignStreams, as the scenario runner must.
    client.AssignStreams(net.nodes, 100);
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(80)); });
    Simulator::Stop(Seconds(1.1));
    Simulator::Run();
    return s->GetIss().GetValue();
}

} // namespace

TEST_CASE("legacy-tcp: sequence numbers survive wrap-around with loss", "[data]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    // ISN at t = 1 s is 2^32 - 30000 (RFC 793 clock: 250000 ticks per second).
    client.SetAttribute("IsnOffset",
                        StringValue("ns3::ConstantRandomVariable[Constant=4294687296]"));
    TestNetwork net(client, server);
    Ptr<RateErrorModel> loss = CreateObject<RateErrorModel>();
    loss->SetAttribute("ErrorRate", DoubleValue(0.01));
    loss->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
    loss->AssignStreams(10);
    net.devices.Get(1)->SetAttribute("ReceiveErrorModel", PointerValue(loss));
    TestServer srv;
    srv.keepData = true;
    srv.Start(net.NewSocket(1), 139);
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    Sender sender;
    sender.Start(s, 300000);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(139)); });
    Simulator::Stop(Seconds(120));
    Simulator::Run();

    CHECK(s->GetIss().GetValue() == 4294937296u);
    CHECK(srv.received == 300000);
    CHECK(PatternOk(srv.data));
    // Data segments on both sides of the wrap.
    auto wrapped = net.wire.Select([](const WireSegment& w) {
        return w.device == "client" && w.length > 0 && w.seq < 1000000;
    });
    CHECK_FALSE(wrapped.empty());
    CHECK(net.Events(0, LegacyTcpEventType::TimeWaitEnter).size() == 1);
    CHECK(net.Events(0, LegacyTcpEventType::Aborted).empty());
}

TEST_CASE("legacy-tcp: the ISN follows the RFC 793 clock and the run's seed", "[isn]")
{
    SECTION("two connects 1 s apart differ by 250000")
    {
        Ns3Fixture fixture;
        LegacyTcpStackHelper client;
        LegacyTcpStackHelper server;
        TestNetwork net(client, server);
        Ptr<LegacyTcpSocket> a = net.NewSocket(0);
        Ptr<LegacyTcpSocket> b = net.NewSocket(0);
        Simulator::Schedule(Seconds(1), [&]() { a->Connect(net.Server(80)); });
        Simulator::Schedule(Seconds(2), [&]() { b->Connect(net.Server(81)); });
        Simulator::Stop(Seconds(2.5));
        Simulator::Run();
        auto syns = net.wire.From("client", TcpHeader::SYN);
        REQUIRE(syns.size() >= 2);
        // RFC 793 p.27: one tick per 4 microseconds, so 250000 ticks a second; plus
        // the per-connection step (IsnIncrement, 4.4BSD's TCP_ISSINCR / 2).
        CHECK(uint32_t(b->GetIss() - a->GetIss()) == 250000u + 64000u);
        // Rule LT-WIRE-OPTIONS: MSS option only.
        CHECK(syns[0].mss == 1460);
        CHECK(syns[0].optionKinds == (1u << 2));
    }
    SECTION("IsnMode Zero gives ISN 0")
    {
        Ns3Fixture fixture;
        LegacyTcpStackHelper client;
        LegacyTcpStackHelper server;
        client.SetAttribute("IsnMode", EnumValue(LegacyTcpL4Protocol::ISN_ZERO));
        TestNetwork net(client, server);
        Ptr<LegacyTcpSocket> a = net.NewSocket(0);
        Simulator::Schedule(Seconds(1), [&]() { a->Connect(net.Server(80)); });
        Simulator::Stop(Seconds(1.5));
        Simulator::Run();
        auto syns = net.wire.From("client", TcpHeader::SYN);
        REQUIRE_FALSE(syns.empty());
        CHECK(syns[0].seq == 0);
    }
    SECTION("the same seed gives the same ISNs, another seed others")
    {
        uint32_t a = FirstIsn(1);
        uint32_t b = FirstIsn(1);
        uint32_t c = FirstIsn(2);
        CHECK(a == b);
        CHECK(a != c);
    }
}

TEST_CASE("legacy-tcp: interoperates with ns-3's stock TCP", "[interop]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    LegacyTcpStackHelper server;
    const uint32_t bytes = 50000;
    SECTION("legacy client, stock server")
    {
        TestNetwork net(client, server, true, false);
        TestServer srv;
        srv.keepData = true;
        srv.Start(Socket::CreateSocket(net.nodes.Get(1), TcpSocketFactory::GetTypeId()), 139);
        Ptr<LegacyTcpSocket> s = net.NewSocket(0);
        Sender sender;
        sender.Start(s, bytes);
        Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(139)); });
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        INFO(net.DumpEvents(0));
        CHECK(srv.received == bytes);
        CHECK(PatternOk(srv.data));
        CHECK(srv.normalCloses == 1);
        CHECK(net.Events(0, LegacyTcpEventType::TimeWaitEnter).size() == 1);
        CHECK(net.Events(0, LegacyTcpEventType::RstSent).empty());
    }
    SECTION("stock client, legacy server")
    {
        TestNetwork net(client, server, false, true);
        TestServer srv;
        srv.keepData = true;
        srv.Start(net.NewSocket(1), 139);
        Ptr<Socket> s = Socket::CreateSocket(net.nodes.Get(0), TcpSocketFactory::GetTypeId());
        Sender sender;
        sender.Start(s, bytes);
        Simulator::Schedule(Seconds(1), [&]() {
            s->Bind();
            s->Connect(net.Server(139));
        });
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        INFO(net.DumpEvents(1));
        CHECK(srv.received == bytes);
        CHECK(PatternOk(srv.data));
        CHECK(srv.normalCloses == 1);
        auto closed = net.Events(1, LegacyTcpEventType::Closed);
        REQUIRE(closed.size() == 1);
        CHECK(closed[0].ev.cause == LegacyTcpCause::FinAcked);
        CHECK(net.tcp[1]->GetBlocksInUse() == 0);
    }
}
