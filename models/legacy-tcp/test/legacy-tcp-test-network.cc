#include "legacy-tcp-test-network.h"

#include "legacy-tcp-socket-factory.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <sstream>

using namespace ns3;

namespace retrotcp
{
namespace test
{

TestNetwork::TestNetwork(const LegacyTcpStackHelper& clientStack,
                         const LegacyTcpStackHelper& serverStack, bool legacyClient,
                         bool legacyServer, Time delay)
{
    nodes.Create(2);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    p2p.SetChannelAttribute("Delay", TimeValue(delay));
    devices = p2p.Install(nodes);
    InternetStackHelper internet;
    internet.Install(nodes);
    Ipv4AddressHelper ipv4;
    ipv4.SetBase("10.1.1.0", "255.255.255.0");
    Ipv4InterfaceContainer ifaces = ipv4.Assign(devices);
    address[0] = ifaces.GetAddress(0);
    address[1] = ifaces.GetAddress(1);
    const LegacyTcpStackHelper* helpers[2] = {&clientStack, &serverStack};
    bool legacy[2] = {legacyClient, legacyServer};
    for (uint32_t i = 0; i < 2; ++i)
    {
        if (legacy[i])
        {
            tcp[i] = helpers[i]->Install(nodes.Get(i));
            tcp[i]->TraceConnectWithoutContext(
                "ConnectionEvent", Callback<void, const LegacyTcpEvent&>(
                                       [this, i](const LegacyTcpEvent& ev) { Record(i, ev); }));
        }
    }
    wire.Attach(devices.Get(0), "client");
    wire.Attach(devices.Get(1), "server");
}

Ptr<LegacyTcpSocket>
TestNetwork::NewSocket(uint32_t node)
{
    return DynamicCast<LegacyTcpSocket>(tcp[node]->CreateSocket());
}

InetSocketAddress
TestNetwork::Server(uint16_t port) const
{
    return InetSocketAddress(address[1], port);
}

Ptr<WireDropModel>
TestNetwork::DropAt(uint32_t node, WireDropModel::Predicate pred)
{
    Ptr<WireDropModel> model = CreateObject<WireDropModel>();
    model->SetPredicate(std::move(pred));
    devices.Get(node)->SetAttribute("ReceiveErrorModel", PointerValue(model));
    return model;
}

void
TestNetwork::Record(uint32_t node, const LegacyTcpEvent& ev)
{
    events[node].push_back(TimedEvent{Simulator::Now(), ev});
}

std::vector<TimedEvent>
TestNetwork::Events(uint32_t node, ns3::LegacyTcpEventType type) const
{
    std::vector<TimedEvent> out;
    for (const auto& e : events[node])
    {
        if (e.ev.type == type)
        {
            out.push_back(e);
        }
    }
    return out;
}

std::string
TestNetwork::DumpEvents(uint32_t node) const
{
    std::ostringstream os;
    for (const auto& e : events[node])
    {
        os << e.time.GetSeconds() << " " << LegacyTcpEventName(e.ev.type)
           << " id=" << e.ev.connectionId << " " << e.ev.localPort << "->" << e.ev.remotePort << " "
           << LegacyTcpEventDetail(e.ev) << "\n";
    }
    return os.str();
}

void
TestServer::Start(Ptr<Socket> socket, uint16_t port)
{
    listener = socket;
    listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), port));
    listener->Listen();
    listener->SetAcceptCallback(
        Callback<bool, Ptr<Socket>, const Address&>(
            [](Ptr<Socket>, const Address&) { return true; }),
        Callback<void, Ptr<Socket>, const Address&>([this](Ptr<Socket> s, const Address&) {
            accepted.push_back(s);
            s->SetRecvCallback(Callback<void, Ptr<Socket>>([this](Ptr<Socket> c) {
                if (read)
                {
                    Drain(c);
                }
            }));
        }));
    // Accepted connections inherit the listener's close callbacks.
    listener->SetCloseCallbacks(
        Callback<void, Ptr<Socket>>([this](Ptr<Socket> s) {
            ++normalCloses;
            if (read)
            {
                Drain(s);
            }
            if (closeOnPeerClose)
            {
                s->Close();
            }
        }),
        Callback<void, Ptr<Socket>>([this](Ptr<Socket>) { ++errorCloses; }));
}

void
TestServer::Drain(Ptr<Socket> s)
{
    while (Ptr<Packet> p = s->Recv())
    {
        if (p->GetSize() == 0)
        {
            break;
        }
        received += p->GetSize();
        if (keepData)
        {
            std::vector<uint8_t> buf(p->GetSize());
            p->CopyData(buf.data(), buf.size());
            data.insert(data.end(), buf.begin(), buf.end());
        }
    }
}

void
ConnectProbe::Watch(Ptr<Socket> socket)
{
    socket->SetConnectCallback(Callback<void, Ptr<Socket>>([this](Ptr<Socket>) {
                                   succeeded = true;
                                   when = Simulator::Now();
                               }),
                               Callback<void, Ptr<Socket>>([this](Ptr<Socket>) {
                                   failed = true;
                                   when = Simulator::Now();
                               }));
    socket->SetCloseCallbacks(Callback<void, Ptr<Socket>>([this](Ptr<Socket>) {
                                  normalClose = true;
                                  closeTime = Simulator::Now();
                              }),
                              Callback<void, Ptr<Socket>>([this](Ptr<Socket>) {
                                  errorClose = true;
                                  closeTime = Simulator::Now();
                              }));
    socket->SetRecvCallback(Callback<void, Ptr<Socket>>([this](Ptr<Socket> s) {
        while (Ptr<Packet> p = s->Recv())
        {
            if (p->GetSize() == 0)
            {
                break;
            }
            received += p->GetSize();
        }
    }));
}

} // namespace test
} // namespace retrotcp
