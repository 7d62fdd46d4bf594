#include "runner.h"

#include "application-kind.h"
#include "application-site.h"
#include "connection-book.h"
#include "event-log.h"
#include "filter-reporter.h"
#include "interrupt.h"
#include "legacy-event-forwarder.h"
#include "legacy-tcp-l4-protocol.h"
#include "legacy-tcp-socket-factory.h"
#include "legacy-tcp-stack-helper.h"
#include "memory-estimate.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/global-value.h"
#include "ns3/inet-socket-address.h"
#include "ns3/names.h"
#include "ns3/pointer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"
#include "packet-filter-helper.h"
#include "pcap-capture.h"
#include "power-schedule.h"
#include "profile-registry.h"
#include "result-folder.h"
#include "run-progress.h"
#include "scheduler-choice.h"
#include "time-registry.h"
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
    /// Throw Interrupted, saying \p where the run was, if a signal came.
    void CheckInterruptWhere(const std::string& where) const;
    void CheckWrites() const;
    void WriteConnections(RunResult& result);
    void WriteSummary(const RunResult& result);
    CommandsSummary SummariseCommands() const;

    const Scenario& m_scenario;
    const RunOptions& m_options;
    ResultFolder& m_folder;
    std::ostream& m_log;
    OutputFile* m_eventsFile;
    EventLog m_events;
    CommandsLog m_commands; //!< commands.csv (lanman-redirector)
    Topology m_topology;
    Ptr<ConnectionBook> m_book;              //!< connections.csv, events.csv
    std::unique_ptr<ApplicationSite> m_site; //!< the applications' installers and reporters
    std::vector<std::unique_ptr<WireTap>> m_taps;
    std::vector<std::unique_ptr<FilterReporter>> m_filters; //!< one per filtered host
    std::vector<std::unique_ptr<LegacyEventForwarder>> m_forwarders;
    std::map<const HostSpec*, LegacyTcpStackHelper> m_stackHelpers; //!< one per legacy group
    PcapCapture m_pcap;
    std::unique_ptr<ProvenanceRecord> m_provenance; //!< scenario.json, summary fields
};

void
Run::InstallHost(const HostInstance& host)
{
    const HostSpec& spec = *host.spec;
    const StackProfile* profile = FindProfile(spec.stack.profile);
    HostSockets sockets{TcpSocketFactory::GetTypeId(), {}};
    if (profile->kind == StackKind::Stock)
    {
        m_taps.push_back(std::make_unique<WireTap>(host.node, host.name, m_book));
        if (!spec.stack.parameters.empty())
        {
            sockets.configure = MakeBoundCallback(&ConfigureStockSocket, &spec.stack.parameters);
        }
    }
    else
    {
        InstallLegacyStack(host, *profile);
        sockets.factory = LegacyTcpSocketFactory::GetTypeId();
    }
    if (!spec.filter.empty())
    {
        // After the stack: the filter stands in front of the host's TCP and UDP.
        Ptr<HostPacketFilter> filter = PacketFilterHelper().Install(host.node, spec.filter);
        m_filters.push_back(std::make_unique<FilterReporter>(m_book, host.name));
        m_filters.back()->Listen(filter);
    }
    if (!spec.power.empty())
    {
        InstallPowerSchedule(host, *m_scenario.FindLan(spec.lan), m_book);
    }
    for (const auto& app : spec.applications)
    {
        // Each application type installs itself (application-kind.h).
        KindOf(app).install(*m_site, host, sockets, app);
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
        preset.SetProfile(*profile.legacy);
        for (const auto& [name, value] : spec.stack.parameters)
        {
            preset.SetAttribute(name, StringValue(value));
        }
        helper = m_stackHelpers.emplace(&spec, preset).first;
    }
    Ptr<LegacyTcpL4Protocol> stack = helper->second.Install(host.node);
    int64_t& nextStream = m_site->NextStream();
    nextStream += helper->second.AssignStreams(NodeContainer(host.node), nextStream);
    m_forwarders.push_back(std::make_unique<LegacyEventForwarder>(host.name, host.address, m_book,
                                                                  host.node->GetId()));
    stack->TraceConnectWithoutContext(
        "ConnectionEvent", MakeCallback(&LegacyEventForwarder::Forward, m_forwarders.back().get()));
}

