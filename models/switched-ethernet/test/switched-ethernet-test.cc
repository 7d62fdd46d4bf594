// Switched Ethernet: frame timing, forwarding, output queues, ARP delivery,
// captures, and the cost per frame as the LAN grows.
#include "ethernet-padding-trailer.h"
#include "ns3-fixture.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/pcap-file.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "switched-ethernet-channel.h"
#include "switched-ethernet-helper.h"
#include "switched-ethernet-net-device.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <sstream>
#include <vector>

using namespace ns3;
using retrotcp::test::Ns3Fixture;

namespace
{

/// One frame handed up by a device.
struct Arrival
{
    Time time;
    uint32_t node;
    uint32_t size;
    uint16_t protocol;
    NetDevice::PacketType type;
    Ptr<const Packet> packet;
};

/// n nodes on one switch, with every delivery recorded (no IP).
struct Lan
{
    NodeContainer nodes;
    NetDeviceContainer devices;
    Ptr<SwitchedEthernetChannel> channel;
    std::vector<Arrival> arrivals;

    explicit Lan(uint32_t n, uint32_t bufferBytes = 64 * 1024, bool flowControl = true,
                 const char* queueSize = nullptr)
    {
        nodes.Create(n);
        SwitchedEthernetHelper helper;
        helper.SetFlowControl(flowControl);
        if (queueSize)
        {
            helper.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue(queueSize));
        }
        helper.SetDeviceAttribute("DataRate", DataRateValue(DataRate("10Mbps")));
        helper.SetChannelAttribute("Delay", TimeValue(NanoSeconds(500)));
        helper.SetChannelAttribute("ForwardingLatency", TimeValue(MicroSeconds(10)));
        helper.SetChannelAttribute("PortBufferSize", UintegerValue(bufferBytes));
        devices = helper.Install(nodes);
        channel = DynamicCast<SwitchedEthernetChannel>(devices.Get(0)->GetChannel());
        for (uint32_t i = 0; i < n; ++i)
        {
            devices.Get(i)->SetPromiscReceiveCallback(
                [this, i](Ptr<NetDevice>, Ptr<const Packet> p, uint16_t protocol, const Address&,
                          const Address&, NetDevice::PacketType type) {
                    arrivals.push_back({Simulator::Now(), i, p->GetSize(), protocol, type, p});
                    return true;
                });
        }
    }

    void
    SendAt(Time t, uint32_t from, uint32_t to, uint32_t bytes)
    {
        Ptr<NetDevice> src = devices.Get(from);
        Address dst = to == UINT32_MAX ? src->GetBroadcast() : devices.Get(to)->GetAddress();
        Simulator::Schedule(t,
                            [src, dst, bytes]() { src->Send(Create<Packet>(bytes), dst, 0x0800); });
    }
};

// Wire time of a frame at 10 Mb/s: preamble 8 + frame + FCS 4 + gap 12 bytes.
double
WireUs(uint32_t frameBytes)
{
    return (8 + frameBytes + 4 + 12) * 0.8;
}

const double kGapUs = 12 * 0.8;

} // namespace

TEST_CASE("switched-ethernet: a unicast frame is stored, forwarded and delivered to its "
          "station only",
          "[switched-ethernet]")
{
    Ns3Fixture fixture;
    Lan lan(3);
    lan.SendAt(Seconds(1), 0, 1, 100);
    Simulator::Run();
    REQUIRE(lan.arrivals.size() == 1);
    const Arrival& a = lan.arrivals[0];
    CHECK(a.node == 1);
    CHECK(a.size == 100);
    CHECK(a.protocol == 0x0800);
    CHECK(a.type == NetDevice::PACKET_HOST);
    // Store and forward: the last bit reaches the switch after the frame time
    // (without the trailing gap) and the link delay; the switch forwards it after
    // its latency; it crosses the second link the same way.
    double frameUs = WireUs(14 + 100) - kGapUs;
    double expected = 2 * frameUs + 2 * 0.5 + 10;
    CHECK((a.time - Seconds(1)).GetNanoSeconds() == static_cast<int64_t>(expected * 1000));
}

