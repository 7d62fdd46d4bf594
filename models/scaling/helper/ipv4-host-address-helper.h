#ifndef RETROTCP_IPV4_HOST_ADDRESS_HELPER_H
#define RETROTCP_IPV4_HOST_ADDRESS_HELPER_H

#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-interface-container.h"
#include "ns3/net-device-container.h"

namespace ns3
{

/**
 * \brief Numbers interfaces as Ipv4AddressHelper does, without installing a queue
 * disc.
 *
 * Ipv4AddressHelper::Assign also installs ns-3's default queue disc (FqCoDel) on
 * every device, which a 1990s host did not have, which keeps state for every flow
 * it has seen, and which then has to be uninstalled again (about 1.4 kB and a
 * tenth of a host's build time, per device). Interfaces, addresses, metrics and
 * the order of the calls are Ipv4AddressHelper's; packets go to the device queue.
 */
class Ipv4HostAddressHelper
{
  public:
    Ipv4HostAddressHelper() = default;
    /**
     * \brief Start numbering. \param network the first network \param mask its mask
     * \param base the first host number
     */
    Ipv4HostAddressHelper(Ipv4Address network, Ipv4Mask mask,
                          Ipv4Address base = Ipv4Address("0.0.0.1"));
    /**
     * \brief Start numbering again. \param network the first network \param mask
     * its mask \param base the first host number
     */
    void SetBase(Ipv4Address network, Ipv4Mask mask, Ipv4Address base = Ipv4Address("0.0.0.1"));
    /** \brief Go on in the next network. \return its number */
    Ipv4Address NewNetwork();
    /**
     * \brief Give each device an interface (if it has none) with the next address,
     * metric 1, up. \param devices devices of nodes with IPv4 \return the interfaces
     */
    Ipv4InterfaceContainer Assign(const NetDeviceContainer& devices);

  private:
    Ipv4AddressHelper m_addresses; //!< the numbering
    Ipv4Mask m_mask;               //!< the networks' mask
};

} // namespace ns3

#endif