void
Run::EnablePcap()
{
    // One capture per host interface and router interface: pcap/NODE-IFINDEX.pcap,
    // with nanosecond timestamps, as in the CSV files, so that times can be joined.
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
    // Run in fixed slices of simulated time (deterministic whatever --quiet says);
    // between two, report progress, check the writes and heed a signal.
    const Time end = m_scenario.duration;
    const Time slice = std::max(end / 100, Time(1));
    RunProgress progress(m_log, end, m_options.progress);
    SetSimulating(true);
    auto check = [&]() {
        try
        {
            CheckInterrupt();
        }
        catch (const Interrupted& e)
        {
            std::ostringstream where;
            where << std::fixed << std::setprecision(0) << "at "
                  << 100.0 * Simulator::Now().GetSeconds() / end.GetSeconds() << "% ("
                  << std::setprecision(1) << Simulator::Now().GetSeconds() << " of "
                  << end.GetSeconds() << " s simulated, " << progress.WallSeconds() << " s wall)";
            throw Interrupted(e, where.str());
        }
    };
    check();
    while (Simulator::Now() < end)
    {
        Simulator::Stop(std::min(slice, end - Simulator::Now()));
        Simulator::Run();
        check();
        CheckWrites();
        progress.Update(Simulator::Now(), m_events.Rows());
    }
    SetSimulating(false);
    progress.Finish(Simulator::Now(), m_events.Rows());
    result.simulatedSeconds = Simulator::Now().GetSeconds();
    result.eventsExecuted = Simulator::GetEventCount();
}

void
Run::WriteConnections(RunResult& result)
{
    std::ostream& out = m_folder.Create("connections.csv").Stream();
    out << "conn_id,host,profile,local_port,remote_host,remote_address,remote_port,start_s,"
           "end_s,closed_s,outcome,error_code,errno,syns_sent,rsts_received,bytes_sent,"
           "bytes_received,close\n";
    for (ConnectionOutcome outcome : AllConnectionOutcomes())
    {
        result.outcomes[ConnectionOutcomeName(outcome)] = 0;
    }
    for (const ConnectionRecord& r : m_book->GetRecords())
    {
        std::string outcome = ConnectionOutcomeName(r.outcome);
        ++result.outcomes[outcome];
        ++result.connections;
        OutcomeStats& stats = result.byProfile[r.profile][outcome];
        ++stats.count;
        stats.synsSent += r.synsSent;
        if (r.end >= Time(0))
        {
            ++stats.timed;
            stats.secondsToOutcome += (r.end - r.start).GetSeconds();
        }
        out << r.id << ',' << CsvField(r.host) << ',' << CsvField(r.profile) << ',' << r.localPort
            << ',' << CsvField(r.remoteHost) << ',' << r.remoteAddress << ',' << r.remotePort << ','
            << FormatSeconds(r.start) << ',' << (r.end >= Time(0) ? FormatSeconds(r.end) : "")
            << ',' << (r.closed >= Time(0) ? FormatSeconds(r.closed) : "") << ',' << outcome << ','
            << r.errorCode << ',' << r.errorName << ',' << r.synsSent << ',' << r.rstsReceived
            << ',' << r.bytesSent << ',' << r.bytesReceived << ',' << r.closeKind << '\n';
    }
}

void
Run::WriteSummary(const RunResult& result)
{
    nlohmann::ordered_json j;
    j["scenario"] = m_scenario.name;
    j["scenario_file"] = m_scenario.file;
    j["seed"] = m_scenario.seed;
    m_provenance->AddIdentity(j);
    j["overrides"] = m_scenario.overrides;
    j["versions"] = {{"retrotcp", RETROTCP_VERSION}, {"ns3", RETROTCP_NS3_VERSION}};
    j["hosts"] = m_topology.hosts.size();
    j["duration_s"] = m_scenario.duration.GetSeconds();
    j["simulated_time_s"] = result.simulatedSeconds;
    j["connections"] = result.connections;
    j["outcomes"] = result.outcomes;
    j["events"] = result.events;
    j["events_executed"] = result.eventsExecuted;
    if (result.commands)
    {
        j["lanman_commands"] = result.commands->ToJson();
    }
    j["files"] = result.files;
    m_provenance->AddProvenance(j);
    // The one value that differs between two runs of the same scenario and seed.
    j["wall_time_s"] = std::round(result.wallSeconds * 1000.0) / 1000.0;
    m_folder.Create("summary.json").Stream() << j.dump(2) << '\n';
}