TEST_CASE("switched-ethernet: without flow control a device has no queue interface and "
          "carries the same frames",
          "[switched-ethernet]")
{
    // SetFlowControl(false): no NetDeviceQueueInterface (nothing to stop a queue
    // disc with); the device's own queue still holds 100 frames and drops the rest.
    Ns3Fixture fixture;
    std::vector<size_t> delivered;
    for (bool flowControl : {true, false})
    {
        Lan lan(2, 64 * 1024, flowControl);
        CHECK(bool(lan.devices.Get(0)->GetObject<NetDeviceQueueInterface>()) == flowControl);
        for (int k = 0; k < 150; ++k)
        {
            lan.SendAt(Seconds(1), 0, 1, 1000);
        }
        Simulator::Run();
        delivered.push_back(lan.arrivals.size());
        Simulator::Destroy();
    }
    CHECK(delivered[0] == 101); // one on the wire, 100 queued
    CHECK(delivered[1] == delivered[0]);
    // Without flow control the queue is made at the first send (a host that never
    // sends has none), unless the helper was given one: that one is used.
    Lan small(2, 64 * 1024, false, "10p");
    for (int k = 0; k < 150; ++k)
    {
        small.SendAt(Seconds(1), 0, 1, 1000);
    }
    Simulator::Run();
    CHECK(small.arrivals.size() == 11);
    Lan lazy(2, 64 * 1024, false);
    PointerValue queue;
    lazy.devices.Get(1)->GetAttribute("TxQueue", queue);
    REQUIRE(queue.Get<Queue<Packet>>());
    CHECK(queue.Get<Queue<Packet>>()->GetMaxSize() == QueueSize("100p"));
}

TEST_CASE("switched-ethernet: short payloads are padded to Ethernet's 46-byte minimum",
          "[switched-ethernet]")
{
    Ns3Fixture fixture;
    Lan lan(2);
    lan.SendAt(Seconds(1), 0, 1, 10);
    Simulator::Run();
    REQUIRE(lan.arrivals.size() == 1);
    CHECK(lan.arrivals[0].size == 46); // 60-byte frame less the 14-byte header
    // Padding is zeros (whatever memory held would make captures differ run to run).
    uint8_t bytes[46];
    lan.arrivals[0].packet->CopyData(bytes, 46);
    CHECK(std::all_of(bytes, bytes + 46, [](uint8_t b) { return b == 0; }));
    double expected = 2 * (WireUs(60) - kGapUs) + 2 * 0.5 + 10;
    CHECK((lan.arrivals[0].time - Seconds(1)).GetNanoSeconds() ==
          static_cast<int64_t>(expected * 1000));
}

