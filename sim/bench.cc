#include "bench.h"

#include "app-reporters.h"
#include "connection-book.h"
#include "connector-helper.h"
#include "heap-usage.h"
#include "ipv4-hashed-routing-helper.h"
#include "ipv4-host-address-helper.h"
#include "ipv4-host-stack-helper.h"
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-socket-factory.h"
#include "legacy-tcp-stack-helper.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/global-value.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/names.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/uinteger.h"
#include "scheduler-choice.h"
#include "service-helper.h"
#include "switched-ethernet-helper.h"
#include "time-registry.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <iomanip>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace retrotcp
{

using namespace ns3;

namespace
{

// Serialise a result for the pipe from the child process.
std::string
Encode(const BenchResult& r)
{
    std::ostringstream out;
    out << std::setprecision(17) << r.stack << ' ' << r.network << ' ' << r.scheduler << ' '
        << r.clients << ' ' << r.connectionsPerClient << ' ' << r.idleHosts << ' ' << r.connections
        << ' ' << r.established << ' ' << r.timeWaitAtEnd << ' ' << r.simulatedSeconds << ' '
        << r.wallSeconds << ' ' << r.buildSeconds << ' ' << r.buildHeapBytes << ' '
        << r.eventsExecuted << ' ' << r.bytesPerConnection << ' ' << r.openAtEnd << ' '
        << r.holdSeconds << ' ' << r.allocator << ' ' << r.outcomes.size();
    for (const auto& [word, count] : r.outcomes)
    {
        out << ' ' << word << ' ' << count;
    }
    return out.str();
}

BenchResult
Decode(const std::string& text)
{
    std::istringstream in(text);
    BenchResult r;
    size_t n = 0;
    in >> r.stack >> r.network >> r.scheduler >> r.clients >> r.connectionsPerClient >>
        r.idleHosts >> r.connections >> r.established >> r.timeWaitAtEnd >> r.simulatedSeconds >>
        r.wallSeconds >> r.buildSeconds >> r.buildHeapBytes >> r.eventsExecuted >>
        r.bytesPerConnection >> r.openAtEnd >> r.holdSeconds >> r.allocator >> n;
    for (size_t i = 0; i < n; ++i)
    {
        std::string word;
        uint64_t count;
        in >> word >> count;
        r.outcomes[word] = count;
    }
    if (!in)
    {
        throw std::runtime_error("bench: malformed result from the child process");
    }
    return r;
}

// Addresses for the devices, without a queue disc: a 1990s host had none, and
// ns-3's default FqCoDel keeps state for every flow it has seen, for ever (about
// 4.5 kB each). The legacy hosts never get one (Ipv4HostAddressHelper); stock ns-3
// gets its default and has it taken off again, as a user of stock ns-3 would.
Ipv4InterfaceContainer
AssignAddresses(bool legacy, Ipv4Address network, Ipv4Mask mask, const NetDeviceContainer& devices)
{
    if (legacy)
    {
        return Ipv4HostAddressHelper(network, mask).Assign(devices);
    }
    Ipv4InterfaceContainer interfaces = Ipv4AddressHelper(network, mask).Assign(devices);
    TrafficControlHelper().Uninstall(devices);
    return interfaces;
}

// A point-to-point link (100 Mb/s, 1 ms) from the server to each client, a /30
// each from 10.0.0.0.
std::vector<Ipv4Address>
BuildStar(bool legacy, Ptr<Node> server, const NodeContainer& clients)
{
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("1ms"));
    std::vector<Ipv4Address> serverAddresses;
    for (uint32_t i = 0; i < clients.GetN(); ++i)
    {
        NetDeviceContainer link = p2p.Install(server, clients.Get(i));
        Ipv4Address network((10U << 24) + 4 * i);
        Ipv4InterfaceContainer ifs = AssignAddresses(legacy, network, "255.255.255.252", link);
        serverAddresses.push_back(ifs.GetAddress(0));
    }
    return serverAddresses;
}

// Every host on one switch, 100 Mb/s links of 0.5 ms (1 ms host to host, as the
// star), no forwarding latency, static address resolution (no ARP, as on the
// point-to-point links): one device per node whatever the number of clients. The
// server's link is 100 Gb/s, so that it is no bottleneck (the star gives the server
// a link per client): the two networks carry the same workload.
std::vector<Ipv4Address>
BuildSwitched(bool legacy, Ptr<Node> server, const NodeContainer& clients)
{
    SwitchedEthernetHelper switched;
    switched.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    switched.SetChannelAttribute("Delay", StringValue("500us"));
    switched.SetChannelAttribute("ForwardingLatency", StringValue("0s"));
    switched.SetChannelAttribute("AddressResolution", StringValue("Static"));
    // Stock ns-3 as its users build it; the legacy hosts never get a queue disc.
    switched.SetFlowControl(!legacy);
    NodeContainer all(server);
    all.Add(clients);
    NetDeviceContainer devices = switched.Install(all);
    devices.Get(0)->SetAttribute("DataRate", StringValue("100Gbps"));
    Ipv4InterfaceContainer ifs = AssignAddresses(legacy, "10.0.0.0", "255.0.0.0", devices);
    return std::vector<Ipv4Address>(clients.GetN(), ifs.GetAddress(0));
}

} // namespace