CommandsSummary
Run::SummariseCommands() const
{
    std::vector<std::string> groups;
    for (const auto& h : m_scenario.hosts)
    {
        for (const auto& a : h.applications)
        {
            if (a.type == "lanman-redirector" &&
                std::find(groups.begin(), groups.end(), h.name) == groups.end())
            {
                groups.push_back(h.name);
            }
        }
    }
    auto groupOf = [this](const std::string& host) {
        auto it = m_topology.hostIndex.find(host);
        return it == m_topology.hostIndex.end() ? host : m_topology.hosts[it->second].spec->name;
    };
    return CommandsSummary::Of(m_commands.Records(), groupOf, groups);
}

void
Run::CheckInterruptWhere(const std::string& where) const
{
    try
    {
        CheckInterrupt();
    }
    catch (const Interrupted& e)
    {
        throw Interrupted(e, where);
    }
}

RunResult
Run::Execute()
{
    auto wallStart = std::chrono::steady_clock::now();
    RunResult result;
    m_provenance = std::make_unique<ProvenanceRecord>(m_scenario, m_options.provenance,
                                                      m_options.runNumber, m_options.scheduler);
    m_provenance->WriteScenario(m_folder.Create("scenario.json").Stream());
    result.scenarioSha256 = m_provenance->ScenarioSha256();
    result.files.push_back("scenario.json");
    UseScheduler(m_options.scheduler);
    // Rule WIRE-CHECKSUM: real stacks fill in every checksum (and the Ethernet FCS);
    // ns-3 leaves them 0 unless this global is set before the packets are made.
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    RngSeedManager::SetSeed(m_scenario.seed);
    RngSeedManager::SetRun(m_options.runNumber);
    // Building 100,000s of hosts takes a while: a signal stops it between phases,
    // and the message says which.
    CheckInterruptWhere("before building the hosts");
    // Building is cheaper without ns-3's registry of every Time made before the run.
    EndTimeRegistry();
    m_topology = BuildTopology(m_scenario);
    m_book = CreateObject<ConnectionBook>();
    m_book->TraceConnectWithoutContext("Event", MakeCallback(&EventLog::Write, &m_events));
    ScheduleLinkEvents(m_scenario, m_book);
    m_site = std::make_unique<ApplicationSite>(m_scenario, m_topology, m_book, m_commands,
                                               m_topology.nextStream);
    for (size_t i = 0; i < m_topology.hosts.size(); ++i)
    {
        if (i % 1024 == 0)
        {
            CheckInterruptWhere("while installing host " + std::to_string(i + 1) + " of " +
                                std::to_string(m_topology.hosts.size()) +
                                " (before the simulation started)");
        }
        InstallHost(m_topology.hosts[i]);
    }
    CheckInterruptWhere("before the simulation started");
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
    m_book->UpdateOpenCounters(); // calls still open at the end
    m_site->Lanman().ReportRunning();
    if (LanmanInstaller::HasRedirector(m_scenario))
    {
        result.files.push_back("commands.csv");
        m_commands.Write(m_folder.Create("commands.csv").Stream());
        result.commands = SummariseCommands();
    }
    result.files.push_back("summary.json");
    WriteConnections(result);
    // Tear the simulation down before closing the captures (no packet after).
    Simulator::Destroy();
    Names::Clear();
    m_taps.clear();
    m_filters.clear();
    m_forwarders.clear();
    m_site->Clear();
    m_stackHelpers.clear();
    m_book = nullptr;
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
    // The last moment a signal stops the run: then it publishes.
    CheckInterruptWhere("while writing the result files (the simulation had ended)");
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
