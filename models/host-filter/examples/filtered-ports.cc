// One server, four ports, four answers: what a Windows NT 4.0 client's connect()
// makes of each.
//
// Port 80 has a service. A HostPacketFilter on the server (PacketFilterHelper,
// installed after the legacy stack) drops the SYNs to port 81, answers those to
// port 82 with a reset as a closed port would, and those to port 83 with an ICMP
// port unreachable. Q175523: after a reset Winsock re-sends the SYN at the base
// interval until TcpMaxConnectRetransmissions (3) and fails with WSAECONNREFUSED;
// an unanswered SYN is re-sent after 3, 6, 12 s and the connect fails at 45 s.
// RFC 1122 4.2.3.9: an ICMP port unreachable is a hard error a connect may abort
// on; the model's IcmpUnreachable attribute (default Rfc1122) decides. Printed
// from the client stack's ConnectionEvent trace source.
//
// Usage: filtered-ports
#include "ns3/apps-module.h"
#include "ns3/core-module.h"
#include "ns3/host-filter-module.h"
#include "ns3/internet-module.h"
#include "ns3/legacy-tcp-module.h"
#include "ns3/point-to-point-module.h"

#include <iomanip>
#include <iostream>
#include <map>

using namespace ns3;

namespace
{

/// What the client's stack did for the connection to one port.
struct PortLog
{
    uint32_t syns{0};    //!< SYNs sent
    std::string outcome; //!< established, or connect_failed's reason
    Time when{-1};       //!< when the outcome was known
    std::string icmp;    //!< an ICMP error's detail, if one came
};

std::map<uint16_t, PortLog> g_ports; //!< by the server port

void
Record(const LegacyTcpEvent& event)
{
    PortLog& log = g_ports[event.remotePort];
    switch (event.type)
    {
    case LegacyTcpEventType::SynSent:
    case LegacyTcpEventType::SynRetransmit:
        ++log.syns;
        break;
    case LegacyTcpEventType::IcmpUnreachable:
        log.icmp = LegacyTcpEventDetail(event);
        break;
    case LegacyTcpEventType::Established:
    case LegacyTcpEventType::ConnectFailed:
        if (log.when < Time(0))
        {
            log.outcome = event.type == LegacyTcpEventType::Established
                              ? "established"
                              : LegacyTcpErrorName(event.error);
            log.when = Simulator::Now();
        }
        break;
    default:
        break;
    }
}

PacketFilterRule
Rule(uint16_t port, PacketFilterRule::Action action)
{
    PacketFilterRule rule;
    rule.localFirst = rule.localLast = port;
    rule.synOnly = true;
    rule.action = action;
    return rule;
}

} // namespace

int
main(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
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
    LegacyTcpStackHelper stack;
    stack.SetProfile("winnt-4.0");
    Ptr<LegacyTcpL4Protocol> client = stack.Install(nodes.Get(0));
    stack.Install(nodes.Get(1));
    stack.AssignStreams(nodes, 0);
    client->TraceConnectWithoutContext("ConnectionEvent", MakeCallback(&Record));
    PacketFilterHelper().Install(nodes.Get(1), {Rule(81, PacketFilterRule::DROP),
                                                Rule(82, PacketFilterRule::REJECT_RESET),
                                                Rule(83, PacketFilterRule::REJECT_PORT_UNREACH)});

    ServiceHelper("ns3::LegacyTcpSocketFactory", 80).Install(nodes.Get(1)).Start(Seconds(0));
    const char* what[] = {"a service", "SYNs dropped", "reset by the filter",
                          "ICMP port unreachable"};
    for (uint16_t port = 80; port <= 83; ++port)
    {
        ConnectorHelper connector("ns3::LegacyTcpSocketFactory",
                                  InetSocketAddress(interfaces.GetAddress(1), port));
        connector.SetAttribute("HoldTime", TimeValue(Seconds(1)));
        connector.Install(nodes.Get(0)).Start(Seconds(1));
    }
    Simulator::Stop(Seconds(60));
    Simulator::Run();

    std::cout << "winnt-4.0 client, connect() at 1 s to each port of 10.1.1.2\n";
    for (uint16_t port = 80; port <= 83; ++port)
    {
        const PortLog& log = g_ports[port];
        std::cout << "  port " << port << " (" << what[port - 80] << "): " << log.outcome << " at "
                  << std::fixed << std::setprecision(4) << log.when.GetSeconds() << " s after "
                  << log.syns << " SYN(s)" << (log.icmp.empty() ? "" : ", ICMP " + log.icmp)
                  << "\n";
    }
    Simulator::Destroy();
    return 0;
}
