#ifndef RETROTCP_CONNECTION_REGISTRY_H
#define RETROTCP_CONNECTION_REGISTRY_H

#include "connection-record.h"
#include "ns3/ipv4-address.h"
#include "ns3/object.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <string>
#include <unordered_map>

namespace ns3
{

/**
 * \brief Run-wide book of connection attempts and application events.
 *
 * Applications open a record per connect() call and update it as the attempt
 * progresses; the scenario runner writes the records to connections.csv and the
 * "Event" trace to events.csv. Ids are handed out in the order attempts start, so
 * they are deterministic for a given scenario and seed.
 */
class ConnectionRegistry : public Object
{
  public:
    /**
     * \brief Signature of the "Event" trace: host, connection id (0 = none), event
     * name and free-form detail.
     */
    typedef void (*EventTracedCallback)(const std::string& host, uint64_t connectionId,
                                        const std::string& event, const std::string& detail);

    static TypeId GetTypeId();

    /**
     * \brief Record a new attempt; assigns and returns its id.
     */
    uint64_t Open(ConnectionRecord record);

    /**
     * \brief The record with id \p id (from Open()).
     */
    ConnectionRecord& Get(uint64_t id);

    /**
     * \brief Every record, in id order.
     */
    const std::deque<ConnectionRecord>& GetRecords() const;

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
    void BindTuple(Ipv4Address local, uint16_t localPort, Ipv4Address remote, uint16_t remotePort,
                   uint64_t id);

    /**
     * \brief Record the local port of connection \p id's socket and bind its 4-tuple
     * (local endpoint, the record's remote address and port). Does nothing while the
     * stack has not chosen a port, or if it is already bound.
     */
    void BindSocket(Ptr<Socket> socket, uint64_t id);

    /**
     * \brief The id of the attempt whose client end connected to \p accepted (a
     * socket accepted from \p from), 0 if none: both ends then share one conn_id.
     */
    uint64_t FindPeer(Ptr<Socket> accepted, const Address& from) const;

    /**
     * \brief The id bound to a 4-tuple, 0 if none.
     */
    uint64_t FindTuple(Ipv4Address local, uint16_t localPort, Ipv4Address remote,
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

  private:
    struct TupleKey
    {
        uint32_t local;
        uint32_t remote;
        uint16_t localPort;
        uint16_t remotePort;

        bool
        operator==(const TupleKey& o) const
        {
            return local == o.local && remote == o.remote && localPort == o.localPort &&
                   remotePort == o.remotePort;
        }
    };

    struct TupleHash
    {
        size_t operator()(const TupleKey& k) const;
    };

    std::deque<ConnectionRecord> m_records;                     //!< index = id - 1
    std::unordered_map<TupleKey, uint64_t, TupleHash> m_tuples; //!< 4-tuple -> id
    std::unordered_map<uint64_t, uint64_t> m_stackConnections;  //!< node+stack id -> id
    TracedCallback<const std::string&, uint64_t, const std::string&, const std::string&>
        m_eventTrace; //!< the "Event" trace
};

} // namespace ns3

#endif
