#include "switched-ethernet-helper.h"

#include "ns3/log.h"
#include "ns3/net-device-queue-interface.h"
#include "switched-ethernet-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SwitchedEthernetHelper");

SwitchedEthernetHelper::SwitchedEthernetHelper()
{
    m_queueFactory.SetTypeId("ns3::DropTailQueue<Packet>");
    m_deviceFactory.SetTypeId("ns3::SwitchedEthernetNetDevice");
    m_channelFactory.SetTypeId("ns3::SwitchedEthernetChannel");
}

void
SwitchedEthernetHelper::SetDeviceAttribute(std::string n, const AttributeValue& v)
{
    m_deviceFactory.Set(n, v);
}

void
SwitchedEthernetHelper::SetChannelAttribute(std::string n, const AttributeValue& v)
{
    m_channelFactory.Set(n, v);
}

void
SwitchedEthernetHelper::SetFlowControl(bool enable)
{
    m_flowControl = enable;
}

NetDeviceContainer
SwitchedEthernetHelper::Install(const NodeContainer& nodes) const
{
    return Install(nodes, m_channelFactory.Create<SwitchedEthernetChannel>());
}

NetDeviceContainer
SwitchedEthernetHelper::Install(const NodeContainer& nodes,
                                Ptr<SwitchedEthernetChannel> channel) const
{
    NetDeviceContainer devices;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<SwitchedEthernetNetDevice> device = m_deviceFactory.Create<SwitchedEthernetNetDevice>();
        device->SetAddress(Mac48Address::Allocate());
        (*it)->AddDevice(device);
        if (m_queueSet || m_flowControl)
        {
            device->SetQueue(m_queueFactory.Create<Queue<Packet>>());
        }
        if (m_flowControl)
        {
            Ptr<Queue<Packet>> queue = device->GetQueue();
            // Flow control for a queue disc above the device, as ns-3's devices do.
            Ptr<NetDeviceQueueInterface> ndqi = CreateObject<NetDeviceQueueInterface>();
            ndqi->GetTxQueue(0)->ConnectQueueTraces(queue);
            device->AggregateObject(ndqi);
        }
        device->Attach(channel);
        devices.Add(device);
    }
    return devices;
}

void
SwitchedEthernetHelper::EnablePcapInternal(std::string prefix, Ptr<NetDevice> nd, bool promiscuous,
                                           bool explicitFilename)
{
    Ptr<SwitchedEthernetNetDevice> device = nd->GetObject<SwitchedEthernetNetDevice>();
    if (!device)
    {
        NS_LOG_INFO("not a SwitchedEthernetNetDevice: no capture for " << nd);
        return;
    }
    PcapHelper pcapHelper;
    std::string filename =
        explicitFilename ? prefix : pcapHelper.GetFilenameFromDevice(prefix, device);
    Ptr<PcapFileWrapper> file =
        pcapHelper.CreateFile(filename, std::ios::out, PcapHelper::DLT_EN10MB);
    pcapHelper.HookDefaultSink<SwitchedEthernetNetDevice>(
        device, promiscuous ? "PromiscSniffer" : "Sniffer", file);
}

} // namespace ns3