BenchResult
RunBenchStack(const BenchOptions& options, const std::string& stack)
{
    RngSeedManager::SetSeed(options.seed);
    RngSeedManager::SetRun(1);
    bool legacy = stack == "legacy";
    if (!legacy && stack != "stock")
    {
        throw std::invalid_argument("bench: unknown stack \"" + stack + "\" (legacy, stock)");
    }
    Config::SetDefault("ns3::TcpSocketBase::MaxSegLifetime", DoubleValue(options.msl.GetSeconds()));
    UseScheduler(options.scheduler);
    // Both stacks compute and verify checksums, as on a real wire (rule WIRE-CHECKSUM).
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(options.checksums));

    // Connections of one client start this far apart, so that all of them start
    // within 2 x MSL minus a margin and every closed client end is still in
    // TIME-WAIT when the run stops.
    const Time window = 2 * options.msl - Seconds(10);
    const Time interval =
        std::min(MilliSeconds(20), window / std::max<uint32_t>(1, options.connectionsPerClient));
    const Time clientStart = Seconds(1);
    const Time stop = clientStart + interval * options.connectionsPerClient + Seconds(5);

    // Everything from the first node to the last application is the build (for
    // both stacks without ns-3's registry of every Time made before the run).
    EndTimeRegistry();
    uint64_t heapAtStart = HeapInUse();
    auto buildStart = std::chrono::steady_clock::now();
    Ptr<Node> server = CreateObject<Node>();
    NodeContainer clients;
    clients.Create(options.clients);
    NodeContainer idle;
    idle.Create(options.idleHosts);
    NodeContainer others(clients, idle);
    NodeContainer all(server);
    all.Add(others);
    // Stock ns-3 as InternetStackHelper builds it; the legacy stack on the host
    // stack of the scenarios (IPv4 only, neither UDP nor ns-3's TCP).
    int64_t stream = 0;
    if (legacy)
    {
        Ipv4HostStackHelper hostStack;
        hostStack.SetRoutingHelper(Ipv4HashedRoutingHelper()); // every peer on the LAN
        hostStack.SetUdp(false);
        hostStack.SetTcp(false);
        hostStack.Install(all);
        stream += Ipv4HostStackHelper::AssignStreams(all, stream);
    }
    else
    {
        InternetStackHelper internet;
        internet.SetRoutingHelper(Ipv4HashedRoutingHelper::MakeListRouting());
        internet.Install(all);
        stream += internet.AssignStreams(all, stream);
    }
    TypeId factory = TcpSocketFactory::GetTypeId();
    if (legacy)
    {
        LegacyTcpStackHelper helper;
        helper.SetAttribute("Msl", TimeValue(options.msl));
        helper.SetAttribute("EphemeralPortMin", UintegerValue(1025));
        helper.SetAttribute("EphemeralPortMax", UintegerValue(65535));
        helper.Install(all);
        stream += helper.AssignStreams(all, stream);
        factory = LegacyTcpSocketFactory::GetTypeId();
    }

    Ptr<ConnectionBook> book = CreateObject<ConnectionBook>();
    std::vector<std::unique_ptr<ClientReporter>> reporters;
    // The idle hosts are on the network as the clients are (a port of the switch, or
    // a link of their own to the server), and run nothing.
    std::vector<Ipv4Address> serverAddresses = options.network == "switched"
                                                   ? BuildSwitched(legacy, server, others)
                                                   : BuildStar(legacy, server, others);

    ServiceHelper service(factory.GetName(), 139);
    service.SetAttribute("RequestBytes", UintegerValue(options.payload));
    service.SetAttribute("ResponseBytes", UintegerValue(options.payload));
    service.Install(server).Start(Seconds(0));
    ConnectorHelper connector(factory.GetName(), Address());
    connector.SetAttribute("Count", UintegerValue(options.connectionsPerClient));
    connector.SetAttribute("Interval", TimeValue(interval));
    connector.SetAttribute("SendBytes", UintegerValue(options.payload));
    connector.SetAttribute("ReceiveBytes", UintegerValue(options.payload));
    connector.SetAttribute("HoldTime", TimeValue(options.hold));
    for (uint32_t i = 0; i < options.clients; ++i)
    {
        connector.SetAttribute("Remote", AddressValue(InetSocketAddress(serverAddresses[i], 139)));
        // Stagger the clients over one interval so they do not all send at once.
        ApplicationContainer app = connector.Install(clients.Get(i));
        app.Start(clientStart + interval * i / options.clients);
        reporters.push_back(std::make_unique<ClientReporter>(
            book, "", "", clients.Get(i)->GetId(), [](Ipv4Address) { return std::string(); }));
        reporters.back()->Listen(app.Get(0));
    }
    BenchResult r;
    r.buildSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - buildStart).count();

    uint64_t heapBefore = HeapInUse();
    r.buildHeapBytes = heapBefore > heapAtStart ? heapBefore - heapAtStart : 0;
    Simulator::Stop(stop);
    auto wallStart = std::chrono::steady_clock::now();
    Simulator::Run();
    r.wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    r.stack = stack;
    r.clients = options.clients;
    r.connectionsPerClient = options.connectionsPerClient;
    r.idleHosts = options.idleHosts;
    r.holdSeconds = options.hold.GetSeconds();
    r.network = options.network;
    r.scheduler = options.scheduler;
    r.simulatedSeconds = Simulator::Now().GetSeconds();
    r.allocator = HeapAllocatorName();
    r.eventsExecuted = Simulator::GetEventCount();
    for (const auto& rec : book->GetRecords())
    {
        ++r.connections;
        ++r.outcomes[ConnectionOutcomeName(rec.outcome)];
        r.established += rec.outcome == ConnectionOutcome::Established;
    }
    if (legacy)
    {
        for (uint32_t i = 0; i < options.clients; ++i)
        {
            Ptr<LegacyTcpL4Protocol> tcp = clients.Get(i)->GetObject<LegacyTcpL4Protocol>();
            r.timeWaitAtEnd += tcp->GetTimeWaitCount();
            r.openAtEnd += tcp->GetConnectionCount();
        }
    }
    else
    {
        r.timeWaitAtEnd = r.established; // stock: every closed client end (not counted)
    }
    uint64_t heapAfter = HeapInUse();
    r.bytesPerConnection =
        r.connections ? double(heapAfter > heapBefore ? heapAfter - heapBefore : 0) / r.connections
                      : 0;
    Simulator::Destroy();
    return r;
}

