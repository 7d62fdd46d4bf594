#include "lanman-installer.h"

#include "lanman-redirector.h"
#include "lanman-server-application.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace retrotcp
{

using namespace ns3;

LanmanInstaller::LanmanInstaller(const Scenario& scenario, const Topology& topology,
                                 Ptr<ConnectionRegistry> registry, CommandsLog& commands)
    : m_scenario(scenario)
    , m_topology(topology)
    , m_registry(registry)
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
LanmanInstaller::Install(const HostInstance& host, const AppSpec& app, TypeId factory,
                         Callback<void, Ptr<Socket>> configure, int64_t& nextStream)
{
    const HostSpec& spec = *host.spec;
    if (app.type == "lanman-server")
    {
        const LanmanServerSpec& s = app.lanmanServer;
        Ptr<LanmanServerApplication> a = CreateObject<LanmanServerApplication>();
        a->SetAttribute("SocketFactory", TypeIdValue(factory));
        a->SetAttribute("Registry", PointerValue(m_registry));
        a->SetAttribute("Port", UintegerValue(kLanmanServerPort));
        a->SetAttribute("ThinkTime", TimeValue(s.thinkTime));
        a->SetAttribute("LogonThinkTime", TimeValue(s.logonThinkTime));
        a->SetAttribute("IdleTimeout", TimeValue(s.idleTimeout));
        a->SetSocketConfigurator(configure);
        host.node->AddApplication(a);
        a->SetStartTime(s.start);
        a->SetStopTime(m_scenario.duration);
        return;
    }
    const LanmanRedirectorSpec& r = app.lanmanRedirector;
    Ptr<LanmanRedirector> a = CreateObject<LanmanRedirector>();
    a->SetAttribute("DomainController", StringValue(r.domainController));
    a->SetAttribute("SocketFactory", TypeIdValue(factory));
    a->SetAttribute("Registry", PointerValue(m_registry));
    a->SetAttribute("Profile", StringValue(spec.stack.profile));
    if (spec.stack.nbSessions > 0)
    {
        a->SetAttribute("NbSessions", UintegerValue(spec.stack.nbSessions));
    }
    a->SetCommands(r.commands);
    a->SetLogonScript(r.logonScript);
    a->SetSocketConfigurator(configure);
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
    a->SetNameTable(m_names);
    a->TraceConnectWithoutContext("Command", MakeCallback(&CommandsLog::Record, &m_commands));
    host.node->AddApplication(a);
    m_redirectors.push_back(a);
    Time start = r.start;
    if (r.startJitter > Time(0))
    {
        Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
        u->SetStream(nextStream++);
        start += NanoSeconds(static_cast<int64_t>(
            u->GetValue(0, static_cast<double>(r.startJitter.GetNanoSeconds()))));
    }
    a->SetStartTime(start);
    a->SetStopTime(m_scenario.duration);
}

} // namespace retrotcp
