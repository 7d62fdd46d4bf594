// ns-3's own applications (PacketSink, BulkSend) on two nodes with the legacy
// stack: with --factory=ns3::LegacyTcpSocketFactory the transfer completes; with
// ns-3's default ns3::TcpSocketFactory the program must stop with a message
// (LegacyTcpStockTcpGuard), not move 0 bytes without an error; with
// --host-stack the nodes have Ipv4HostStackHelper's stack without ns-3's TCP, and
// the same message comes from LegacyTcpStockFactoryGuard. Run by CTest
// ("legacy-tcp: stock applications ...").
#include "ipv4-host-stack-helper.h"
#include "legacy-tcp-stack-helper.h"
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/point-to-point-module.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string factory = "ns3::LegacyTcpSocketFactory";
    bool hostStack = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("factory", "socket factory of PacketSink and BulkSend", factory);
    cmd.AddValue("host-stack", "Ipv4HostStackHelper without TCP instead of InternetStackHelper",
                 hostStack);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(2);
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    NetDeviceContainer devices = link.Install(nodes);
    if (hostStack)
    {
        Ipv4HostStackHelper stack;
        stack.SetTcp(false);
        stack.Install(nodes);
    }
    else
    {
        InternetStackHelper().Install(nodes);
    }
    Ipv4AddressHelper addresses("10.1.1.0", "255.255.255.0");
    Ipv4InterfaceContainer interfaces = addresses.Assign(devices);
    LegacyTcpStackHelper().Install(nodes);

    PacketSinkHelper sink(factory, InetSocketAddress(Ipv4Address::GetAny(), 9));
    ApplicationContainer sinks = sink.Install(nodes.Get(1));
    BulkSendHelper bulk(factory, InetSocketAddress(interfaces.GetAddress(1), 9));
    bulk.SetAttribute("MaxBytes", UintegerValue(100000));
    bulk.Install(nodes.Get(0)).Start(Seconds(1));
    Simulator::Stop(Seconds(20));
    Simulator::Run();
    std::cout << "received " << DynamicCast<PacketSink>(sinks.Get(0))->GetTotalRx() << " bytes"
              << std::endl;
    Simulator::Destroy();
    return 0;
}
