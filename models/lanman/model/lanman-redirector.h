#ifndef LANMAN_REDIRECTOR_H
#define LANMAN_REDIRECTOR_H

#include "connection-record.h"
#include "lanman-client-session.h"
#include "lanman-command.h"
#include "lanman-name-table.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \brief One finished (or, at the end of the run, unfinished) redirector command:
 * a row of commands.csv.
 */
struct LanmanCommandRecord
{
    std::string host;    //!< workstation
    uint32_t seq{0};     //!< per-host sequence number, from 1
    std::string source;  //!< "commands" or "logon_script"
    std::string command; //!< the command as written
    Time start;          //!< started
    Time end{-1};        //!< finished; -1 = still running at the end of the run
    std::string result;  //!< ok, dos_error_53, bad_username_or_password, ... pending
    std::string detail;  //!< key=value pairs
    Ptr<Socket> socket;  //!< the connection the command used, if any (its conn_id)
};

/**
 * \brief The LAN Manager 2.x MS-DOS redirector (workstation service) running a
 * list of commands: `net logon`, `net logoff`, `net use`, `wait`.
 *
 * Commands run one after another, as in a batch file. A successful `net logon`
 * runs the logon script next. One TCP connection and NetBIOS session per server
 * (LanmanClientSession), shared by all the drives on that server; at most
 * NbSessions sessions. A session is closed by the workstation (so its block goes
 * to TIME-WAIT) when its last drive is deleted and at logoff; the session to the
 * domain controller lasts from logon to logoff.
 *
 * Results (Q94246 and the DOS/NET error tables): a connection that fails (no
 * connection block: no_tcb; refused; timed out) gives dos_error_53 ("The network
 * path was not found") for `net use` and bad_username_or_password for `net
 * logon` (the logon could not be validated); more sessions than NBSESSIONS give
 * dos_error_69 ("The network BIOS session limit was exceeded"); a drive already
 * in use dos_error_85; deleting a drive that is not connected net_error_2250;
 * `net logon` while logged on without /y already_logged_on; `net logoff` when no
 * one is logged on not_logged_on.
 */
class LanmanRedirector : public Application, private LanmanSessionObserver
{
  public:
    /// Signature of the "Command" trace source.
    typedef void (*CommandTracedCallback)(const LanmanCommandRecord& record);
    /// Signature of "SessionUp": the socket and the server's called NetBIOS name.
    typedef void (*SessionTracedCallback)(Ptr<Socket> socket, const std::string& called);

    /**
     * \brief NBSESSIONS when PROTOCOL.INI does not set it: Q94246, "NBSESSIONS = The
     * number of NetBIOS sessions, defaults to 6." The one copy of that number: the
     * NbSessions attribute's default and LanmanStackConfig's (TCPCONNECTIONS =
     * NBSESSIONS + 1 + ...) both read it.
     */
    static constexpr uint32_t kDefaultNbSessions = 6;

    /** \return the TypeId */
    static TypeId GetTypeId();
    LanmanRedirector();
    ~LanmanRedirector() override;

    /** \brief The commands to run from the start. \param commands them */
    void SetCommands(const std::vector<LanmanCommand>& commands);
    /** \brief The logon script run after each successful logon. \param script it */
    void SetLogonScript(const std::vector<LanmanCommand>& script);
    /**
     * \brief Make a server known (LMHOSTS: static name resolution).
     * \param name host name (case-insensitive) \param address its address
     */
    void AddServer(const std::string& name, Ipv4Address address);
    /**
     * \brief Resolve names with a table shared with other redirectors (replaces
     * what AddServer added; later AddServer calls add to the shared table).
     * \param names the table
     */
    void SetNameTable(Ptr<LanmanNameTable> names);
    /** \brief A callback applied to every socket created. \param c callback */
    void SetSocketConfigurator(Callback<void, Ptr<Socket>> c);

    /** \return sessions open or opening now */
    uint32_t GetSessionCount() const;
    /** \return true if a user is logged on */
    bool IsLoggedOn() const;
    /** \brief Report the running command, if any, as "pending" (end of the run). */
    void ReportRunning();

  protected:
    void DoDispose() override;

  private:
    /// A command waiting to run.
    struct Queued
    {
        LanmanCommand command; //!< it
        std::string source;    //!< commands or logon_script
    };

