#ifndef LANMAN_REDIRECTOR_HELPER_H
#define LANMAN_REDIRECTOR_HELPER_H

#include "lanman-command.h"
#include "lanman-name-table.h"
#include "lanman-redirector.h"
#include "socket-application-helper.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \brief Installs LanmanRedirector applications (MS-DOS workstations running
 * `net logon`, `net use`, ...): a preset factory (SetAttribute,
 * SetSocketConfigurator, Install: SocketApplicationHelper) plus the command lists
 * and the LMHOSTS name table they share.
 *
 * \code
 * LanmanRedirectorHelper redirector("dc");
 * redirector.SetAttribute("SocketFactory", StringValue("ns3::LegacyTcpSocketFactory"));
 * redirector.SetCommands(commands, logonScript);
 * redirector.SetNameTable(names);
 * redirector.Install(workstations).Start(Seconds(1));
 * \endcode
 */
class LanmanRedirectorHelper : public SocketApplicationHelper<LanmanRedirector>
{
  public:
    /** \param domainController host name of the domain controller */
    explicit LanmanRedirectorHelper(const std::string& domainController);
    /** \param commands the commands \param script the logon script */
    void SetCommands(const std::vector<LanmanCommand>& commands,
                     const std::vector<LanmanCommand>& script);
    /**
     * \brief The LMHOSTS table the redirectors resolve \\\\SERVER names with (one
     * table shared by all). \param names the table
     */
    void SetNameTable(Ptr<LanmanNameTable> names);

  protected:
    void Configure(Ptr<LanmanRedirector> app) const override;

  private:
    std::vector<LanmanCommand> m_commands;    //!< commands
    std::vector<LanmanCommand> m_logonScript; //!< logon script
    Ptr<LanmanNameTable> m_names;             //!< LMHOSTS, shared
};

} // namespace ns3

#endif
