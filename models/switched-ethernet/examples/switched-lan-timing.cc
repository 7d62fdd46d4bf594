// Store and forward on a switched 10BASE-T LAN: when a frame arrives.
//
// Four hosts on one switch (SwitchedEthernetHelper). Host 0 sends one UDP
// datagram of 1000 bytes to host 3, then one broadcast. A frame occupies its link
// for its bytes plus preamble and start delimiter (8), FCS (4) and the
// inter-frame gap (12) (IEEE 802.3 clause 4); the switch forwards it once its last
// bit is in, after ForwardingLatency, and it arrives one link Delay after its last
// bit leaves the switch. The example prints each delivery (the receiving device's
// MacRx trace) and the sum the model promises for the unicast frame.
//
// Usage: switched-lan-timing
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/switched-ethernet-module.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

namespace
{

void
Delivered(uint32_t host, Ptr<const Packet> packet)
{
    std::cout << std::fixed << std::setprecision(9) << Simulator::Now().GetSeconds() << " s  host "
              << host << " receives " << packet->GetSize() << " bytes\n";
}

void
Send(Ptr<Socket> socket, Address to, uint32_t bytes)
{
    std::cout << std::fixed << std::setprecision(9) << Simulator::Now().GetSeconds()
              << " s  host 0 sends " << bytes << " bytes of UDP\n";
    socket->SendTo(Create<Packet>(bytes), 0, to);
}

} // namespace

int
main(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(4);
    SwitchedEthernetHelper lan;
    lan.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    lan.SetChannelAttribute("Delay", TimeValue(NanoSeconds(500)));
    lan.SetChannelAttribute("ForwardingLatency", TimeValue(MicroSeconds(10)));
    lan.SetChannelAttribute("AddressResolution", StringValue("Static")); // no ARP
    NetDeviceContainer devices = lan.Install(nodes);
    InternetStackHelper().Install(nodes);
    Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.0");
    Ipv4InterfaceContainer interfaces = addresses.Assign(devices);
    for (uint32_t i = 1; i < 4; ++i)
    {
        devices.Get(i)->TraceConnectWithoutContext("MacRx", MakeBoundCallback(&Delivered, i));
    }

    Ptr<Socket> socket = Socket::CreateSocket(nodes.Get(0), UdpSocketFactory::GetTypeId());
    socket->SetAllowBroadcast(true);
    Simulator::Schedule(Seconds(1), &Send, socket, InetSocketAddress(interfaces.GetAddress(3), 9),
                        1000);
    Simulator::Schedule(Seconds(2), &Send, socket, InetSocketAddress("10.0.0.255", 9), 100);

    // 1000 bytes + UDP 8 + IPv4 20 + Ethernet 14 = 1042 bytes of frame. Its last
    // bit is in after preamble and delimiter 8 + 1042 + FCS 4 = 1054 bytes, 843.2 us
    // at 10 Mb/s (the 12-byte gap follows it: it delays the next frame, not this
    // one), twice (host to switch, switch to host), plus 2 x 500 ns and 10 us.
    Time wire = Seconds((8 + 1042.0 + 4) * 8 / 10e6);
    std::cout << std::fixed << std::setprecision(1) << "expected unicast arrival: 1 s + 2 x "
              << wire.GetNanoSeconds() / 1000.0
              << " us (wire) + 2 x 0.5 us (links) + 10 us (switch) = " << std::setprecision(9)
              << (Seconds(1) + 2 * wire + NanoSeconds(1000) + MicroSeconds(10)).GetSeconds()
              << " s\n";
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    Simulator::Destroy();
    return 0;
}