TEST_CASE("switched-ethernet: the padding trailer writes zeros after the payload and knows "
          "its length from both ends",
          "[switched-ethernet]")
{
    // EthernetPaddingTrailer: the pad is written in place after the payload,
    // which stays as it was; ns-3's packet printing reads its length back from
    // the two ends of the area it occupies.
    const uint8_t payload[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    Ptr<Packet> p = Create<Packet>(payload, sizeof(payload));
    p->AddTrailer(EthernetPaddingTrailer(36));
    REQUIRE(p->GetSize() == 46);
    uint8_t bytes[46];
    p->CopyData(bytes, 46);
    CHECK(std::equal(payload, payload + 10, bytes));
    CHECK(std::all_of(bytes + 10, bytes + 46, [](uint8_t b) { return b == 0; }));
    Buffer buffer;
    buffer.AddAtEnd(36);
    EthernetPaddingTrailer read;
    CHECK(read.Deserialize(buffer.Begin(), buffer.End()) == 36);
    CHECK(read.GetSerializedSize() == 36);
    std::ostringstream text;
    read.Print(text);
    CHECK(text.str() == "pad 36 bytes");
}

TEST_CASE("switched-ethernet: a broadcast reaches every other station once, not the sender",
          "[switched-ethernet]")
{
    Ns3Fixture fixture;
    Lan lan(5);
    lan.SendAt(Seconds(1), 2, UINT32_MAX, 100);
    Simulator::Run();
    REQUIRE(lan.arrivals.size() == 4);
    std::vector<uint32_t> nodes;
    for (const auto& a : lan.arrivals)
    {
        CHECK(a.type == NetDevice::PACKET_BROADCAST);
        CHECK(a.time == lan.arrivals[0].time); // each port sends it at once
        nodes.push_back(a.node);
    }
    std::sort(nodes.begin(), nodes.end());
    CHECK(nodes == std::vector<uint32_t>{0, 1, 3, 4});
}

TEST_CASE("switched-ethernet: frames for one port queue behind each other, and a full "
          "port drops",
          "[switched-ethernet]")
{
    Ns3Fixture fixture;
    SECTION("two senders at once: the second leaves one wire time after the first")
    {
        Lan lan(3);
        lan.SendAt(Seconds(1), 1, 0, 1000);
        lan.SendAt(Seconds(1), 2, 0, 1000);
        Simulator::Run();
        REQUIRE(lan.arrivals.size() == 2);
        CHECK((lan.arrivals[1].time - lan.arrivals[0].time).GetNanoSeconds() ==
              static_cast<int64_t>(WireUs(1014) * 1000));
        CHECK(lan.channel->GetQueueDrops() == 0);
    }
    SECTION("four senders at once, room for one frame waiting: two delivered, two dropped")
    {
        // 3000 bytes: one 1038-byte wire frame in service leaves room for one more
        // (1038 + 1014 <= 3000), not for a third (2076 + 1014 > 3000).
        Lan lan(5, 3000);
        std::vector<uint32_t> dropPorts;
        lan.channel->TraceConnectWithoutContext(
            "Drop", MakeCallback(+[](std::vector<uint32_t>* v, Ptr<const Packet>, uint32_t port) {
                        v->push_back(port);
                    }).Bind(&dropPorts));
        for (uint32_t s = 1; s <= 4; ++s)
        {
            lan.SendAt(Seconds(1), s, 0, 1000);
        }
        Simulator::Run();
        CHECK(lan.arrivals.size() == 2);
        CHECK(lan.channel->GetQueueDrops() == 2);
        CHECK(dropPorts == std::vector<uint32_t>{0, 0});
    }
}

TEST_CASE("switched-ethernet: the work per frame does not grow with the number of hosts",
          "[switched-ethernet]")
{
    // One event to send, one in the switch, one delivery: the same on a 4-host LAN
    // and a 2,000-host LAN. The end of a frame on the wire costs no event of its
    // own (the device remembers it); only a frame that must wait for it gets one.
    // A broadcast costs one delivery per other host.
    for (uint32_t n : {4u, 2000u})
    {
        Ns3Fixture fixture;
        Lan lan(n);
        lan.SendAt(Seconds(1), 1, 2, 500);
        lan.SendAt(Seconds(2), 0, UINT32_MAX, 100);
        lan.SendAt(Seconds(3), 1, 2, 500); // two at once: the second waits
        lan.SendAt(Seconds(3), 1, 2, 500);
        Simulator::Stop(Seconds(0.5)); // the nodes' and devices' start-up events
        Simulator::Run();
        uint64_t start = Simulator::GetEventCount();
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        INFO("hosts: " << n);
        const uint64_t stop = 1; // Simulator::Stop is an event too
        CHECK(Simulator::GetEventCount() - start == 3 + stop);
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        CHECK(Simulator::GetEventCount() - start == 3 + stop + 2 + (n - 1) + stop);
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        CHECK(Simulator::GetEventCount() - start ==
              3 + stop + 2 + (n - 1) + stop + 2 * 3 + 1 + stop); // + 1: the wake-up
        // Back to back: the second starts when the first's wire time (its gap
        // included) has passed, so it arrives exactly one wire time later.
        REQUIRE(lan.arrivals.size() == 1 + (n - 1) + 2);
        const Arrival& first = lan.arrivals[lan.arrivals.size() - 2];
        const Arrival& second = lan.arrivals.back();
        CHECK((second.time - first.time).GetNanoSeconds() ==
              static_cast<int64_t>(WireUs(14 + 500) * 1000));
    }
}

namespace
{

/// n hosts with IPv4 on one switch; host 0 listens on UDP port 9.
struct IpLan
{
    NodeContainer nodes;
    NetDeviceContainer devices;
    Ipv4InterfaceContainer interfaces;
    std::vector<Time> received;
    std::vector<uint32_t> arpRequestsSeen;
    std::vector<uint32_t> framesSeen; //!< sent or received, per host

    IpLan(uint32_t n, const std::string& arpRequests, const std::string& resolution = "Arp")
        : arpRequestsSeen(n, 0)
        , framesSeen(n, 0)
    {
        nodes.Create(n);
        SwitchedEthernetHelper helper;
        helper.SetChannelAttribute("ArpRequests", StringValue(arpRequests));
        helper.SetChannelAttribute("AddressResolution", StringValue(resolution));
        devices = helper.Install(nodes);
        InternetStackHelper internet;
        internet.Install(nodes);
        internet.AssignStreams(nodes, 0); // the same ARP jitter in every run
        Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.0");
        interfaces = addresses.Assign(devices);
        for (uint32_t i = 0; i < n; ++i)
        {
            devices.Get(i)->TraceConnectWithoutContext(
                "MacRx", MakeCallback(+[](uint32_t* count, Ptr<const Packet> p) {
                             // An ARP packet's operation field: 1 = request.
                             uint8_t b[8];
                             p->CopyData(b, 8);
                             if (b[0] == 0 && b[1] == 1 && b[7] == 1)
                             {
                                 ++*count;
                             }
                         }).Bind(&arpRequestsSeen[i]));
            devices.Get(i)->TraceConnectWithoutContext(
                "Sniffer", MakeCallback(+[](uint32_t* count, Ptr<const Packet>) {
                               ++*count;
                           }).Bind(&framesSeen[i]));
        }
        Ptr<Socket> sink =
            Socket::CreateSocket(nodes.Get(0), TypeId::LookupByName("ns3::UdpSocketFactory"));
        sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9));
        sink->SetRecvCallback([this](Ptr<Socket> s) {
            while (s->Recv())
            {
                received.push_back(Simulator::Now());
            }
        });
        sinkSocket = sink;
    }

    void
    SendAt(Time t, uint32_t from, Ipv4Address dst = Ipv4Address::GetAny())
    {
        Ptr<Socket> s =
            Socket::CreateSocket(nodes.Get(from), TypeId::LookupByName("ns3::UdpSocketFactory"));
        if (dst == Ipv4Address::GetAny())
        {
            dst = interfaces.GetAddress(0);
        }
        else if (dst.IsSubnetDirectedBroadcast(Ipv4Mask("255.255.255.0")))
        {
            s->SetAllowBroadcast(true);
        }
        InetSocketAddress to(dst, 9);
        Simulator::Schedule(t, [s, to]() { s->SendTo(Create<Packet>(64), 0, to); });
        senders.push_back(s);
    }

    Ptr<Socket> sinkSocket;
    std::vector<Ptr<Socket>> senders;
};

} // namespace

