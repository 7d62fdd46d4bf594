#ifndef RETROTCP_LANMAN_INSTALLER_H
#define RETROTCP_LANMAN_INSTALLER_H

#include "commands-log.h"
#include "connection-book.h"
#include "lanman-redirector.h"
#include "ns3/socket.h"
#include "topology.h"

namespace retrotcp
{

/**
 * \brief Installs the lanman-redirector applications of a scenario on their
 * hosts (one LMHOSTS table for all) and routes the redirectors' "Command" trace to a
 * CommandsLog (with the conn_id of the connection each command used).
 */
class LanmanInstaller
{
  public:
    LanmanInstaller(const Scenario& scenario, const Topology& topology,
                    ns3::Ptr<ConnectionBook> book, CommandsLog& commands);

    /**
     * \brief Install a lanman-redirector on \p host.
     * \param host the host \param app its spec \param factory socket factory
     * \param configure per-socket configuration (may be null) \param nextStream RNG
     * stream counter (start jitter)
     */
    ns3::Ptr<ns3::Application> InstallRedirector(
        const HostInstance& host, const AppSpec& app, ns3::TypeId factory,
        ns3::Callback<void, ns3::Ptr<ns3::Socket>> configure, int64_t& nextStream);

    /// Report the commands still running (result "pending") at the end of the run.
    void ReportRunning();

    /// True if the scenario has a lanman-redirector (commands.csv is written then).
    static bool HasRedirector(const Scenario& scenario);

  private:
    const Scenario& m_scenario;
    const Topology& m_topology;
    /** \brief A command finished: commands.csv, with its connection's conn_id. */
    void RecordCommand(const ns3::LanmanCommandRecord& record);

    ns3::Ptr<ConnectionBook> m_book;
    CommandsLog& m_commands;
    std::vector<ns3::Ptr<ns3::LanmanRedirector>> m_redirectors;
    ns3::Ptr<ns3::LanmanNameTable> m_names; //!< the scenario's LMHOSTS, shared
};

} // namespace retrotcp

#endif
