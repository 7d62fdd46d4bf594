// ConnectorHelper and ServiceHelper: preset factories whose applications run on
// their own, with or without a ConnectionRegistry.
#include "connection-registry.h"
#include "connector-application.h"
#include "connector-helper.h"
#include "legacy-tcp-stack-helper.h"
#include "ns3-fixture.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "service-application.h"
#include "service-helper.h"

#include <catch2/catch.hpp>

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
    Ptr<ConnectionRegistry> registry;
    SECTION("with a Registry: every attempt is booked, established, with its bytes")
    {
        registry = CreateObject<ConnectionRegistry>();
        connector.SetAttribute("Registry", PointerValue(registry));
    }
    SECTION("without a Registry (an ns-3 program of its own)") {}
    uint32_t configured = 0;
    connector.SetSocketConfigurator(
        Callback<void, Ptr<Socket>>([&configured](Ptr<Socket>) { ++configured; }));
    ApplicationContainer clients = connector.Install(NodeContainer(net.nodes.Get(0)));
    REQUIRE(clients.GetN() == 1);
    clients.Start(Seconds(1));
    Simulator::Stop(Seconds(10));
    Simulator::Run();

    CHECK(DynamicCast<ConnectorApplication>(clients.Get(0))->GetAttemptsStarted() == 3);
    CHECK(DynamicCast<ServiceApplication>(servers.Get(0))->GetAccepted() == 3);
    CHECK(configured == 3); // one socket per attempt
    if (registry)
    {
        REQUIRE(registry->GetRecords().size() == 3);
        for (const auto& r : registry->GetRecords())
        {
            CHECK(r.outcome == ConnectionOutcome::Established);
            CHECK(r.bytesSent == 100);
            CHECK(r.bytesReceived == 2000);
            CHECK(r.synsSent == 1);
        }
    }
}
