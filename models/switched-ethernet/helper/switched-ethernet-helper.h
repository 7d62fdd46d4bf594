#ifndef RETROTCP_SWITCHED_ETHERNET_HELPER_H
#define RETROTCP_SWITCHED_ETHERNET_HELPER_H

#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/queue.h"
#include "ns3/trace-helper.h"
#include "switched-ethernet-channel.h"

#include <string>

namespace ns3
{

/**
 * \brief Builds switched Ethernet LANs: one SwitchedEthernetChannel (the switch)
 * and one SwitchedEthernetNetDevice per node, each with a MAC address from
 * Mac48Address::Allocate() and a transmit queue. Captures are Ethernet
 * (DLT_EN10MB), one file per device.
 */
class SwitchedEthernetHelper : public PcapHelperForDevice
{
  public:
    SwitchedEthernetHelper();

    /**
     * \brief The transmit queue type and its attributes (default DropTailQueue,
     * 100 packets, as ns-3's own devices). Without this call (and without flow
     * control), each device makes its default queue at its first send.
     * \param type a Queue<Packet> type name
     * \param args attribute name / value pairs
     */
    template<typename... Ts> void SetQueue(std::string type, Ts&&... args);
    /** \brief Set an attribute of every device created. \param n name \param v value */
    void SetDeviceAttribute(std::string n, const AttributeValue& v);
    /** \brief Set an attribute of every switch created. \param n name \param v value */
    void SetChannelAttribute(std::string n, const AttributeValue& v);
    /**
     * \brief Whether each device gets a NetDeviceQueueInterface, through which a
     * queue disc above it is stopped and woken as its transmit queue fills and
     * drains (default true, as ns-3's own devices). Without a queue disc it does
     * nothing (a full queue drops the frame either way) and costs about 1.5 kB a
     * device: hosts that never get one can go without. \param enable on or off
     */
    void SetFlowControl(bool enable);

    /**
     * \brief One switch, one device per node.
     * \param nodes the nodes, in port order
     * \return their devices, in the same order
     */
    NetDeviceContainer Install(const NodeContainer& nodes) const;
    /**
     * \brief Add nodes to an existing switch.
     * \param nodes the nodes
     * \param channel the switch
     * \return their devices
     */
    NetDeviceContainer Install(const NodeContainer& nodes,
                               Ptr<SwitchedEthernetChannel> channel) const;

  private:
    void EnablePcapInternal(std::string prefix, Ptr<NetDevice> nd, bool promiscuous,
                            bool explicitFilename) override;

    ObjectFactory m_queueFactory;
    ObjectFactory m_deviceFactory;
    ObjectFactory m_channelFactory;
    bool m_flowControl{true}; //!< SetFlowControl
    bool m_queueSet{false};   //!< SetQueue was called
};

template<typename... Ts>
void
SwitchedEthernetHelper::SetQueue(std::string type, Ts&&... args)
{
    QueueBase::AppendItemTypeIfNotPresent(type, "Packet");
    m_queueFactory.SetTypeId(type);
    m_queueFactory.Set(std::forward<Ts>(args)...);
    m_queueSet = true;
}

} // namespace ns3

#endif
