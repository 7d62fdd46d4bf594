// KB Q175523: what connect() does when the server answers the SYN with a reset.
//
// A client connects to 10.1.1.2:80, where nothing listens; the server's stack
// answers each SYN with RST|ACK. Q175523: Windows "will wait for the base
// connection's time-out value and reissue another SYN packet ... until the maximum
// retry value is reached" (TcpMaxConnectRetransmissions, MaxConnectRetries: 3), and
// only then does connect() fail with WSAECONNREFUSED, while "UNIX systems" fail "
// immediately upon the receipt of the first ACK/RST packet". The timeline below is
// printed from the client stack's ConnectionEvent trace source and the socket's
// connect callbacks, once per profile (LegacyTcpStackHelper::SetProfile).
//
// Usage: q175523-refused-connect [--profiles=winnt-4.0,win95,linux]
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/legacy-tcp-module.h"
#include "ns3/point-to-point-module.h"

#include <iomanip>
#include <iostream>
#include <sstream>

using namespace ns3;

namespace
{

void
PrintEvent(const LegacyTcpEvent& event)
{
    std::cout << std::fixed << std::setprecision(4) << std::setw(9) << Simulator::Now().GetSeconds()
              << " s  " << std::left << std::setw(16) << LegacyTcpEventName(event.type)
              << std::right << LegacyTcpEventDetail(event) << "\n";
}

void
ConnectFailed(Ptr<Socket> socket)
{
    Ptr<LegacyTcpSocket> legacy = DynamicCast<LegacyTcpSocket>(socket);
    LegacyTcpErrorCode error = legacy->GetErrorCode();
    std::cout << std::fixed << std::setprecision(4) << std::setw(9) << Simulator::Now().GetSeconds()
              << " s  connect() fails: " << error.name << " (" << error.number << ") after "
              << legacy->GetSynsSent() << " SYN(s) and " << legacy->GetRstsReceived()
              << " reset(s)\n";
}

void
ConnectSucceeded(Ptr<Socket>)
{
    std::cout << "connect() succeeded (unexpected: nothing listens)\n";
}

void
Run(const std::string& profile)
{
    NodeContainer nodes;
    nodes.Create(2);
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    link.SetChannelAttribute("Delay", StringValue("1ms"));
    NetDeviceContainer devices = link.Install(nodes);
    InternetStackHelper().Install(nodes);
    Ipv4AddressHelper addresses("10.1.1.0", "255.255.255.0");
    Ipv4InterfaceContainer interfaces = addresses.Assign(devices);

    LegacyTcpStackHelper client;
    client.SetProfile(profile);
    Ptr<LegacyTcpL4Protocol> stack = client.Install(nodes.Get(0));
    LegacyTcpStackHelper().Install(nodes.Get(1)); // the server: its model defaults
    client.AssignStreams(nodes, 0);               // fixed initial sequence numbers
    stack->TraceConnectWithoutContext("ConnectionEvent", MakeCallback(&PrintEvent));

    Ptr<Socket> socket = Socket::CreateSocket(nodes.Get(0), LegacyTcpSocketFactory::GetTypeId());
    socket->SetConnectCallback(MakeCallback(&ConnectSucceeded), MakeCallback(&ConnectFailed));
    Address server = InetSocketAddress(interfaces.GetAddress(1), 80);
    Simulator::Schedule(Seconds(0), [socket, server]() { socket->Connect(server); });

    std::cout << profile << ": connect() to 10.1.1.2:80, where nothing listens\n";
    Simulator::Stop(Seconds(200));
    Simulator::Run();
    Simulator::Destroy();
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string profiles = "winnt-4.0,win95,linux";
    CommandLine cmd(__FILE__);
    cmd.AddValue("profiles", "comma-separated profiles (retrotcp profiles)", profiles);
    cmd.Parse(argc, argv);
    std::stringstream list(profiles);
    std::string profile;
    bool first = true;
    while (std::getline(list, profile, ','))
    {
        std::cout << (first ? "" : "\n");
        first = false;
        Run(profile);
    }
    return 0;
}
