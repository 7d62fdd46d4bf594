#ifndef RETROTCP_APP_REPORTERS_H
#define RETROTCP_APP_REPORTERS_H

#include "connection-book.h"
#include "lanman-redirector.h"
#include "legacy-tcp-error.h"
#include "ns3/address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/socket.h"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace retrotcp
{

/// The host name of an address (for connections.csv's remote_host).
using HostNameOf = std::function<std::string(ns3::Ipv4Address)>;

/**
 * \brief Keeps the book of one client application's connect() calls by listening
 * to its trace sources (ConnectStart, Connected, ConnectFailed, Close, Closed,
 * Aborted, Tx, Rx; SessionUp, CommandStart and Command on the LAN Manager
 * redirector): one record per call
 * in connections.csv, the application's events in events.csv.
 */
class ClientReporter
{
  public:
    /**
     * \param book the run's book \param host the host's name \param profile its
     * stack profile \param nodeId its node id \param names host names by address
     * \param codes the application's own error numbering (the LAN Manager
     * redirector's MS-DOS codes); none = the socket's stack's
     * \param refreshAtEnd read the counters of calls still open at the end of the
     * run (the connector's, whose StopApplication did so)
     */
    ClientReporter(ns3::Ptr<ConnectionBook> book, std::string host, std::string profile,
                   uint32_t nodeId, HostNameOf names,
                   std::optional<ns3::LegacyTcpErrorCodes> codes = std::nullopt,
                   bool refreshAtEnd = true);
    /** \brief Listen to an application (a ConnectorApplication or LanmanRedirector). */
    void Listen(ns3::Ptr<ns3::Object> app);

  private:
    void ConnectStart(ns3::Ptr<ns3::Socket> socket, const ns3::Address& remote);
    void Connected(ns3::Ptr<ns3::Socket> socket);
    void ConnectFailed(ns3::Ptr<ns3::Socket> socket, ns3::ConnectionOutcome outcome);
    void SessionUp(ns3::Ptr<ns3::Socket> socket, const std::string& called);
    void Close(ns3::Ptr<ns3::Socket> socket);
    void ConnectDeadline(ns3::Ptr<ns3::Socket> socket, ns3::Time after);
    void Closed(ns3::Ptr<ns3::Socket> socket, bool byPeer);
    void Aborted(ns3::Ptr<ns3::Socket> socket, ns3::ConnectionOutcome outcome);
    void Tx(ns3::Ptr<ns3::Socket> socket, uint32_t bytes);
    void Rx(ns3::Ptr<ns3::Socket> socket, uint32_t bytes);
    void CommandStart(const ns3::LanmanCommandRecord& record);
    void CommandEnd(const ns3::LanmanCommandRecord& record);
    /** \brief Set a record's outcome and error in the right numbering. */
    void SetOutcome(ns3::ConnectionRecord& r, ns3::ConnectionOutcome outcome,
                    ns3::Ptr<ns3::Socket> socket) const;
    /** \brief The call is over: last counters, stop holding its socket. */
    void End(uint64_t id, ns3::Ptr<ns3::Socket> socket);

    ns3::Ptr<ConnectionBook> m_book;                 //!< the book
    std::string m_host;                              //!< host name
    std::string m_profile;                           //!< its stack profile
    uint32_t m_nodeId;                               //!< its node id
    HostNameOf m_names;                              //!< host names by address
    std::optional<ns3::LegacyTcpErrorCodes> m_codes; //!< own error numbering
    bool m_refreshAtEnd;                             //!< counters of open calls at the end
};

/**
 * \brief Writes the events of one server application (a ServiceApplication or a
 * LanmanServerApplication) by listening to its trace sources; an accepted
 * connection shares the conn_id of the client call it came from.
 */
class ServerReporter
{
  public:
    /** \param book the run's book \param host the host's name */
    ServerReporter(ns3::Ptr<ConnectionBook> book, std::string host);
    /** \brief Listen to an application. */
    void Listen(ns3::Ptr<ns3::Object> app);

  private:
    void Up(uint16_t port);
    void Down(uint16_t port);
    void ListenFailed(uint16_t port);
    void Accepted(ns3::Ptr<ns3::Socket> socket, const ns3::Address& from);
    void SessionAccepted(ns3::Ptr<ns3::Socket> socket, const std::string& calling);
    void IdleDisconnect(ns3::Ptr<ns3::Socket> socket);
    void Close(ns3::Ptr<ns3::Socket> socket);
    void Closed(ns3::Ptr<ns3::Socket> socket, bool byPeer);
    void Aborted(ns3::Ptr<ns3::Socket> socket);
    /** \return the conn_id of an accepted socket */
    uint64_t IdOf(ns3::Ptr<ns3::Socket> socket) const;

    ns3::Ptr<ConnectionBook> m_book;                   //!< the book
    std::string m_host;                                //!< host name
    std::map<const ns3::Socket*, uint64_t> m_accepted; //!< accepted socket -> conn_id
};

} // namespace retrotcp

#endif