    void StartApplication() override;
    void StopApplication() override;
    void Next();
    void Finish(const std::string& result, const std::string& detail = "");
    void RunLogon();
    void DoLogon();
    void LogonConnected(bool ok, const std::string& why);
    void RunLogoff(Callback<void> then);
    void LogoffNext();
    void LogoffDone(bool ok, const std::string& why);
    void FinishLogoff();
    void RunUse();
    void UseOpened(bool ok, const std::string& why);
    void UseConnected(bool ok, const std::string& why);
    void RunUseDelete();
    void UseDeleted(bool ok, const std::string& why);
    void SessionLost(Ptr<LanmanClientSession> session);
    Ptr<LanmanClientSession> NewSession(const std::string& server);
    static std::string Key(const std::string& name);
    static std::string UncPath(const LanmanCommand& c);

    // Attributes.
    std::string m_domainController;            //!< DomainController
    uint32_t m_nbSessions{kDefaultNbSessions}; //!< NbSessions
    TypeId m_socketFactory;                    //!< SocketFactory
    std::string m_netbiosName;                 //!< NetbiosName
    uint16_t m_port{139};                      //!< Port

    std::vector<LanmanCommand> m_commands;    //!< the batch
    std::vector<LanmanCommand> m_logonScript; //!< the logon script
    Ptr<LanmanNameTable> m_names;             //!< LMHOSTS
    Callback<void, Ptr<Socket>> m_configure;  //!< socket configuration
    std::string m_hostName;                   //!< node name

    std::deque<Queued> m_queue;                                 //!< commands to run
    bool m_running{false};                                      //!< a command is running
    LanmanCommandRecord m_current;                              //!< the running command
    LanmanCommand m_currentCommand;                             //!< its parsed form
    uint32_t m_seq{0};                                          //!< commands started
    EventId m_waitEvent;                                        //!< a `wait` in progress
    bool m_loggedOn{false};                                     //!< a user is logged on
    std::string m_user;                                         //!< who
    std::string m_password;                                     //!< with which password
    std::map<std::string, Ptr<LanmanClientSession>> m_sessions; //!< server key -> session
    std::map<std::string, std::string> m_drives;                //!< "F:" -> server key
    std::vector<Ptr<LanmanClientSession>> m_keep; //!< every session (callbacks live on)
    std::vector<std::string> m_logoffOrder;       //!< sessions left to log off
    uint32_t m_logoffClosed{0};                   //!< sessions closed by this logoff
    Callback<void> m_afterLogoff;                 //!< what follows the logoff
    std::string m_pendingServer;                  //!< server key of the running command
    bool m_useReused{false};                      //!< the running net use reuses a session

    TracedCallback<const LanmanCommandRecord&> m_commandTrace;           //!< Command
    TracedCallback<const LanmanCommandRecord&> m_commandStartTrace;      //!< CommandStart
    TracedCallback<Ptr<Socket>, const Address&> m_connectStartTrace;     //!< ConnectStart
    TracedCallback<Ptr<Socket>> m_connectedTrace;                        //!< Connected
    TracedCallback<Ptr<Socket>, ConnectionOutcome> m_connectFailedTrace; //!< ConnectFailed
    TracedCallback<Ptr<Socket>, const std::string&> m_sessionTrace;      //!< SessionUp
    TracedCallback<Ptr<Socket>> m_closeTrace;                            //!< Close
    TracedCallback<Ptr<Socket>, bool> m_closedTrace;                     //!< Closed
    TracedCallback<Ptr<Socket>, ConnectionOutcome> m_abortedTrace;       //!< Aborted
    TracedCallback<Ptr<Socket>, uint32_t> m_txTrace;                     //!< Tx
    TracedCallback<Ptr<Socket>, uint32_t> m_rxTrace;                     //!< Rx

    // LanmanSessionObserver: a session's connection, reported through the traces.
    void SessionConnectStart(Ptr<Socket> socket, const Address& server) override;
    void SessionConnected(Ptr<Socket> socket) override;
    void SessionConnectFailed(Ptr<Socket> socket, ConnectionOutcome outcome) override;
    void SessionEstablished(Ptr<Socket> socket, const std::string& called) override;
    void SessionClose(Ptr<Socket> socket) override;
    void SessionClosed(Ptr<Socket> socket, bool byPeer) override;
    void SessionAborted(Ptr<Socket> socket, ConnectionOutcome outcome) override;
    void SessionTx(Ptr<Socket> socket, uint32_t bytes) override;
    void SessionRx(Ptr<Socket> socket, uint32_t bytes) override;
};

} // namespace ns3

#endif
