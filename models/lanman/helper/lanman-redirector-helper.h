#ifndef LANMAN_REDIRECTOR_HELPER_H
#define LANMAN_REDIRECTOR_HELPER_H

#include "lanman-command.h"
#include "lanman-name-table.h"
#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/socket.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \brief Installs LanmanRedirector applications (MS-DOS workstations running
 * `net logon`, `net use`, ...): a preset factory plus the command lists and the
 * LMHOSTS name table they share.
 *
 * \code
 * LanmanRedirectorHelper redirector("dc");
 * redirector.SetAttribute("SocketFactory", StringValue("ns3::LegacyTcpSocketFactory"));
 * redirector.SetCommands(commands, logonScript);
 * redirector.SetNameTable(names);
 * redirector.Install(workstations).Start(Seconds(1));
 * \endcode
 */
class LanmanRedirectorHelper
{
  public:
    /** \param domainController host name of the domain controller */
    explicit LanmanRedirectorHelper(const std::string& domainController);
    /** \brief Set an attribute. \param name attribute \param value value */
    void SetAttribute(const std::string& name, const AttributeValue& value);
    /** \param commands the commands \param script the logon script */
    void SetCommands(const std::vector<LanmanCommand>& commands,
                     const std::vector<LanmanCommand>& script);
    /**
     * \brief The LMHOSTS table the redirectors resolve \\\\SERVER names with (one
     * table shared by all). \param names the table
     */
    void SetNameTable(Ptr<LanmanNameTable> names);
    /**
     * \brief Apply \p configure to every socket the redirectors create.
     * \param configure the callback
     */
    void SetSocketConfigurator(Callback<void, Ptr<Socket>> configure);
    /** \brief Install on one node. \param node the node \return the application */
    ApplicationContainer Install(Ptr<Node> node) const;
    /** \brief Install on nodes. \param nodes the nodes \return one application each */
    ApplicationContainer Install(NodeContainer nodes) const;

  private:
    ObjectFactory m_factory;                       //!< LanmanRedirector factory
    std::vector<LanmanCommand> m_commands;         //!< commands
    std::vector<LanmanCommand> m_logonScript;      //!< logon script
    Ptr<LanmanNameTable> m_names;                  //!< LMHOSTS, shared
    Callback<void, Ptr<Socket>> m_configureSocket; //!< per-socket configuration
};

} // namespace ns3

#endif
