#ifndef RETROTCP_SOCKET_APPLICATION_HELPER_H
#define RETROTCP_SOCKET_APPLICATION_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/socket.h"

#include <string>

namespace ns3
{

/**
 * \brief What every helper of an application that makes TCP sockets has: a preset
 * factory for the application type App, a socket configurator applied to the
 * sockets the applications create, and Install on a node or nodes returning an
 * ApplicationContainer. ConnectorHelper, ServiceHelper and the LAN Manager helpers
 * derive from it.
 *
 * App must have SetSocketConfigurator(Callback<void, Ptr<Socket>>).
 */
template<typename App> class SocketApplicationHelper
{
  public:
    virtual ~SocketApplicationHelper() = default;

    /**
     * \brief Set an attribute of the applications to be installed.
     * \param name an attribute of App \param value its value
     */
    void
    SetAttribute(const std::string& name, const AttributeValue& value)
    {
        m_factory.Set(name, value);
    }

    /**
     * \brief Apply \p configure to every socket the applications create, right after
     * creating it (per-node socket attributes, say).
     * \param configure the callback
     */
    void
    SetSocketConfigurator(Callback<void, Ptr<Socket>> configure)
    {
        m_configureSocket = configure;
    }

    /** \param node the node \return the application installed on it */
    ApplicationContainer
    Install(Ptr<Node> node) const
    {
        Ptr<App> app = m_factory.Create<App>();
        app->SetSocketConfigurator(m_configureSocket);
        Configure(app);
        node->AddApplication(app);
        return ApplicationContainer(app);
    }

    /** \param nodes the nodes \return one application per node */
    ApplicationContainer
    Install(NodeContainer nodes) const
    {
        ApplicationContainer apps;
        for (auto it = nodes.Begin(); it != nodes.End(); ++it)
        {
            apps.Add(Install(*it));
        }
        return apps;
    }

  protected:
    /** \param typeId the TypeId of App */
    explicit SocketApplicationHelper(TypeId typeId)
    {
        m_factory.SetTypeId(typeId);
    }

    /**
     * \brief Give a new application what attributes cannot carry (before it is added
     * to its node). \param app the application
     */
    virtual void
    Configure(Ptr<App> /* app */) const
    {
    }

  private:
    ObjectFactory m_factory;                       //!< App factory
    Callback<void, Ptr<Socket>> m_configureSocket; //!< per-socket configuration
};

} // namespace ns3

#endif