TEST_CASE("switched-ethernet: ARP requests reach only their target with TargetOnly, with "
          "the same timing as flooding",
          "[switched-ethernet]")
{
    std::vector<Time> flooded;
    std::vector<uint32_t> floodSeen;
    {
        Ns3Fixture fixture;
        IpLan lan(5, "Flood");
        lan.SendAt(Seconds(1), 1);
        lan.SendAt(Seconds(2), 2);
        Simulator::Run();
        flooded = lan.received;
        floodSeen = lan.arpRequestsSeen;
    }
    Ns3Fixture fixture;
    IpLan lan(5, "TargetOnly");
    lan.SendAt(Seconds(1), 1);
    lan.SendAt(Seconds(2), 2);
    Simulator::Run();
    REQUIRE(flooded.size() == 2);
    CHECK(lan.received == flooded);
    // Flood: every request reaches every other host (hosts 3 and 4 see both).
    CHECK(floodSeen == std::vector<uint32_t>{2, 1, 1, 2, 2});
    // TargetOnly: the first request for 10.0.0.1 is flooded (the switch has not
    // seen that station yet); its reply teaches the switch, so the second goes to
    // host 0 alone.
    CHECK(lan.arpRequestsSeen == std::vector<uint32_t>{2, 0, 1, 1, 1});
}

TEST_CASE("switched-ethernet: captures are Ethernet frames, one record per frame",
          "[switched-ethernet]")
{
    Ns3Fixture fixture;
    std::string file = "switched-ethernet-test-capture.pcap";
    {
        NodeContainer nodes;
        nodes.Create(2);
        SwitchedEthernetHelper helper;
        NetDeviceContainer devices = helper.Install(nodes);
        helper.EnablePcap(file, devices.Get(1), false, true);
        Ptr<NetDevice> src = devices.Get(0);
        Address dst = devices.Get(1)->GetAddress();
        Simulator::Schedule(Seconds(1),
                            [src, dst]() { src->Send(Create<Packet>(10), dst, 0x0800); });
        Simulator::Schedule(Seconds(2),
                            [src, dst]() { src->Send(Create<Packet>(700), dst, 0x0800); });
        Simulator::Run();
        Simulator::Destroy(); // closes the capture
    }
    PcapFile pcap;
    pcap.Open(file, std::ios::in);
    REQUIRE_FALSE(pcap.Fail());
    CHECK(pcap.GetDataLinkType() == PcapHelper::DLT_EN10MB);
    uint8_t data[2000];
    uint32_t sec, usec, inclLen, origLen, readLen;
    std::vector<uint32_t> lengths;
    std::vector<uint32_t> seconds;
    for (;;)
    {
        pcap.Read(data, sizeof(data), sec, usec, inclLen, origLen, readLen);
        if (pcap.Eof() || pcap.Fail())
        {
            break;
        }
        lengths.push_back(origLen);
        seconds.push_back(sec);
        CHECK(data[12] == 0x08); // Ethernet II type 0x0800
        CHECK(data[13] == 0x00);
    }
    pcap.Close();
    std::remove(file.c_str());
    CHECK(lengths == std::vector<uint32_t>{60, 714});
    CHECK(seconds == std::vector<uint32_t>{1, 2});
}