std::vector<BenchResult>
RunBench(const BenchOptions& options, std::ostream& log)
{
    std::vector<BenchResult> results;
    for (const auto& stack : options.stacks)
    {
        log << "bench: " << stack << " stack, " << options.clients << " clients x "
            << options.connectionsPerClient << " connections ..." << std::flush;
        int fds[2];
        if (pipe(fds) != 0)
        {
            throw std::runtime_error("bench: pipe failed");
        }
        pid_t pid = fork();
        if (pid == 0)
        {
            close(fds[0]);
            int status = 0;
            try
            {
                std::string line = Encode(RunBenchStack(options, stack)) + "\n";
                if (write(fds[1], line.data(), line.size()) != static_cast<ssize_t>(line.size()))
                {
                    status = 1;
                }
            }
            catch (const std::exception& e)
            {
                std::string line = std::string("error ") + e.what() + "\n";
                (void)!write(fds[1], line.data(), line.size());
                status = 1;
            }
            close(fds[1]);
            _exit(status);
        }
        close(fds[1]);
        std::string text;
        char buffer[4096];
        ssize_t n;
        while ((n = read(fds[0], buffer, sizeof(buffer))) > 0)
        {
            text.append(buffer, n);
        }
        close(fds[0]);
        int status = 0;
        struct rusage usage;
        wait4(pid, &status, 0, &usage);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || text.rfind("error ", 0) == 0)
        {
            throw std::runtime_error("bench: the " + stack + " run failed: " + text);
        }
        BenchResult r = Decode(text);
        r.peakRssBytes = static_cast<uint64_t>(usage.ru_maxrss) * 1024;
        log << " " << std::fixed << std::setprecision(2) << r.wallSeconds << " s" << std::endl;
        results.push_back(r);
    }
    return results;
}

uint64_t
BenchResult::Hosts() const
{
    return 1 + uint64_t(clients) + idleHosts;
}

double
BenchResult::ConnectionsPerWallSecond() const
{
    return connections ? connections / std::max(wallSeconds, 1e-9) : 0;
}

double
SpeedRatioToStock(const std::vector<BenchResult>& results, const BenchResult& r)
{
    for (const auto& other : results)
    {
        if (other.stack == "stock" && other.ConnectionsPerWallSecond() > 0)
        {
            return r.ConnectionsPerWallSecond() / other.ConnectionsPerWallSecond();
        }
    }
    return 0;
}

