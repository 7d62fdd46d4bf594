#include "power-schedule.h"

#include "legacy-tcp-l4-protocol.h"
#include "ns3/arp-cache.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "outage-error-model.h"

#include <sstream>

namespace retrotcp
{

using namespace ns3;

namespace
{

void
SwitchOff(Ptr<Node> node, std::string host, bool keepArp, Ptr<ConnectionBook> book)
{
    Ptr<LegacyTcpL4Protocol> tcp = node->GetObject<LegacyTcpL4Protocol>();
    LegacyTcpL4Protocol::PowerOffLosses lost = tcp->PowerOff();
    if (!keepArp)
    {
        Ptr<Ipv4L3Protocol> ip = node->GetObject<Ipv4L3Protocol>();
        for (uint32_t i = 0; i < ip->GetNInterfaces(); ++i)
        {
            if (Ptr<ArpCache> cache = ip->GetInterface(i)->GetArpCache())
            {
                cache->Flush();
            }
        }
    }
    std::ostringstream detail;
    detail << "connections=" << lost.connections << " listeners=" << lost.listeners
           << " time_wait=" << lost.timeWait;
    book->Event(host, 0, "host_power_off", detail.str());
}

void
SwitchOn(Ptr<Node> node, std::string host, Ptr<ConnectionBook> book)
{
    node->GetObject<LegacyTcpL4Protocol>()->PowerOn();
    book->Event(host, 0, "host_power_on", "");
}

} // namespace

void
InstallPowerSchedule(const HostInstance& host, const LanSpec& lan, Ptr<ConnectionBook> book)
{
    const OutageWindows& off = host.spec->power;
    Ptr<OutageErrorModel> silence = CreateObject<OutageErrorModel>();
    for (const auto& w : off)
    {
        silence->AddWindow(w);
        Simulator::Schedule(w.down, &SwitchOff, host.node, host.name, lan.staticResolution, book);
        if (!w.up.IsNegative())
        {
            Simulator::Schedule(w.up, &SwitchOn, host.node, host.name, book);
        }
    }
    host.device->SetAttribute("ReceiveErrorModel", PointerValue(silence));
}

void
ScheduleLinkEvents(const Scenario& scenario, Ptr<ConnectionBook> book)
{
    for (const auto& link : scenario.wanLinks)
    {
        for (const auto& w : link.outages)
        {
            Simulator::Schedule(w.down, &ConnectionBook::Event, book, link.name, 0,
                                std::string("link_down"), std::string());
            if (!w.up.IsNegative())
            {
                Simulator::Schedule(w.up, &ConnectionBook::Event, book, link.name, 0,
                                    std::string("link_up"), std::string());
            }
        }
    }
}

} // namespace retrotcp
