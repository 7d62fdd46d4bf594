#ifndef RETROTCP_CONNECTOR_APPLICATION_H
#define RETROTCP_CONNECTOR_APPLICATION_H

#include "connection-record.h"
#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <map>
#include <string>

namespace ns3
{

/**
 * \brief A client that calls connect() on a schedule, optionally exchanges a
 * request and a response, and closes.
 *
 * Attempt i (0-based) starts at the application's start time plus i * Interval;
 * attempts are independent (a slow attempt does not delay the next). It reports
 * every step of every attempt through trace sources (ConnectStart, Connected,
 * ConnectFailed, Close, Closed, Aborted, Tx, Rx), as ns-3's PacketSink reports
 * through "Rx": whoever keeps a book of connections listens to them. The client
 * closes first (so its end of the connection goes to TIME-WAIT) unless the server
 * closes before HoldTime is over.
 *
 * Schedules: with PortCount > 1, attempt i connects to Remote's port plus
 * (i mod PortCount) (a port scan); with Sequential, each attempt starts Interval
 * after the previous attempt's outcome instead of on a fixed grid; with
 * UntilConnected, no attempt starts after one has connected (a polling client);
 * GiveUpAfter bounds the time, from the first attempt, in which attempts start;
 * with Loop, each attempt starts ThinkTime after the previous one is over (the
 * application closed it, or it failed or was reset): a client that connects,
 * exchanges and closes in a loop.
 *
 * Per call: with LocalPortFirst/LocalPortLast the application binds each call to
 * the next free port of its own range, in order (as an application that binds
 * explicitly does), else the stack picks an ephemeral port; a call not connected
 * ConnectDeadline after it started is abandoned (the socket closed, the outcome
 * timed_out), as an application's own connect timeout does.
 *
 * Random workloads: IntervalVariable, ThinkTimeVariable, HoldTimeVariable and
 * SendBytesVariable, when set, replace their constants with one draw per use;
 * ReceiveUntilClose reads a response whose end is the server's close.
 */
class ConnectorApplication : public Application
{
  public:
    /// Signature of "ConnectStart": the call's socket and where it connects.
    typedef void (*ConnectStartTracedCallback)(Ptr<Socket> socket, const Address& remote);
    /// Signature of "Connected" and "Close".
    typedef void (*SocketTracedCallback)(Ptr<Socket> socket);
    /// Signature of "ConnectFailed" and "Aborted": how the call or the connection ended.
    typedef void (*OutcomeTracedCallback)(Ptr<Socket> socket, ConnectionOutcome outcome);
    /// Signature of "Closed": true if the peer closed first.
    typedef void (*ClosedTracedCallback)(Ptr<Socket> socket, bool byPeer);
    /// Signature of "ConnectDeadline": the call's socket and the deadline.
    typedef void (*DeadlineTracedCallback)(Ptr<Socket> socket, Time after);
    /// Signature of "Tx" and "Rx".
    typedef void (*BytesTracedCallback)(Ptr<Socket> socket, uint32_t bytes);

    static TypeId GetTypeId();
    ConnectorApplication();
    ~ConnectorApplication() override;

    /**
     * \brief Number of attempts started so far.
     */
    uint32_t GetAttemptsStarted() const;

    /**
     * \brief Fix the random streams of the workload variables that are set
     * (IntervalVariable, ThinkTimeVariable, HoldTimeVariable, SendBytesVariable, in
     * this order). \param stream the first stream number \return streams used
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    /// State of one attempt in progress.
    struct Attempt
    {
        ConnectionOutcome outcome{ConnectionOutcome::Pending}; //!< known synchronous failure
        uint32_t toSend{0};    //!< request bytes not yet handed to the socket
        uint32_t received{0};  //!< response bytes received
        bool connected{false}; //!< the handshake completed
        bool closing{false};   //!< Close() called
        bool ended{false};     //!< CallEnded() ran
        EventId closeEvent;    //!< pending close after HoldTime
        EventId deadline;      //!< ConnectDeadline of the call
    };

    void StartApplication() override;
    void StopApplication() override;

    void StartAttempt();
    void ScheduleNextAttempt(Time delay);
    /** \return the next gap between calls: IntervalVariable's draw, or Interval */
    Time NextInterval();
    /** \return the next pause of a loop: ThinkTimeVariable's draw, or ThinkTime */
    Time NextThinkTime();
    /** \brief A call is over (closed by the application, failed, reset): Loop goes on. */
    void CallEnded(Ptr<Socket> socket);
    /** \brief Bind \p socket to the next free port of the local range. \return 0 or -1 */
    int BindInRange(Ptr<Socket> socket);
    /** \brief ConnectDeadline reached: abandon the call if it has not connected. */
    void DeadlineReached(Ptr<Socket> socket);
    void ConnectionSucceeded(Ptr<Socket> socket);
    void ConnectionFailed(Ptr<Socket> socket);
    void NormalClose(Ptr<Socket> socket);
    void ErrorClose(Ptr<Socket> socket);
    void SendMore(Ptr<Socket> socket, uint32_t available);
    void Receive(Ptr<Socket> socket);
    void MaybeClose(Ptr<Socket> socket);
    void DoClose(Ptr<Socket> socket);
    void Finish(Ptr<Socket> socket);

