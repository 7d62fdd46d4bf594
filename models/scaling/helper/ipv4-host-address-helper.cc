#include "ipv4-host-address-helper.h"

#include "ns3/abort.h"
#include "ns3/ipv4-interface-address.h"
#include "ns3/ipv4.h"
#include "ns3/node.h"

namespace ns3
{

Ipv4HostAddressHelper::Ipv4HostAddressHelper(Ipv4Address network, Ipv4Mask mask, Ipv4Address base)
{
    SetBase(network, mask, base);
}

void
Ipv4HostAddressHelper::SetBase(Ipv4Address network, Ipv4Mask mask, Ipv4Address base)
{
    m_addresses.SetBase(network, mask, base);
    m_mask = mask;
}

Ipv4Address
Ipv4HostAddressHelper::NewNetwork()
{
    return m_addresses.NewNetwork();
}

Ipv4InterfaceContainer
Ipv4HostAddressHelper::Assign(const NetDeviceContainer& devices)
{
    // Ipv4AddressHelper::Assign (ns-3.37) without its TrafficControlHelper::Default().
    Ipv4InterfaceContainer interfaces;
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        Ptr<NetDevice> device = devices.Get(i);
        Ptr<Ipv4> ipv4 = device->GetNode()->GetObject<Ipv4>();
        NS_ABORT_MSG_UNLESS(ipv4, "node " << device->GetNode()->GetId() << " has no IPv4");
        int32_t interface = ipv4->GetInterfaceForDevice(device);
        if (interface == -1)
        {
            interface = ipv4->AddInterface(device);
        }
        ipv4->AddAddress(interface, Ipv4InterfaceAddress(m_addresses.NewAddress(), m_mask));
        ipv4->SetMetric(interface, 1);
        ipv4->SetUp(interface);
        interfaces.Add(ipv4, interface);
    }
    return interfaces;
}

} // namespace ns3
