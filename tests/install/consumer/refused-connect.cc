// Q175523 on Windows NT 4.0: connect() to a port where nothing listens.
#include "ns3/apps-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/legacy-tcp-module.h"
#include "ns3/point-to-point-module.h"

#include <iostream>

using namespace ns3;

void
Print(const LegacyTcpEvent& event)
{
    std::cout << Simulator::Now().GetSeconds() << " s " << LegacyTcpEventName(event.type) << " "
              << LegacyTcpEventDetail(event);
    if (event.type == LegacyTcpEventType::ConnectFailed)
    {
        LegacyTcpErrorCode code = GetLegacyTcpErrorCode(event.error, ERRORS_WINSOCK);
        std::cout << ": " << code.name << " (" << code.number << ")";
    }
    std::cout << "\n";
}

int
main()
{
    NodeContainer nodes(2);
    NetDeviceContainer devices = PointToPointHelper().Install(nodes);
    InternetStackHelper().Install(nodes);
    Ipv4AddressHelper addresses("10.1.1.0", "255.255.255.0");
    Ipv4InterfaceContainer interfaces = addresses.Assign(devices);
    LegacyTcpStackHelper stack;
    stack.SetProfile("winnt-4.0");
    stack.Install(nodes);
    stack.AssignStreams(nodes, 0);
    nodes.Get(0)->GetObject<LegacyTcpL4Protocol>()->TraceConnectWithoutContext(
        "ConnectionEvent", MakeCallback(&Print));
    ConnectorHelper connector("ns3::LegacyTcpSocketFactory",
                              InetSocketAddress(interfaces.GetAddress(1), 80));
    connector.Install(nodes.Get(0)).Start(Seconds(1));
    Simulator::Run();
    Simulator::Destroy();
    return 0;
}