void
PrintBenchTable(const std::vector<BenchResult>& results, std::ostream& out)
{
    out << std::left << std::setw(8) << "stack" << std::setw(10) << "network" << std::setw(10)
        << "scheduler" << std::right << std::setw(16) << "clients x conns" << std::setw(9)
        << "hosts" << std::setw(12) << "established" << std::setw(11) << "wall s" << std::setw(13)
        << "conn/wall-s" << std::setw(9) << "x stock" << std::setw(14) << "events/wall-s"
        << std::setw(12) << "events/conn" << std::setw(12) << "peak RSS MB" << std::setw(9)
        << "B/conn" << std::setw(9) << "build s" << std::setw(10) << "ms/host" << std::setw(9)
        << "B/host"
        << "\n";
    for (const auto& r : results)
    {
        std::ostringstream size;
        size << r.clients << " x " << r.connectionsPerClient;
        double wall = std::max(r.wallSeconds, 1e-9);
        double ratio = SpeedRatioToStock(results, r);
        std::ostringstream ratioText;
        if (ratio > 0)
        {
            ratioText << std::fixed << std::setprecision(2) << ratio;
        }
        else
        {
            ratioText << "-";
        }
        out << std::left << std::setw(8) << r.stack << std::setw(10) << r.network << std::setw(10)
            << r.scheduler << std::right << std::setw(16) << size.str() << std::setw(9) << r.Hosts()
            << std::setw(12) << r.established << std::fixed << std::setprecision(2) << std::setw(11)
            << r.wallSeconds << std::setprecision(0) << std::setw(13)
            << r.ConnectionsPerWallSecond() << std::setw(9) << ratioText.str() << std::setw(14)
            << r.eventsExecuted / wall << std::setprecision(1) << std::setw(12)
            << double(r.eventsExecuted) / std::max<uint64_t>(1, r.connections) << std::setw(12)
            << r.peakRssBytes / 1048576.0 << std::setprecision(0) << std::setw(9)
            << r.bytesPerConnection << std::setprecision(2) << std::setw(9) << r.buildSeconds
            << std::setprecision(4) << std::setw(10) << 1000 * r.buildSeconds / r.Hosts()
            << std::setprecision(0) << std::setw(9) << double(r.buildHeapBytes) / r.Hosts() << "\n";
    }
    if (!results.empty())
    {
        out << "B/conn and B/host: heap bytes as " << results.front().allocator
            << " counts them (glibc's count includes its chunk headers)\n";
    }
    for (const auto& r : results)
    {
        if (r.openAtEnd > 0)
        {
            out << r.stack << ": " << r.openAtEnd << " of " << r.established
                << " connections still open at the end (--hold): B/conn is what an open "
                   "connection costs, both ends and its record\n";
        }
    }
}

void
WriteBenchCsv(const std::vector<BenchResult>& results, std::ostream& out)
{
    out << "stack,network,scheduler,clients,connections_per_client,idle_hosts,hosts,connections,"
           "established,time_wait_at_end,simulated_s,wall_s,connections_per_wall_s,"
           "speed_ratio_to_stock,events_executed,events_per_wall_s,events_per_connection,"
           "peak_rss_bytes,heap_bytes_per_connection,build_s,build_ms_per_host,"
           "heap_bytes_per_host,hold_s,open_at_end,allocator\n";
    for (const auto& r : results)
    {
        double wall = std::max(r.wallSeconds, 1e-9);
        double ratio = SpeedRatioToStock(results, r);
        out << r.stack << ',' << r.network << ',' << r.scheduler << ',' << r.clients << ','
            << r.connectionsPerClient << ',' << r.idleHosts << ',' << r.Hosts() << ','
            << r.connections << ',' << r.established << ',' << r.timeWaitAtEnd << ','
            << std::setprecision(6) << r.simulatedSeconds << ',' << r.wallSeconds << ','
            << r.ConnectionsPerWallSecond() << ',';
        if (ratio > 0)
        {
            out << ratio;
        }
        out << ',' << r.eventsExecuted << ',' << r.eventsExecuted / wall << ','
            << double(r.eventsExecuted) / std::max<uint64_t>(1, r.connections) << ','
            << r.peakRssBytes << ',' << r.bytesPerConnection << ',' << r.buildSeconds << ','
            << 1000 * r.buildSeconds / r.Hosts() << ',' << double(r.buildHeapBytes) / r.Hosts()
            << ',' << r.holdSeconds << ',';
        if (r.stack == "legacy")
        {
            out << r.openAtEnd; // stock ns-3 does not count its open connections
        }
        out << ',' << r.allocator << '\n';
    }
}

} // namespace retrotcp
