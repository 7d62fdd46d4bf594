#include "runner.h"

#include "connection-registry.h"
#include "connector-application.h"
#include "event-log.h"
#include "interrupt.h"
#include "lanman-installer.h"
#include "legacy-event-forwarder.h"
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-socket-factory.h"
#include "legacy-tcp-stack-helper.h"
#include "memory-estimate.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/inet-socket-address.h"
#include "ns3/names.h"
#include "ns3/pointer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"
#include "pcap-capture.h"
#include "profile-registry.h"
#include "result-folder.h"
#include "scheduler-choice.h"
#include "service-application.h"
#include "topology.h"
#include "units.h"
#include "version.h"
#include "wire-tap.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <sys/resource.h>

namespace retrotcp
{

using namespace ns3;

namespace
{

const char* const kOutcomeWords[] = {"established", "refused", "timed_out", "no_tcb",
                                     "no_port",     "reset",   "failed",    "pending"};

// Sets a host's stock-TCP parameters on each socket it creates.
void
ConfigureStockSocket(const std::map<std::string, std::string>* parameters, Ptr<Socket> socket)
{
    for (const auto& [name, value] : *parameters)
    {
        socket->SetAttribute(name, StringValue(value));
    }
}

// Everything a run holds while it runs, so that the runner reads top to bottom.
class Run
{
  public:
    Run(const Scenario& scenario, const RunOptions& options, ResultFolder& folder,
        std::ostream& log)
        : m_scenario(scenario)
        , m_options(options)
        , m_folder(folder)
        , m_log(log)
        , m_eventsFile(options.eventsFile ? &folder.Create("events.csv") : nullptr)
        , m_events(m_eventsFile)
    {
    }

    RunResult Execute();

  private:
    void InstallHost(const HostInstance& host);
    void InstallLegacyStack(const HostInstance& host, const StackProfile& profile);
    void EnablePcap();
    void Simulate(RunResult& result);
    void CheckWrites() const;
    void WriteConnections(RunResult& result);
    void WriteSummary(const RunResult& result);

