#ifndef LANMAN_REDIRECTOR_HELPER_H
#define LANMAN_REDIRECTOR_HELPER_H

#include "lanman-command.h"
#include "ns3/application-container.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"

#include <vector>

namespace ns3
{

/**
 * \brief Installs LanmanRedirector applications: a preset factory plus the
 * command lists.
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
    /** \brief Install on one node. \param node the node \return the application */
    ApplicationContainer Install(Ptr<Node> node) const;

  private:
    ObjectFactory m_factory;                  //!< LanmanRedirector factory
    std::vector<LanmanCommand> m_commands;    //!< commands
    std::vector<LanmanCommand> m_logonScript; //!< logon script
};

} // namespace ns3

#endif
