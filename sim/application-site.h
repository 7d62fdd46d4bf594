#ifndef RETROTCP_APPLICATION_SITE_H
#define RETROTCP_APPLICATION_SITE_H

#include "app-reporters.h"
#include "commands-log.h"
#include "connection-book.h"
#include "lanman-installer.h"
#include "ns3/application.h"
#include "ns3/socket.h"
#include "probe-reporter.h"
#include "topology.h"

#include <memory>
#include <optional>
#include <vector>

namespace retrotcp
{

/// The sockets a host's applications make: its stack's factory and configuration.
struct HostSockets
{
    ns3::TypeId factory;                                  //!< socket factory of its stack
    ns3::Callback<void, ns3::Ptr<ns3::Socket>> configure; //!< per-socket parameters, or null
};

/**
 * \brief What a run offers the installers of its applications (application-kind.h):
 * the scenario, the network, RNG streams, and the reporters that write the
 * applications' calls and events into the run's ConnectionBook. It keeps the
 * reporters until Clear().
 */
class ApplicationSite
{
  public:
    ApplicationSite(const Scenario& scenario, const Topology& topology,
                    ns3::Ptr<ConnectionBook> book, CommandsLog& commands, int64_t firstStream);

    const Scenario&
    GetScenario() const
    {
        return m_scenario;
    }

    const Topology&
    GetTopology() const
    {
        return m_topology;
    }

    /// The next free RNG stream number (the caller uses it and moves it on).
    int64_t&
    NextStream()
    {
        return m_nextStream;
    }

    /// The lanman applications' installer (LMHOSTS, commands.csv).
    LanmanInstaller&
    Lanman()
    {
        return m_lanman;
    }

    /// Book the connect() calls of a client application on \p host.
    void ReportClient(const HostInstance& host, ns3::Ptr<ns3::Application> app,
                      std::optional<ns3::LegacyTcpErrorCodes> codes = std::nullopt,
                      bool refreshAtEnd = true);

    /// Write the events of a server application on \p host.
    void ReportServer(const HostInstance& host, ns3::Ptr<ns3::Application> app);

    /// Write the segments a crafted-segment probe on \p host sends and gets back.
    void ReportProbe(const HostInstance& host, ns3::Ptr<ns3::Application> app);

    /// Stop listening (the simulation is being torn down).
    void Clear();

  private:
    const Scenario& m_scenario;
    const Topology& m_topology;
    ns3::Ptr<ConnectionBook> m_book;
    LanmanInstaller m_lanman;
    int64_t m_nextStream;
    std::vector<std::unique_ptr<ClientReporter>> m_clients; //!< one per client application
    std::vector<std::unique_ptr<ServerReporter>> m_servers; //!< one per server application
    std::vector<std::unique_ptr<ProbeReporter>> m_probes;   //!< one per probe
};

} // namespace retrotcp

#endif