    Address m_remote;                              //!< InetSocketAddress to connect to
    TypeId m_socketFactory;                        //!< socket factory to create sockets with
    uint32_t m_count{1};                           //!< number of attempts
    Time m_interval;                               //!< time between attempt starts
    uint32_t m_sendBytes{0};                       //!< request size
    uint32_t m_receiveBytes{0};                    //!< response size awaited before closing
    Time m_holdTime;                               //!< time held open after the exchange
    bool m_receiveUntilClose{false};               //!< the response ends with the close
    Ptr<RandomVariableStream> m_intervalVariable;  //!< IntervalVariable, or null
    Ptr<RandomVariableStream> m_thinkTimeVariable; //!< ThinkTimeVariable, or null
    Ptr<RandomVariableStream> m_holdTimeVariable;  //!< HoldTimeVariable, or null
    Ptr<RandomVariableStream> m_sendBytesVariable; //!< SendBytesVariable, or null
    Callback<void, Ptr<Socket>> m_configureSocket; //!< per-host socket configuration
    uint32_t m_started{0};                         //!< attempts started
    EventId m_nextAttempt;                         //!< next scheduled StartAttempt
    uint16_t m_portCount{1};                       //!< ports scanned from Remote's port
    bool m_sequential{false};                      //!< next call waits for an outcome
    bool m_untilConnected{false};                  //!< polling: stop once connected
    Time m_giveUpAfter;                            //!< no call starts after this; 0 = never
    bool m_loop{false};                            //!< next call after the previous is over
    Time m_thinkTime;                              //!< Loop: pause between two calls
    uint16_t m_localPortFirst{0};                  //!< own local port range; 0 = the stack's
    uint16_t m_localPortLast{0};                   //!< its last port
    uint16_t m_nextLocalPort{0};                   //!< next port of the range to try
    Time m_connectDeadline;                        //!< abandon a call after this; 0 = never
    Time m_firstStart;                             //!< when the first call started
    bool m_running{false};                         //!< between start and stop
    bool m_connected{false};                       //!< a call has connected
    std::map<Ptr<Socket>, Attempt> m_attempts;     //!< attempts with a live socket

    // The socket callbacks, made once: a MakeCallback per attempt allocated and freed
    // six callback objects per connection.
    Callback<void, Ptr<Socket>> m_onConnected;      //!< ConnectionSucceeded
    Callback<void, Ptr<Socket>> m_onFailed;         //!< ConnectionFailed
    Callback<void, Ptr<Socket>> m_onNormalClose;    //!< NormalClose
    Callback<void, Ptr<Socket>> m_onErrorClose;     //!< ErrorClose
    Callback<void, Ptr<Socket>> m_onReceive;        //!< Receive
    Callback<void, Ptr<Socket>, uint32_t> m_onSend; //!< SendMore

    TracedCallback<Ptr<Socket>, const Address&> m_connectStartTrace;     //!< ConnectStart
    TracedCallback<Ptr<Socket>> m_connectedTrace;                        //!< Connected
    TracedCallback<Ptr<Socket>, ConnectionOutcome> m_connectFailedTrace; //!< ConnectFailed
    TracedCallback<Ptr<Socket>> m_closeTrace;                            //!< Close
    TracedCallback<Ptr<Socket>, Time> m_deadlineTrace;                   //!< ConnectDeadline
    TracedCallback<Ptr<Socket>, bool> m_closedTrace;                     //!< Closed
    TracedCallback<Ptr<Socket>, ConnectionOutcome> m_abortedTrace;       //!< Aborted
    TracedCallback<Ptr<Socket>, uint32_t> m_txTrace;                     //!< Tx
    TracedCallback<Ptr<Socket>, uint32_t> m_rxTrace;                     //!< Rx

  public:
    /**
     * \brief Set a callback applied to every socket right after it is created (the
     * scenario runner uses it for per-host stock-TCP attributes).
     */
    void SetSocketConfigurator(Callback<void, Ptr<Socket>> configure);
};

} // namespace ns3

#endif
