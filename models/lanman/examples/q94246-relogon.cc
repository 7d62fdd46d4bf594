// KB Q94246: "Error 53 after net logon /y" on a LAN Manager 2.2 MS-DOS workstation.
//
// Without the TCP/IP Utilities, PROTOCOL.INI's TCPCONNECTIONS is NBSESSIONS 6 + 1 =
// 7 connection blocks. The logon script maps five drives on five file servers:
// with the domain controller's session, six blocks are held. "net logon /y" logs
// off first: the six connections are closed by the workstation, and Q94246: "When
// a TCP connection is closed, there is a short delay before the connection is
// released" (TIME-WAIT, 2 x MSL, each holding its block). The logon takes the one
// free block and every "net use" of the script fails with error 53, "The network
// path was not found". The workaround: "net logoff", wait 5 seconds, "net logon".
//
// Printed from the redirector's Command trace source; the workstation's stack is
// the lanman-dos-2.2 profile (LanmanProfileRegistry), the servers' Windows NT 4.0.
//
// Usage: q94246-relogon
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/lanman-module.h"
#include "ns3/legacy-tcp-module.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

namespace
{

void
PrintCommand(const LanmanCommandRecord& c)
{
    std::cout << std::fixed << std::setprecision(3) << std::setw(7) << c.start.GetSeconds() << " s "
              << std::setw(7) << c.end.GetSeconds() << " s  " << std::left << std::setw(14)
              << c.source << std::setw(28) << c.command << c.result << std::right << "\n";
}

std::vector<LanmanCommand>
Commands(const std::vector<std::string>& lines)
{
    std::vector<LanmanCommand> commands;
    for (const auto& line : lines)
    {
        LanmanCommand command;
        std::string expected;
        NS_ABORT_MSG_UNLESS(LanmanCommand::Parse(line, command, expected), expected);
        commands.push_back(command);
    }
    return commands;
}

} // namespace

int
main(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Parse(argc, argv);

    // One 10 Mb/s Ethernet: the workstation, the domain controller, five file servers.
    const std::vector<std::string> names = {"ws", "dc", "fs-1", "fs-2", "fs-3", "fs-4", "fs-5"};
    NodeContainer nodes;
    nodes.Create(names.size());
    CsmaHelper lan;
    lan.SetChannelAttribute("DataRate", StringValue("10Mbps"));
    NetDeviceContainer devices = lan.Install(nodes);
    InternetStackHelper().Install(nodes);
    Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.0");
    Ipv4InterfaceContainer interfaces = addresses.Assign(devices);
    Ptr<LanmanNameTable> lmhosts = Create<LanmanNameTable>(); // LMHOSTS
    for (uint32_t i = 0; i < names.size(); ++i)
    {
        Names::Add(names[i], nodes.Get(i));
        lmhosts->Add(names[i], interfaces.GetAddress(i));
    }

    const LegacyTcpProfile& profile = *LanmanProfileRegistry::Find("lanman-dos-2.2");
    LegacyTcpStackHelper workstationStack;
    workstationStack.SetProfile(profile);
    workstationStack.Install(nodes.Get(0));
    LegacyTcpStackHelper serverStack;
    serverStack.SetProfile("winnt-4.0");
    NodeContainer servers;
    for (uint32_t i = 1; i < names.size(); ++i)
    {
        servers.Add(nodes.Get(i));
    }
    serverStack.Install(servers);
    workstationStack.AssignStreams(nodes, 0);

    LanmanServerHelper server;
    server.SetAttribute("SocketFactory", StringValue("ns3::LegacyTcpSocketFactory"));
    server.Install(servers).Start(Seconds(0));

    LanmanRedirectorHelper redirector("dc");
    redirector.SetAttribute("SocketFactory", StringValue("ns3::LegacyTcpSocketFactory"));
    redirector.SetNameTable(lmhosts);
    redirector.SetCommands(
        Commands({"net logon alice secret", "wait 10s", "net logon alice secret /y", "net logoff",
                  "wait 5s", "net logon alice secret"}),
        Commands({"net use F: \\\\fs-1\\data", "net use G: \\\\fs-2\\apps",
                  "net use H: \\\\fs-3\\home", "net use I: \\\\fs-4\\tools",
                  "net use J: \\\\fs-5\\mail"}));
    ApplicationContainer workstation = redirector.Install(nodes.Get(0));
    workstation.Get(0)->TraceConnectWithoutContext("Command", MakeCallback(&PrintCommand));
    workstation.Start(Seconds(1));

    const LegacyTcpProfileValue& blocks = *profile.Find("ConnectionBlocks");
    std::cout << profile.GetName() << " workstation: " << blocks.value << " connection blocks ("
              << blocks.source << ")\n"
              << "  start     end      source        command                     result\n";
    Simulator::Stop(Seconds(40));
    Simulator::Run();
    Simulator::Destroy();
    Names::Clear();
    return 0;
}
