#ifndef LEGACY_TCP_TEST_NETWORK_H
#define LEGACY_TCP_TEST_NETWORK_H

#include "legacy-tcp-event.h"
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-socket.h"
#include "legacy-tcp-stack-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/point-to-point-net-device.h"
#include "wire-log.h"

#include <string>
#include <vector>

namespace retrotcp
{
namespace test
{

/// A ConnectionEvent with its time.
struct TimedEvent
{
    ns3::Time time;         //!< when
    ns3::LegacyTcpEvent ev; //!< what
};

/**
 * \brief Two hosts on a 1 Gb/s point-to-point link with 5 ms delay (RTT 10 ms,
 * no ARP): "client" 10.1.1.1 and "server" 10.1.1.2. Each host gets a legacy stack
 * from its helper, or keeps ns-3's stock TCP if legacy is false. The wire log
 * captures both directions; events are recorded per host.
 */
class TestNetwork
{
  public:
    TestNetwork(const ns3::LegacyTcpStackHelper& clientStack,
                const ns3::LegacyTcpStackHelper& serverStack, bool legacyClient = true,
                bool legacyServer = true, ns3::Time delay = ns3::MilliSeconds(5));

    /** \return a new legacy socket on the client (0) or server (1) */
    ns3::Ptr<ns3::LegacyTcpSocket> NewSocket(uint32_t node);
    /** \return the server's address and a port */
    ns3::InetSocketAddress Server(uint16_t port) const;
    /** \brief Drop segments arriving at a host. \param node 0/1 \param pred which */
    ns3::Ptr<WireDropModel> DropAt(uint32_t node, WireDropModel::Predicate pred);
    /** \return the events of a host of one type */
    std::vector<TimedEvent> Events(uint32_t node, ns3::LegacyTcpEventType type) const;
    /** \return all events of a host, one a line */
    std::string DumpEvents(uint32_t node) const;

    ns3::NodeContainer nodes;                  //!< client, server
    ns3::NetDeviceContainer devices;           //!< their devices
    ns3::Ptr<ns3::LegacyTcpL4Protocol> tcp[2]; //!< legacy stacks (null if stock)
    ns3::Ipv4Address address[2];               //!< addresses
    WireLog wire;                              //!< "client" / "server" transmissions
    std::vector<TimedEvent> events[2];         //!< per host

  private:
    void Record(uint32_t node, const ns3::LegacyTcpEvent& ev);
};

/// Records a socket's connect outcome.
struct ConnectProbe
{
    bool succeeded{false};   //!< ConnectionSucceeded fired
    bool failed{false};      //!< ConnectionFailed fired
    ns3::Time when;          //!< when it fired
    bool normalClose{false}; //!< NormalClose fired
    bool errorClose{false};  //!< ErrorClose fired
    ns3::Time closeTime;     //!< when a close callback fired
    uint32_t received{0};    //!< bytes read by the recv callback

    /** \brief Hook the socket's callbacks (reads all data on arrival). */
    void Watch(ns3::Ptr<ns3::Socket> socket);
};

/**
 * \brief A minimal server on any ns-3 stream socket: accepts everything, reads
 * (or not) what arrives, and closes when the peer closes (if asked to).
 */
struct TestServer
{
    ns3::Ptr<ns3::Socket> listener;              //!< listening socket
    std::vector<ns3::Ptr<ns3::Socket>> accepted; //!< accepted connections
    bool read{true};                             //!< drain data on arrival
    bool closeOnPeerClose{true};                 //!< Close() on NormalClose
    uint32_t received{0};                        //!< bytes read
    std::vector<uint8_t> data;                   //!< bytes read (if keepData)
    bool keepData{false};                        //!< keep the bytes
    uint32_t normalCloses{0};                    //!< NormalClose callbacks
    uint32_t errorCloses{0};                     //!< ErrorClose callbacks

    /** \brief Bind, listen and hook callbacks. \param socket a fresh socket \param port port */
    void Start(ns3::Ptr<ns3::Socket> socket, uint16_t port);
    /** \brief Read what is there. \param s a connection */
    void Drain(ns3::Ptr<ns3::Socket> s);
};

} // namespace test
} // namespace retrotcp

#endif
