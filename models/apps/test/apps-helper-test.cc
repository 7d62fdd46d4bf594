// ConnectorHelper and ServiceHelper: preset factories whose applications run on
// their own and report through their trace sources.
#include "connector-application.h"
#include "connector-helper.h"
#include "legacy-tcp-stack-helper.h"
#include "ns3-fixture.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "service-application.h"
#include "service-helper.h"

#include <catch2/catch.hpp>
#include <map>
#include <vector>

using namespace ns3;
using namespace retrotcp::test;

namespace
{
// Two legacy-stack hosts on a 10 Mb/s link, 1 ms apart: 10.1.1.1 and 10.1.1.2.
struct TwoHosts
{
    NodeContainer nodes;
    Ipv4InterfaceContainer interfaces;

    TwoHosts()
    {
        nodes.Create(2);
        PointToPointHelper link;
        link.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
        link.SetChannelAttribute("Delay", StringValue("1ms"));
        NetDeviceContainer devices = link.Install(nodes);
        InternetStackHelper().Install(nodes);
        Ipv4AddressHelper addresses("10.1.1.0", "255.255.255.0");
        interfaces = addresses.Assign(devices);
        LegacyTcpStackHelper stack;
        stack.SetProfile("winnt-4.0");
        stack.Install(nodes);
    }
};
} // namespace

TEST_CASE("apps: ConnectorHelper and ServiceHelper install applications that exchange data",
          "[helper]")
{
    Ns3Fixture fixture;
    TwoHosts net;
    ServiceHelper service("ns3::LegacyTcpSocketFactory", 80);
    service.SetAttribute("RequestBytes", UintegerValue(100));
    service.SetAttribute("ResponseBytes", UintegerValue(2000));
    ApplicationContainer servers = service.Install(net.nodes.Get(1));
    servers.Start(Seconds(0));
    ConnectorHelper connector("ns3::LegacyTcpSocketFactory",
                              InetSocketAddress(net.interfaces.GetAddress(1), 80));
    connector.SetAttribute("Count", UintegerValue(3));
    connector.SetAttribute("SendBytes", UintegerValue(100));
    connector.SetAttribute("ReceiveBytes", UintegerValue(2000));
    // Rule APP-TRACES: the applications report every step through trace sources,
    // as PacketSink through "Rx"; a program of its own listens as it likes.
    std::vector<std::string> log;
    uint32_t txBytes = 0;
    uint32_t rxBytes = 0;
    std::map<Ptr<Socket>, int> calls;
    uint32_t configured = 0;
    connector.SetSocketConfigurator(
        Callback<void, Ptr<Socket>>([&configured](Ptr<Socket>) { ++configured; }));
    ApplicationContainer clients = connector.Install(NodeContainer(net.nodes.Get(0)));
    REQUIRE(clients.GetN() == 1);
    Ptr<Application> c = clients.Get(0);
    c->TraceConnectWithoutContext(
        "ConnectStart",
        Callback<void, Ptr<Socket>, const Address&>([&](Ptr<Socket> s, const Address& remote) {
            CHECK(InetSocketAddress::ConvertFrom(remote).GetPort() == 80);
            calls[s] = int(calls.size());
            log.push_back("start");
        }));
    c->TraceConnectWithoutContext("Connected", Callback<void, Ptr<Socket>>([&](Ptr<Socket> s) {
                                      CHECK(calls.count(s) == 1);
                                      log.push_back("connected");
                                  }));
    c->TraceConnectWithoutContext(
        "ConnectFailed", Callback<void, Ptr<Socket>, ConnectionOutcome>(
                             [&](Ptr<Socket>, ConnectionOutcome) { log.push_back("failed"); }));
    c->TraceConnectWithoutContext(
        "Close", Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { log.push_back("close"); }));
    c->TraceConnectWithoutContext("Closed",
                                  Callback<void, Ptr<Socket>, bool>([&](Ptr<Socket>, bool byPeer) {
                                      CHECK_FALSE(byPeer); // the client closes first
                                      log.push_back("closed");
                                  }));
    c->TraceConnectWithoutContext("Tx", Callback<void, Ptr<Socket>, uint32_t>(
                                            [&](Ptr<Socket>, uint32_t n) { txBytes += n; }));
    c->TraceConnectWithoutContext("Rx", Callback<void, Ptr<Socket>, uint32_t>(
                                            [&](Ptr<Socket>, uint32_t n) { rxBytes += n; }));
    uint32_t accepted = 0;
    servers.Get(0)->TraceConnectWithoutContext(
        "Accepted", Callback<void, Ptr<Socket>, const Address&>(
                        [&](Ptr<Socket>, const Address&) { ++accepted; }));
    clients.Start(Seconds(1));
    Simulator::Stop(Seconds(10));
    Simulator::Run();

    CHECK(DynamicCast<ConnectorApplication>(clients.Get(0))->GetAttemptsStarted() == 3);
    CHECK(DynamicCast<ServiceApplication>(servers.Get(0))->GetAccepted() == 3);
    CHECK(configured == 3); // one socket per attempt
    CHECK(calls.size() == 3);
    CHECK(accepted == 3);
    CHECK(txBytes == 300);
    CHECK(rxBytes == 6000);
    // Attempts start 1 s apart and each is over well within it.
    CHECK(log ==
          std::vector<std::string>({"start", "connected", "close", "closed", "start", "connected",
                                    "close", "closed", "start", "connected", "close", "closed"}));
}
