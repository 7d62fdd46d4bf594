#ifndef RETROTCP_CONNECTION_BOOK_H
#define RETROTCP_CONNECTION_BOOK_H

#include "connection-record.h"
#include "legacy-tcp-four-tuple.h"
#include "ns3/ipv4-address.h"
#include "ns3/object.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <string>
#include <unordered_map>

namespace retrotcp
{

/**
 * \brief Run-wide book of connection attempts and application events, kept by
 * listening to the applications' trace sources (ClientReporter, ServerReporter),
 * as FlowMonitor listens to the stack.
 *
 * A record is opened per connect() call and brought up to date as the attempt
 * progresses; the scenario runner writes the records to connections.csv and the
 * "Event" trace to events.csv. Ids are handed out in the order attempts start, so
 * they are deterministic for a given scenario and seed.
 */
class ConnectionBook : public ns3::Object
{
  public:
    /**
     * \brief Signature of the "Event" trace: host, connection id (0 = none), event
     * name and free-form detail.
     */
    typedef void (*EventTracedCallback)(const std::string& host, uint64_t connectionId,
                                        const std::string& event, const std::string& detail);

    static ns3::TypeId GetTypeId();

    /**
     * \brief Record a new attempt; assigns and returns its id.
     */
    uint64_t Open(ns3::ConnectionRecord record);

    /**
     * \brief The record with id \p id (from Open()).
     */
    ns3::ConnectionRecord& Get(uint64_t id);

    /**
     * \brief Every record, in id order.
     */
    const std::deque<ns3::ConnectionRecord>& GetRecords() const;

    /**
     * \brief Fire the "Event" trace.
     */
    void Event(const std::string& host, uint64_t connectionId, const std::string& event,
               const std::string& detail = "") const;

    /**
     * \brief Associate a connection's 4-tuple with its id, so that packets seen on
     * the wire can be attributed to it. A newer binding of the same 4-tuple
     * replaces the older one.
     */
    void BindTuple(ns3::Ipv4Address local, uint16_t localPort, ns3::Ipv4Address remote,
                   uint16_t remotePort, uint64_t id);

    /**
     * \brief Record the local port of connection \p id's socket and bind its 4-tuple
     * (local endpoint, the record's remote address and port). Does nothing while the
     * stack has not chosen a port, or if it is already bound.
     */
    void BindSocket(ns3::Ptr<ns3::Socket> socket, uint64_t id);
    /**
     * \brief As BindSocket, from the local end a stack reports (the legacy stack's
     * first SYN): record the port and bind the 4-tuple, unless already bound.
     */
    void BindLocalEnd(uint64_t id, ns3::Ipv4Address local, uint16_t localPort);

    /**
     * \brief The id of the attempt whose client end connected to \p accepted (a
     * socket accepted from \p from), 0 if none: both ends then share one conn_id.
     */
    uint64_t FindPeer(ns3::Ptr<ns3::Socket> accepted, const ns3::Address& from) const;

    /**
     * \brief The id bound to a 4-tuple, 0 if none.
     */
    uint64_t FindTuple(ns3::Ipv4Address local, uint16_t localPort, ns3::Ipv4Address remote,
                       uint16_t remotePort) const;

    /**
     * \brief Associate a stack's own connection id on node \p nodeId with a record
     * id (for stacks that report events by their own id).
     */
    void BindStackConnection(uint32_t nodeId, uint64_t stackConnectionId, uint64_t id);

    /**
     * \brief The record id bound to a stack connection id, 0 if none.
     */
    uint64_t FindStackConnection(uint32_t nodeId, uint64_t stackConnectionId) const;
    /**
     * \brief Associate a connect() call's socket with its record while the call is
     * open (its counters are read from the socket until it ends).
     */
    void OpenSocket(ns3::Ptr<ns3::Socket> socket, uint64_t id, bool refreshAtEnd = true);
    /** \brief The socket's call has ended: stop holding it (its id stays findable). */
    void CloseSocket(ns3::Ptr<ns3::Socket> socket);
    /** \brief The record id of a call's socket, 0 if none (also after the call ended). */
    uint64_t FindSocket(ns3::Ptr<ns3::Socket> socket) const;
    /**
     * \brief Bring a record's SYN and RST counts up to date from its socket (the
     * legacy stack counts them; stock sockets are counted on the wire).
     */
    void UpdateCounters(uint64_t id, ns3::Ptr<ns3::Socket> socket);
    /**
     * \brief UpdateCounters for every call still open (at the end of the run) that
     * asked for it (OpenSocket's refreshAtEnd).
     */
    void UpdateOpenCounters();

  private:
    std::deque<ns3::ConnectionRecord> m_records; //!< index = id - 1
    std::unordered_map<ns3::LegacyTcpFourTuple, uint64_t, ns3::LegacyTcpFourTupleHash>
        m_tuples; //!< 4-tuple (seen from the calling host) -> id
    std::unordered_map<uint64_t, uint64_t> m_stackConnections;    //!< node+stack id -> id
    std::unordered_map<const ns3::Socket*, uint64_t> m_socketIds; //!< socket -> id (latest)
    std::map<uint64_t, ns3::Ptr<ns3::Socket>> m_openSockets;      //!< open calls, by id
    ns3::TracedCallback<const std::string&, uint64_t, const std::string&, const std::string&>
        m_eventTrace; //!< the "Event" trace
};

} // namespace retrotcp

#endif
