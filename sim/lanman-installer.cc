#include "lanman-installer.h"

#include "lanman-redirector-helper.h"
#include "lanman-redirector.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace retrotcp
{

using namespace ns3;

LanmanInstaller::LanmanInstaller(const Scenario& scenario, const Topology& topology,
                                 Ptr<ConnectionBook> book, CommandsLog& commands)
    : m_scenario(scenario)
    , m_topology(topology)
    , m_book(book)
    , m_commands(commands)
{
}

void
LanmanInstaller::ReportRunning()
{
    for (auto& r : m_redirectors)
    {
        r->ReportRunning();
    }
    m_redirectors.clear();
}

bool
LanmanInstaller::HasRedirector(const Scenario& scenario)
{
    for (const auto& h : scenario.hosts)
    {
        for (const auto& a : h.applications)
        {
            if (a.type == "lanman-redirector")
            {
                return true;
            }
        }
    }
    return false;
}

void
LanmanInstaller::RecordCommand(const LanmanCommandRecord& record)
{
    if (!record.socket)
    {
        m_commands.Record(record);
        return;
    }
    LanmanCommandRecord withId = record;
    withId.detail += " conn_id=" + std::to_string(m_book->FindSocket(record.socket));
    m_commands.Record(withId);
}

Ptr<Application>
LanmanInstaller::InstallRedirector(const HostInstance& host, const AppSpec& app, TypeId factory,
                                   Callback<void, Ptr<Socket>> configure, int64_t& nextStream)
{
    const HostSpec& spec = *host.spec;
    const LanmanRedirectorSpec& r = app.lanmanRedirector;
    // LMHOSTS: every host of the scenario can be named in \\SERVER\SHARE. One
    // table for all workstations (a copy each would cost hosts squared).
    if (!m_names)
    {
        m_names = Create<LanmanNameTable>();
        for (const auto& h : m_topology.hosts)
        {
            m_names->Add(h.name, h.address);
        }
    }
    LanmanRedirectorHelper redirector(r.domainController);
    redirector.SetAttribute("SocketFactory", TypeIdValue(factory));
    if (spec.stack.nbSessions > 0)
    {
        redirector.SetAttribute("NbSessions", UintegerValue(spec.stack.nbSessions));
    }
    redirector.SetCommands(r.commands, r.logonScript);
    redirector.SetSocketConfigurator(configure);
    redirector.SetNameTable(m_names);
    ApplicationContainer apps = redirector.Install(host.node);
    Ptr<LanmanRedirector> a = DynamicCast<LanmanRedirector>(apps.Get(0));
    a->TraceConnectWithoutContext("Command", MakeCallback(&LanmanInstaller::RecordCommand, this));
    m_redirectors.push_back(a);
    Time start = r.start;
    if (r.startJitter > Time(0))
    {
        Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
        u->SetStream(nextStream++);
        start += NanoSeconds(static_cast<int64_t>(
            u->GetValue(0, static_cast<double>(r.startJitter.GetNanoSeconds()))));
    }
    apps.Start(start);
    apps.Stop(m_scenario.duration);
    return a;
}

} // namespace retrotcp
