#ifndef LANMAN_SERVER_HELPER_H
#define LANMAN_SERVER_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"

namespace ns3
{

/**
 * \brief Installs LanmanServerApplication (a preset factory).
 */
class LanmanServerHelper
{
  public:
    LanmanServerHelper();
    /** \brief Set an attribute. \param name attribute \param value value */
    void SetAttribute(const std::string& name, const AttributeValue& value);
    /** \brief Install on one node. \param node the node \return the application */
    ApplicationContainer Install(Ptr<Node> node) const;

  private:
    ObjectFactory m_factory; //!< LanmanServerApplication factory
};

} // namespace ns3

#endif