    const Scenario& m_scenario;
    const RunOptions& m_options;
    ResultFolder& m_folder;
    std::ostream& m_log;
    OutputFile* m_eventsFile;
    EventLog m_events;
    CommandsLog m_commands;                    //!< commands.csv (lanman-redirector)
    std::unique_ptr<LanmanInstaller> m_lanman; //!< lanman applications
    Topology m_topology;
    Ptr<ConnectionRegistry> m_registry;
    std::vector<std::unique_ptr<WireTap>> m_taps;
    std::vector<std::unique_ptr<LegacyEventForwarder>> m_forwarders;
    std::map<const HostSpec*, LegacyTcpStackHelper> m_stackHelpers; //!< one per legacy group
    int64_t m_nextStream{0};
    PcapCapture m_pcap;
};

void
Run::InstallHost(const HostInstance& host)
{
    const HostSpec& spec = *host.spec;
    const StackProfile* profile = FindProfile(spec.stack.profile);
    TypeId factory = TcpSocketFactory::GetTypeId();
    Callback<void, Ptr<Socket>> configure;
    if (profile->kind == StackKind::Stock)
    {
        m_taps.push_back(std::make_unique<WireTap>(host.node, host.name, m_registry));
        if (!spec.stack.parameters.empty())
        {
            configure = MakeBoundCallback(&ConfigureStockSocket, &spec.stack.parameters);
        }
    }
    else
    {
        InstallLegacyStack(host, *profile);
        factory = LegacyTcpSocketFactory::GetTypeId();
    }
    for (const auto& app : spec.applications)
    {
        if (app.type == "connect")
        {
            const ConnectAppSpec& c = app.connect;
            const HostInstance& remote = m_topology.Host(c.remote);
            Ptr<ConnectorApplication> a = CreateObject<ConnectorApplication>();
            a->SetAttribute("Remote", AddressValue(InetSocketAddress(remote.address, c.port)));
            a->SetAttribute("RemoteName", StringValue(remote.name));
            a->SetAttribute("Profile", StringValue(spec.stack.profile));
            a->SetAttribute("SocketFactory", TypeIdValue(factory));
            a->SetAttribute("Count", UintegerValue(c.count));
            a->SetAttribute("Interval", TimeValue(c.interval));
            a->SetAttribute("SendBytes", UintegerValue(c.sendBytes));
            a->SetAttribute("ReceiveBytes", UintegerValue(c.receiveBytes));
            a->SetAttribute("HoldTime", TimeValue(c.hold));
            a->SetAttribute("PortCount",
                            UintegerValue(c.portLast > 0 ? c.portLast - c.port + 1 : 1));
            a->SetAttribute("Sequential", BooleanValue(c.sequential));
            a->SetAttribute("UntilConnected", BooleanValue(c.untilConnected));
            a->SetAttribute("GiveUpAfter", TimeValue(c.giveUpAfter));
            a->SetAttribute("Registry", PointerValue(m_registry));
            a->SetSocketConfigurator(configure);
            host.node->AddApplication(a);
            a->SetStartTime(c.start);
            a->SetStopTime(m_scenario.duration);
        }
        else if (app.type == "service")
        {
            // One listener per up window of the service's schedule (issue 5): it
            // opens at "up" and closes at "down", so connects between windows are
            // refused.
            const ServiceAppSpec& s = app.service;
            for (const ServiceWindow& w : s.windows)
            {
                if (w.up >= m_scenario.duration)
                {
                    continue;
                }
                Ptr<ServiceApplication> a = CreateObject<ServiceApplication>();
                a->SetAttribute("Port", UintegerValue(s.port));
                a->SetAttribute("SocketFactory", TypeIdValue(factory));
                a->SetAttribute("RequestBytes", UintegerValue(s.requestBytes));
                a->SetAttribute("ResponseBytes", UintegerValue(s.responseBytes));
                a->SetAttribute("CloseAfterResponse", BooleanValue(s.closeAfterResponse));
                a->SetAttribute("Registry", PointerValue(m_registry));
                a->SetSocketConfigurator(configure);
                host.node->AddApplication(a);
                a->SetStartTime(w.up);
                a->SetStopTime(w.down >= Time(0) ? w.down : m_scenario.duration);
            }
        }
        else if (IsLanmanAppType(app.type))
        {
            m_lanman->Install(host, app, factory, configure, m_nextStream);
        }
    }
}

void
Run::InstallLegacyStack(const HostInstance& host, const StackProfile& profile)
{
    const HostSpec& spec = *host.spec;
    auto helper = m_stackHelpers.find(&spec);
    if (helper == m_stackHelpers.end())
    {
        // One preset per host group: the profile's values, then the group's own.
        LegacyTcpStackHelper preset;
        for (const auto& v : profile.values)
        {
            preset.SetAttribute(v.parameter, StringValue(v.value));
        }
        for (const auto& [name, value] : spec.stack.parameters)
        {
            preset.SetAttribute(name, StringValue(value));
        }
        helper = m_stackHelpers.emplace(&spec, preset).first;
    }
    Ptr<LegacyTcpL4Protocol> stack = helper->second.Install(host.node);
    m_nextStream += helper->second.AssignStreams(NodeContainer(host.node), m_nextStream);
    m_forwarders.push_back(std::make_unique<LegacyEventForwarder>(host.name, host.address,
                                                                  m_registry, host.node->GetId()));
    stack->TraceConnectWithoutContext(
        "ConnectionEvent", MakeCallback(&LegacyEventForwarder::Forward, m_forwarders.back().get()));
}

void
Run::EnablePcap()
{
    // One capture per host interface and router interface: pcap/NODE-IFINDEX.pcap.
    auto enable = [&](Ptr<NetDevice> device, const std::string& nodeName) {
        m_pcap.Add(m_folder,
                   "pcap/" + nodeName + "-" + std::to_string(device->GetIfIndex()) + ".pcap",
                   device);
    };
    for (const auto& h : m_topology.hosts)
    {
        enable(h.device, h.name);
    }
    for (const auto& d : m_topology.routerDevices)
    {
        enable(d, Names::FindName(d->GetNode()));
    }
}

void
Run::CheckWrites() const
{
    // A full disk stops the run at once, not after the whole simulation.
    if (m_eventsFile && m_eventsFile->Failed())
    {
        throw std::runtime_error(m_eventsFile->Error());
    }
    m_pcap.Check();
}

void
Run::Simulate(RunResult& result)
{
    // Run in fixed slices of simulated time (deterministic whatever --quiet says)
    // and report progress after a slice when a second of wall time has passed.
    const Time end = m_scenario.duration;
    const Time slice = std::max(end / 100, Time(1));
    auto wallStart = std::chrono::steady_clock::now();
    auto lastReport = wallStart;
    SetSimulating(true);
    CheckInterrupt();
    while (Simulator::Now() < end)
    {
        Simulator::Stop(std::min(slice, end - Simulator::Now()));
        Simulator::Run();
        CheckInterrupt();
        CheckWrites();
        auto now = std::chrono::steady_clock::now();
        if (m_options.progress && now - lastReport >= std::chrono::seconds(1))
        {
            lastReport = now;
            double wall = std::chrono::duration<double>(now - wallStart).count();
            m_log << "  " << std::fixed << std::setprecision(0)
                  << 100.0 * Simulator::Now().GetSeconds() / end.GetSeconds() << "% simulated "
                  << std::setprecision(1) << Simulator::Now().GetSeconds() << " s of "
                  << end.GetSeconds() << " s, wall " << wall << " s, " << m_events.Rows()
                  << " events" << std::endl;
        }
    }
    SetSimulating(false);
    result.simulatedSeconds = Simulator::Now().GetSeconds();
    result.eventsExecuted = Simulator::GetEventCount();
}

void
Run::WriteConnections(RunResult& result)
{
    std::ostream& out = m_folder.Create("connections.csv").Stream();
    out << "conn_id,host,profile,local_port,remote_host,remote_address,remote_port,start_s,"
           "end_s,closed_s,outcome,error_code,syns_sent,rsts_received,bytes_sent,"
           "bytes_received,close\n";
    for (const char* word : kOutcomeWords)
    {
        result.outcomes[word] = 0;
    }
    for (const ConnectionRecord& r : m_registry->GetRecords())
    {
        std::string outcome = ConnectionOutcomeName(r.outcome);
        ++result.outcomes[outcome];
        ++result.connections;
        out << r.id << ',' << CsvField(r.host) << ',' << CsvField(r.profile) << ',' << r.localPort
            << ',' << CsvField(r.remoteHost) << ',' << r.remoteAddress << ',' << r.remotePort << ','
            << FormatSeconds(r.start) << ',' << (r.end >= Time(0) ? FormatSeconds(r.end) : "")
            << ',' << (r.closed >= Time(0) ? FormatSeconds(r.closed) : "") << ',' << outcome << ','
            << r.errorCode << ',' << r.synsSent << ',' << r.rstsReceived << ',' << r.bytesSent
            << ',' << r.bytesReceived << ',' << r.closeKind << '\n';
    }
}

void
Run::WriteSummary(const RunResult& result)
{
    nlohmann::ordered_json j;
    j["scenario"] = m_scenario.name;
    j["scenario_file"] = m_scenario.file;
    j["seed"] = m_scenario.seed;
    j["overrides"] = m_scenario.overrides;
    j["versions"] = {{"retrotcp", RETROTCP_VERSION}, {"ns3", RETROTCP_NS3_VERSION}};
    j["hosts"] = m_topology.hosts.size();
    j["duration_s"] = m_scenario.duration.GetSeconds();
    j["simulated_time_s"] = result.simulatedSeconds;
    j["connections"] = result.connections;
    j["outcomes"] = result.outcomes;
    j["events"] = result.events;
    j["events_executed"] = result.eventsExecuted;
    j["files"] = result.files;
    // The one value that differs between two runs of the same scenario and seed.
    j["wall_time_s"] = std::round(result.wallSeconds * 1000.0) / 1000.0;
    m_folder.Create("summary.json").Stream() << j.dump(2) << '\n';
}

RunResult
Run::Execute()
{
    auto wallStart = std::chrono::steady_clock::now();
    RunResult result;
    UseScheduler(m_options.scheduler);
    RngSeedManager::SetSeed(m_scenario.seed);
    RngSeedManager::SetRun(1);
    m_topology = BuildTopology(m_scenario);
    CheckInterrupt(); // building 100,000s of hosts takes a while: stop between phases
    m_nextStream = m_topology.nextStream;
    m_registry = CreateObject<ConnectionRegistry>();
    m_registry->TraceConnectWithoutContext("Event", MakeCallback(&EventLog::Write, &m_events));
    m_lanman = std::make_unique<LanmanInstaller>(m_scenario, m_topology, m_registry, m_commands);
    for (size_t i = 0; i < m_topology.hosts.size(); ++i)
    {
        if (i % 1024 == 0)
        {
            CheckInterrupt();
        }
        InstallHost(m_topology.hosts[i]);
    }
    CheckInterrupt();
    if (m_options.pcap)
    {
        EnablePcap();
    }
    Simulate(result);
    result.events = m_events.Rows();
    if (m_options.eventsFile)
    {
        result.files.push_back("events.csv");
    }
    result.files.push_back("connections.csv");
    m_lanman->ReportRunning();
    if (LanmanInstaller::HasRedirector(m_scenario))
    {
        result.files.push_back("commands.csv");
        m_commands.Write(m_folder.Create("commands.csv").Stream());
    }
    result.files.push_back("summary.json");
    WriteConnections(result);
    // Tear the simulation down before closing the captures (no packet after).
    Simulator::Destroy();
    Names::Clear();
    m_taps.clear();
    m_forwarders.clear();
    m_stackHelpers.clear();
    m_registry = nullptr;
    m_pcap.Close();
    std::vector<std::string> pcaps;
    for (const auto& name : m_folder.Files())
    {
        if (name.rfind("pcap/", 0) == 0)
        {
            pcaps.push_back(name);
        }
    }
    std::sort(pcaps.begin(), pcaps.end());
    result.files.insert(result.files.end(), pcaps.begin(), pcaps.end());
    result.wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    WriteSummary(result);
    CheckInterrupt(); // the last moment a signal stops the run: then it publishes
    m_folder.Publish();
    return result;
}

// --pcap keeps one file open per captured interface: raise the soft limit on open
// files to the hard one, and refuse a run that would need more.
void
CheckOpenFiles(const Scenario& scenario, const RunOptions& options)
{
    if (!options.pcap)
    {
        return;
    }
    uint64_t files = 2 * scenario.wanLinks.size();
    std::set<std::string> routed;
    for (const auto& w : scenario.wanLinks)
    {
        routed.insert(w.lanA);
        routed.insert(w.lanB);
    }
    files += routed.size();
    for (const auto& h : scenario.hosts)
    {
        files += h.count;
    }
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
    {
        return;
    }
    if (limit.rlim_cur < limit.rlim_max)
    {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    const uint64_t spare = 64; // the run's other files, ns-3's, the standard streams
    if (limit.rlim_cur != RLIM_INFINITY && files + spare > limit.rlim_cur)
    {
        throw ResultFolderError("--pcap: the run writes " + std::to_string(files) +
                                    " capture files at once and may open " +
                                    std::to_string(limit.rlim_cur) +
                                    " files (ulimit -n); raise the limit or run without --pcap",
                                2);
    }
}

} // namespace

RunResult
RunScenario(const Scenario& scenario, const RunOptions& options, std::ostream& log)
{
    CheckMemory(scenario, options.pcap); // before anything is built or written
    CheckOpenFiles(scenario, options);
    ResultFolder folder(options.outDir, options.force, log);
    try
    {
        Run run(scenario, options, folder, log);
        return run.Execute();
    }
    catch (...)
    {
        SetSimulating(false);
        Simulator::Destroy();
        Names::Clear();
        throw; // the folder's destructor removes the staging folder
    }
}

} // namespace retrotcp
