#ifndef RETROTCP_CONNECTOR_APPLICATION_H
#define RETROTCP_CONNECTOR_APPLICATION_H

#include "connection-registry.h"
#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/socket.h"

#include <map>
#include <string>

namespace ns3
{

/**
 * \brief A client that calls connect() on a schedule, optionally exchanges a
 * request and a response, and closes.
 *
 * Attempt i (0-based) starts at the application's start time plus i * Interval;
 * attempts are independent (a slow attempt does not delay the next). Each attempt
 * opens a ConnectionRecord in the ConnectionRegistry and keeps it up to date:
 * outcome, error code, times, bytes. The client closes first (so its end of the
 * connection goes to TIME-WAIT) unless the server closes before HoldTime is over.
 *
 * Schedules: with PortCount > 1, attempt i connects to Remote's port plus
 * (i mod PortCount) (a port scan); with Sequential, each attempt starts Interval
 * after the previous attempt's outcome instead of on a fixed grid; with
 * UntilConnected, no attempt starts after one has connected (a polling client);
 * GiveUpAfter bounds the time, from the first attempt, in which attempts start.
 */
class ConnectorApplication : public Application
{
  public:
    static TypeId GetTypeId();
    ConnectorApplication();
    ~ConnectorApplication() override;

    /**
     * \brief Number of attempts started so far.
     */
    uint32_t GetAttemptsStarted() const;

  protected:
    void DoDispose() override;

  private:
    /// State of one attempt in progress.
    struct Attempt
    {
        uint64_t id{0};       //!< registry id
        uint32_t toSend{0};   //!< request bytes not yet handed to the socket
        uint32_t received{0}; //!< response bytes received
        bool closing{false};  //!< Close() called
        bool done{false};     //!< record final
        EventId closeEvent;   //!< pending close after HoldTime
    };

    void StartApplication() override;
    void StopApplication() override;

    void StartAttempt();
    void ScheduleNextAttempt();
    void ConnectionSucceeded(Ptr<Socket> socket);
    void ConnectionFailed(Ptr<Socket> socket);
    void NormalClose(Ptr<Socket> socket);
    void ErrorClose(Ptr<Socket> socket);
    void SendMore(Ptr<Socket> socket, uint32_t available);
    void Receive(Ptr<Socket> socket);
    void MaybeClose(Ptr<Socket> socket);
    void DoClose(Ptr<Socket> socket);
    void Finish(Ptr<Socket> socket);
    void Event(const Attempt& attempt, const std::string& name, const std::string& detail = "");
    ConnectionOutcome ClassifyFailure(Ptr<Socket> socket, const ConnectionRecord& record) const;
    void UpdateCounters(Ptr<Socket> socket, ConnectionRecord& record) const;

    Address m_remote;                              //!< InetSocketAddress to connect to
    std::string m_remoteName;                      //!< its host name, for the records
    std::string m_profile;                         //!< this host's stack profile, for the records
    TypeId m_socketFactory;                        //!< socket factory to create sockets with
    uint32_t m_count{1};                           //!< number of attempts
    Time m_interval;                               //!< time between attempt starts
    uint32_t m_sendBytes{0};                       //!< request size
    uint32_t m_receiveBytes{0};                    //!< response size awaited before closing
    Time m_holdTime;                               //!< time held open after the exchange
    Ptr<ConnectionRegistry> m_registry;            //!< where records go
    Callback<void, Ptr<Socket>> m_configureSocket; //!< per-host socket configuration
    std::string m_hostName;                        //!< this node's name
    uint32_t m_started{0};                         //!< attempts started
    EventId m_nextAttempt;                         //!< next scheduled StartAttempt
    uint16_t m_portCount{1};                       //!< ports scanned from Remote's port
    bool m_sequential{false};                      //!< next call waits for an outcome
    bool m_untilConnected{false};                  //!< polling: stop once connected
    Time m_giveUpAfter;                            //!< no call starts after this; 0 = never
    Time m_firstStart;                             //!< when the first call started
    bool m_running{false};                         //!< between start and stop
    bool m_connected{false};                       //!< a call has connected
    std::map<Ptr<Socket>, Attempt> m_attempts;     //!< attempts with a live socket

  public:
    /**
     * \brief Set a callback applied to every socket right after it is created (the
     * scenario runner uses it for per-host stock-TCP attributes).
     */
    void SetSocketConfigurator(Callback<void, Ptr<Socket>> configure);
};

} // namespace ns3

#endif
