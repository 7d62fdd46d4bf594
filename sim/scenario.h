#ifndef RETROTCP_SCENARIO_H
#define RETROTCP_SCENARIO_H

#include "crafted-segment.h"
#include "distribution-spec.h"
#include "host-packet-filter.h"
#include "lanman-app-spec.h"
#include "ns3/nstime.h"
#include "outage-spec.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace retrotcp
{

/// An Ethernet LAN: one shared CSMA segment, or one link per host to a switch.
struct LanSpec
{
    std::string name;               //!< unique name, referenced by hosts and WAN links
    uint64_t dataRateBps{10000000}; //!< channel data rate (switched: each host link)
    ns3::Time delay;                //!< propagation delay (switched: each host link)
    bool switched{false};           //!< "type": "switched" (else "shared")
    ns3::Time forwardingLatency;    //!< switched: the switch's forwarding latency
    bool arpTargetOnly{false};      //!< switched: "arp_requests": "target-only"
    bool staticResolution{false};   //!< "address_resolution": "static" (static ARP tables)
};

/// A point-to-point WAN link between the routers of two LANs.
struct WanLinkSpec
{
    std::string name;              //!< unique name
    std::string lanA;              //!< one end
    std::string lanB;              //!< the other end
    uint64_t dataRateBps{1544000}; //!< link data rate (each direction)
    ns3::Time delay;               //!< one-way propagation delay
    double loss{0};                //!< packet loss probability on receive, each direction
    OutageWindows outages;         //!< "outages": down windows, both directions
};

/// A host's TCP/IP stack: a named profile plus per-host parameter overrides.
struct StackSpec
{
    std::string profile{"ns3-stock"}; //!< profile name (retrotcp profiles)
    std::map<std::string, std::string>
        parameters; //!< attribute -> value text (registry names translated)
    /// NBSESSIONS of a lanman profile (0 = not lanman)
    uint32_t nbSessions{0};
};

/// connect() calls on a schedule (ConnectorApplication).
struct ConnectAppSpec
{
    std::string remote;                  //!< host name to connect to
    uint16_t port{0};                    //!< port to connect to
    ns3::Time start;                     //!< first call
    uint32_t count{1};                   //!< number of calls
    ns3::Time interval{ns3::Seconds(1)}; //!< time between call starts
    uint32_t sendBytes{0};               //!< request size
    uint32_t receiveBytes{0};            //!< response size awaited before closing
    ns3::Time hold;                      //!< time held open after the exchange
    uint16_t portLast{0};                //!< port_range end (scan), 0 = the one port
    bool sequential{false};              //!< next call starts interval after an outcome
    bool loop{false};                    //!< next call starts think_time after a call ends
    ns3::Time thinkTime;                 //!< loop: pause between two calls
    uint16_t localPortFirst{0};          //!< own local port range; 0 = the stack's
    uint16_t localPortLast{0};           //!< its end
    ns3::Time connectDeadline;           //!< abandon a call after this; 0 = never
    bool untilConnected{false};          //!< polling: stop once a call connects
    ns3::Time giveUpAfter;               //!< no call starts after start + this; 0 = never
    bool receiveUntilClose{false};       //!< "receive_bytes": "until_close"
    // Random workloads: a distribution replaces the constant above when given.
    std::optional<DistributionSpec> startDraw;     //!< "start", one draw per host
    std::optional<DistributionSpec> intervalDraw;  //!< "interval", one draw per gap
    std::optional<DistributionSpec> thinkTimeDraw; //!< "think_time", one draw per pause
    std::optional<DistributionSpec> holdDraw;      //!< "hold", one draw per call
    std::optional<DistributionSpec> sendBytesDraw; //!< "send_bytes", one draw per call
};

/// One up window of a service: the listener opens at up and closes at down.
struct ServiceWindow
{
    ns3::Time up;       //!< listener opens
    ns3::Time down{-1}; //!< listener closes; -1 = at the end of the run
};

/// A listening TCP service (ServiceApplication).
struct ServiceAppSpec
{
    uint16_t port{0};               //!< listening port
    ns3::Time start;                //!< listener opens
    ns3::Time stop{-1};             //!< listener closes; -1 = at the end of the run
    uint32_t requestBytes{0};       //!< request size that triggers a response
    uint32_t responseBytes{0};      //!< response size
    bool closeAfterResponse{false}; //!< server closes first
    /// "response_bytes" as a distribution: one draw per response
    std::optional<DistributionSpec> responseBytesDraw;

    std::vector<ServiceWindow> windows; //!< from "schedule", else one {start, stop}
};

/// A probe of scripted TCP segments (CraftedSegmentApplication).
struct CraftedAppSpec
{
    std::string target;                        //!< host the segments go to
    uint16_t port{0};                          //!< its port
    std::string as;                            //!< host to speak as; "" = this host
    uint16_t sourcePort{20000};                //!< this host's port (without "as")
    ns3::Time start;                           //!< when the script's clock starts
    std::vector<ns3::CraftedSegment> segments; //!< the script
};

/// One application on a host.
struct AppSpec
{
    std::string type;       //!< "connect" or "service"
    std::string path;       //!< JSON pointer of its definition, for messages
    ConnectAppSpec connect; //!< when type == "connect"
    ServiceAppSpec service; //!< when type == "service"
    /// when type == "lanman-redirector"
    LanmanRedirectorSpec lanmanRedirector;
    /// when type == "lanman-server"
    LanmanServerSpec lanmanServer;
    /// when type == "crafted"
    CraftedAppSpec crafted;
};

/// A host, or a group of identical hosts.
struct HostSpec
{
    std::string name;                          //!< host name, or group name when count > 1
    uint32_t count{1};                         //!< group size; members are NAME-1 .. NAME-COUNT
    std::string lan;                           //!< LAN it is attached to
    std::string role{"client"};                //!< client, server, workstation, ...
    StackSpec stack;                           //!< its TCP/IP stack
    std::vector<AppSpec> applications;         //!< what it runs
    std::vector<ns3::PacketFilterRule> filter; //!< its packet filter, first match wins
    OutageWindows power;                       //!< "power": windows switched off
    std::string path;                          //!< JSON pointer of its definition

    /// Name of member \p i (0-based) of this group.
    std::string MemberName(uint32_t i) const;
};

/// A whole scenario, validated.
struct Scenario
{
    std::string file;        //!< where it was loaded from
    std::string name;        //!< also the default result folder name
    std::string description; //!< what it shows and its expected outcome
    uint32_t seed{1};        //!< ns-3 RNG seed
    ns3::Time duration;      //!< simulated time
    std::vector<LanSpec> lans;
    std::vector<WanLinkSpec> wanLinks;
    std::vector<HostSpec> hosts;
    std::vector<std::string> overrides; //!< --set PATH=VALUE applied, in order

    /// The LAN called \p name, or nullptr.
    const LanSpec* FindLan(const std::string& name) const;
    /// The host group called \p name, or nullptr.
    const HostSpec* FindHost(const std::string& name) const;
};

} // namespace retrotcp

#endif
