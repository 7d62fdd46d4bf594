// A TIME-WAIT storm: one Windows 95 client opens and closes a connection every
// 10 ms to a service on a Windows NT server.
//
// The client closes first, so every connection leaves a TIME-WAIT record on the
// client for 2 x MSL = 240 s (Q158474: "MSL 120 s, TIME-WAIT 240 s"), holding its
// port. Windows 95 hands out ports 1025-5000: after 3,976 connections every port
// is in TIME-WAIT and connect() fails at once with WSAENOBUFS (10055, no port),
// 39.8 s into the storm, long before the first record expires. Printed from the
// client stack's ConnectionEvent trace source; the applications are installed with
// ConnectorHelper and ServiceHelper.
//
// Usage: time-wait-storm [--connections=4000] [--interval=10ms]
#include "ns3/apps-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/legacy-tcp-module.h"
#include "ns3/point-to-point-module.h"

#include <iomanip>
#include <iostream>
#include <map>

using namespace ns3;

namespace
{

std::map<std::string, uint32_t> g_counts; //!< client events by name (failures by reason)
Time g_firstNoPort{-1};                   //!< when the first connect() found no port

void
Count(const LegacyTcpEvent& event)
{
    std::string key = LegacyTcpEventName(event.type);
    if (event.type == LegacyTcpEventType::ConnectFailed)
    {
        key += std::string(" ") + LegacyTcpErrorName(event.error);
    }
    if (key == "connect_failed no_port" && g_firstNoPort < Time(0))
    {
        g_firstNoPort = Simulator::Now();
    }
    ++g_counts[key];
}

void
Report(Ptr<LegacyTcpL4Protocol> client)
{
    std::cout << std::fixed << std::setprecision(1) << std::setw(6) << Simulator::Now().GetSeconds()
              << " s " << std::setw(12) << g_counts["syn_sent"] << std::setw(13)
              << g_counts["established"] << std::setw(11) << client->GetTimeWaitCount()
              << std::setw(9) << g_counts["connect_failed no_port"] << "\n";
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t connections = 4000;
    Time interval = MilliSeconds(10);
    CommandLine cmd(__FILE__);
    cmd.AddValue("connections", "connect() calls", connections);
    cmd.AddValue("interval", "time between them", interval);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(2);
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    link.SetChannelAttribute("Delay", StringValue("1ms"));
    NetDeviceContainer devices = link.Install(nodes);
    InternetStackHelper().Install(nodes);
    Ipv4AddressHelper addresses("10.1.1.0", "255.255.255.0");
    Ipv4InterfaceContainer interfaces = addresses.Assign(devices);

    LegacyTcpStackHelper clientStack;
    clientStack.SetProfile("win95");
    Ptr<LegacyTcpL4Protocol> client = clientStack.Install(nodes.Get(0));
    LegacyTcpStackHelper serverStack;
    serverStack.SetProfile("winnt-4.0");
    serverStack.Install(nodes.Get(1));
    clientStack.AssignStreams(nodes, 0);
    client->TraceConnectWithoutContext("ConnectionEvent", MakeCallback(&Count));

    ServiceHelper service("ns3::LegacyTcpSocketFactory", 80);
    service.Install(nodes.Get(1)).Start(Seconds(0));
    ConnectorHelper connector("ns3::LegacyTcpSocketFactory",
                              InetSocketAddress(interfaces.GetAddress(1), 80));
    connector.SetAttribute("Count", UintegerValue(connections));
    connector.SetAttribute("Interval", TimeValue(interval));
    connector.Install(nodes.Get(0)).Start(Seconds(0));

    std::cout << "win95 client, " << connections << " connections " << interval.GetMilliSeconds()
              << " ms apart, each closed by the client at once\n"
              << "  time   SYNs sent  established  TIME-WAIT  no port\n";
    Time end = interval * connections + Seconds(5);
    for (Time t = Seconds(5); t <= end; t += Seconds(5))
    {
        Simulator::Schedule(t, &Report, client);
    }
    Simulator::Stop(end);
    Simulator::Run();
    if (g_firstNoPort >= Time(0))
    {
        std::cout << "first connect() without a port (WSAENOBUFS): " << std::setprecision(3)
                  << g_firstNoPort.GetSeconds() << " s\n";
    }
    Simulator::Destroy();
    return 0;
}
