#include "application-site.h"

#include "ns3/inet-socket-address.h"

#include <sstream>

namespace retrotcp
{

using namespace ns3;

ApplicationSite::ApplicationSite(const Scenario& scenario, const Topology& topology,
                                 Ptr<ConnectionBook> book, CommandsLog& commands,
                                 int64_t firstStream)
    : m_scenario(scenario)
    , m_topology(topology)
    , m_book(book)
    , m_lanman(scenario, topology, book, commands)
    , m_nextStream(firstStream)
{
}

void
ApplicationSite::ReportClient(const HostInstance& host, Ptr<Application> app,
                              std::optional<LegacyTcpErrorCodes> codes, bool refreshAtEnd)
{
    const Topology& topology = m_topology;
    m_clients.push_back(std::make_unique<ClientReporter>(
        m_book, host.name, host.spec->stack.profile, host.node->GetId(),
        [&topology](Ipv4Address a) {
            const HostInstance* h = topology.FindByAddress(a);
            return h ? h->name : "";
        },
        codes, refreshAtEnd));
    m_clients.back()->Listen(app);
}

void
ApplicationSite::ReportServer(const HostInstance& host, Ptr<Application> app)
{
    m_servers.push_back(std::make_unique<ServerReporter>(m_book, host.name));
    m_servers.back()->Listen(app);
}

void
ApplicationSite::ReportProbe(const HostInstance& host, Ptr<Application> app)
{
    AddressValue value;
    app->GetAttribute("Remote", value);
    InetSocketAddress to = InetSocketAddress::ConvertFrom(value.Get());
    std::ostringstream text;
    text << to.GetIpv4() << ":" << to.GetPort();
    m_probes.push_back(std::make_unique<ProbeReporter>(m_book, host.name, text.str()));
    m_probes.back()->Listen(app);
}

void
ApplicationSite::Clear()
{
    m_clients.clear();
    m_servers.clear();
    m_probes.clear();
}

} // namespace retrotcp