TEST_CASE("switched-ethernet: static resolution sends IPv4 to the right station without ARP",
          "[switched-ethernet]")
{
    Ns3Fixture fixture;
    IpLan lan(5, "Flood", "Static");
    auto channel = DynamicCast<SwitchedEthernetChannel>(lan.devices.Get(0)->GetChannel());
    channel->SetGateway(DynamicCast<SwitchedEthernetNetDevice>(lan.devices.Get(4)));
    Ptr<Ipv4StaticRouting> routes =
        Ipv4StaticRoutingHelper().GetStaticRouting(lan.nodes.Get(1)->GetObject<Ipv4>());
    routes->SetDefaultRoute(lan.interfaces.GetAddress(4), 1);
    std::vector<uint32_t> dropped(5, 0);
    for (uint32_t i = 0; i < 5; ++i)
    {
        lan.devices.Get(i)->TraceConnectWithoutContext(
            "MacTxDrop",
            MakeCallback(+[](uint32_t* count, Ptr<const Packet>) { ++*count; }).Bind(&dropped[i]));
    }
    lan.SendAt(Seconds(1), 1);                             // to host 0, on the LAN
    lan.SendAt(Seconds(2), 2, Ipv4Address("10.0.0.77"));   // nobody has it
    lan.SendAt(Seconds(3), 1, Ipv4Address("192.168.1.1")); // off-link: the gateway
    lan.SendAt(Seconds(4), 3, Ipv4Address("10.0.0.255"));  // subnet broadcast
    Simulator::Run();
    // No ARP: the first datagram leaves at once and arrives one store-and-forward
    // transfer later (64 + 8 UDP + 20 IP = 92-byte payload, 106-byte frame).
    REQUIRE(lan.received.size() == 2); // the unicast and the broadcast
    double transferUs = 2 * (WireUs(106) - kGapUs) + 2 * 0.5 + 10;
    CHECK((lan.received[0] - Seconds(1)).GetNanoSeconds() ==
          static_cast<int64_t>(transferUs * 1000));
    CHECK(lan.received[1] > Seconds(4));
    for (uint32_t i = 0; i < 5; ++i)
    {
        CHECK(lan.arpRequestsSeen[i] == 0);
    }
    CHECK(dropped == std::vector<uint32_t>{0, 0, 1, 0, 0}); // 10.0.0.77 unresolved
    // Frames per host (sent or received): host 0 got the unicast and the
    // broadcast; host 1 sent two and got the broadcast; host 2 got the broadcast
    // (its own datagram was not sent); host 3 sent the broadcast; host 4, the
    // gateway, got the off-link datagram and the broadcast.
    CHECK(lan.framesSeen == std::vector<uint32_t>{2, 3, 1, 1, 2});
}

TEST_CASE("switched-ethernet: frames join an output queue in the order they arrive, not "
          "the order they started",
          "[switched-ethernet]")
{
    // Host 1 starts a 1500-byte frame; 10 us later host 2 starts a 46-byte one.
    // The short one is in the switch long before the long one (store and
    // forward), so it leaves first and nothing waits behind a frame not yet in.
    Ns3Fixture fixture;
    Lan lan(3, 3000);
    lan.SendAt(Seconds(1), 1, 0, 1500);
    lan.SendAt(Seconds(1) + MicroSeconds(10), 2, 0, 46);
    Simulator::Run();
    REQUIRE(lan.arrivals.size() == 2);
    CHECK(lan.arrivals[0].size == 46);
    CHECK(lan.arrivals[1].size == 1500);
    double shortUs = 10 + 2 * (WireUs(60) - kGapUs) + 2 * 0.5 + 10;
    CHECK((lan.arrivals[0].time - Seconds(1)).GetNanoSeconds() ==
          static_cast<int64_t>(shortUs * 1000));
    CHECK(lan.channel->GetQueueDrops() == 0);
}
