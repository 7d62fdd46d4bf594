#include "lanman-redirector.h"

#include "ns3/log.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cctype>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LanmanRedirector");
NS_OBJECT_ENSURE_REGISTERED(LanmanRedirector);

TypeId
LanmanRedirector::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LanmanRedirector")
            .SetParent<Application>()
            .SetGroupName("Lanman")
            .AddConstructor<LanmanRedirector>()
            .AddAttribute(
                "DomainController", "Host name of the domain controller that validates net logon.",
                StringValue(""), MakeStringAccessor(&LanmanRedirector::m_domainController),
                MakeStringChecker())
            .AddAttribute("NbSessions",
                          "NetBIOS sessions the workstation can hold (NBSESSIONS). The "
                          "default is Q94246's: 'NBSESSIONS = The number of NetBIOS sessions, "
                          "defaults to 6'.",
                          UintegerValue(kDefaultNbSessions),
                          MakeUintegerAccessor(&LanmanRedirector::m_nbSessions),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("SocketFactory", "TypeId of the socket factory.",
                          TypeIdValue(TcpSocketFactory::GetTypeId()),
                          MakeTypeIdAccessor(&LanmanRedirector::m_socketFactory),
                          MakeTypeIdChecker())
            .AddAttribute("NetbiosName",
                          "The workstation's NetBIOS name (calling name); empty = the node's "
                          "name.",
                          StringValue(""), MakeStringAccessor(&LanmanRedirector::m_netbiosName),
                          MakeStringChecker())
            .AddAttribute("Port",
                          "Server port of the NetBIOS session service. Default 139: RFC 1002.",
                          UintegerValue(139), MakeUintegerAccessor(&LanmanRedirector::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddTraceSource("Command", "A command finished (or was still running at the end).",
                            MakeTraceSourceAccessor(&LanmanRedirector::m_commandTrace),
                            "ns3::LanmanRedirector::CommandTracedCallback")
            .AddTraceSource("CommandStart", "A command starts.",
                            MakeTraceSourceAccessor(&LanmanRedirector::m_commandStartTrace),
                            "ns3::LanmanRedirector::CommandTracedCallback")
            .AddTraceSource("ConnectStart",
                            "A session's connect() begins: its socket created and bound "
                            "(socket, server address).",
                            MakeTraceSourceAccessor(&LanmanRedirector::m_connectStartTrace),
                            "ns3::ConnectorApplication::ConnectStartTracedCallback")
            .AddTraceSource("Connected", "A session's connect() succeeded (socket).",
                            MakeTraceSourceAccessor(&LanmanRedirector::m_connectedTrace),
                            "ns3::ConnectorApplication::SocketTracedCallback")
            .AddTraceSource("ConnectFailed",
                            "A session's connect() failed (socket, outcome; Pending when the "
                            "stack does not say).",
                            MakeTraceSourceAccessor(&LanmanRedirector::m_connectFailedTrace),
                            "ns3::ConnectorApplication::OutcomeTracedCallback")
            .AddTraceSource("SessionUp",
                            "The server accepted a NetBIOS session (socket, called name).",
                            MakeTraceSourceAccessor(&LanmanRedirector::m_sessionTrace),
                            "ns3::LanmanRedirector::SessionTracedCallback")
            .AddTraceSource("Close", "The workstation closes a session's connection (socket).",
                            MakeTraceSourceAccessor(&LanmanRedirector::m_closeTrace),
                            "ns3::ConnectorApplication::SocketTracedCallback")
            .AddTraceSource("Closed",
                            "A session's connection closed normally (socket, true if the "
                            "server closed first).",
                            MakeTraceSourceAccessor(&LanmanRedirector::m_closedTrace),
                            "ns3::ConnectorApplication::ClosedTracedCallback")
            .AddTraceSource("Aborted",
                            "A session's connection ended with an error (socket, outcome).",
                            MakeTraceSourceAccessor(&LanmanRedirector::m_abortedTrace),
                            "ns3::ConnectorApplication::OutcomeTracedCallback")
            .AddTraceSource("Tx", "Bytes handed to a session's socket (socket, bytes).",
                            MakeTraceSourceAccessor(&LanmanRedirector::m_txTrace),
                            "ns3::ConnectorApplication::BytesTracedCallback")
            .AddTraceSource("Rx", "Bytes read from a session's socket (socket, bytes).",
                            MakeTraceSourceAccessor(&LanmanRedirector::m_rxTrace),
                            "ns3::ConnectorApplication::BytesTracedCallback");
    return tid;
}

LanmanRedirector::LanmanRedirector() = default;

LanmanRedirector::~LanmanRedirector() = default;

std::string
LanmanRedirector::Key(const std::string& name)
{
    return LanmanNameTable::Key(name);
}

std::string
LanmanRedirector::UncPath(const LanmanCommand& c)
{
    // MS-DOS upper-cases names before they go on the wire (the header's
    // SMB_FLAGS_CANONICALIZED_PATHS), as the name table's keys are.
    return "\\\\" + Key(c.server) + "\\" + Key(c.share);
}

void
LanmanRedirector::SetCommands(const std::vector<LanmanCommand>& commands)
{
    m_commands = commands;
}

void
LanmanRedirector::SetLogonScript(const std::vector<LanmanCommand>& script)
{
    m_logonScript = script;
}

void
LanmanRedirector::AddServer(const std::string& name, Ipv4Address address)
{
    if (!m_names)
    {
        m_names = Create<LanmanNameTable>();
    }
    m_names->Add(name, address);
}

void
LanmanRedirector::SetNameTable(Ptr<LanmanNameTable> names)
{
    m_names = names;
}

void
LanmanRedirector::SetSocketConfigurator(Callback<void, Ptr<Socket>> c)
{
    m_configure = c;
}

uint32_t
LanmanRedirector::GetSessionCount() const
{
    return static_cast<uint32_t>(m_sessions.size());
}

bool
LanmanRedirector::IsLoggedOn() const
{
    return m_loggedOn;
}

void
LanmanRedirector::DoDispose()
{
    m_waitEvent.Cancel();
    for (auto& s : m_keep)
    {
        s->Dispose();
    }
    m_keep.clear();
    m_sessions.clear();
    m_afterLogoff = Callback<void>();
    Application::DoDispose();
}

void
LanmanRedirector::StartApplication()
{
    m_hostName = Names::FindName(GetNode());
    if (m_netbiosName.empty())
    {
        m_netbiosName = m_hostName;
    }
    for (const auto& c : m_commands)
    {
        m_queue.push_back({c, "commands"});
    }
    Next();
}

void
LanmanRedirector::ReportRunning()
{
    if (m_running)
    {
        m_running = false;
        m_current.result = "pending";
        m_commandTrace(m_current);
    }
}

void
LanmanRedirector::StopApplication()
{
    m_waitEvent.Cancel();
    ReportRunning();
    m_queue.clear();
}

void
LanmanRedirector::Next()
{
    if (m_running || m_queue.empty())
    {
        return;
    }
    Queued q = m_queue.front();
    m_queue.pop_front();
    m_running = true;
    m_currentCommand = q.command;
    m_current = LanmanCommandRecord();
    m_current.host = m_hostName;
    m_current.seq = ++m_seq;
    m_current.source = q.source;
    m_current.command = q.command.text;
    m_current.start = Simulator::Now();
    m_commandStartTrace(m_current);
    switch (q.command.kind)
    {
    case LanmanCommand::WAIT:
        m_waitEvent = Simulator::Schedule(q.command.wait, &LanmanRedirector::Finish, this,
                                          std::string("ok"), std::string(""));
        break;
    case LanmanCommand::LOGON:
        RunLogon();
        break;
    case LanmanCommand::LOGOFF:
        if (!m_loggedOn && m_sessions.empty())
        {
            Finish("not_logged_on");
        }
        else
        {
            RunLogoff(MakeCallback(&LanmanRedirector::FinishLogoff, this));
        }
        break;
    case LanmanCommand::USE:
        RunUse();
        break;
    case LanmanCommand::USE_DELETE:
        RunUseDelete();
        break;
    }
}

void
LanmanRedirector::Finish(const std::string& result, const std::string& detail)
{
    if (!m_running)
    {
        return;
    }
    m_running = false;
    m_current.end = Simulator::Now();
    m_current.result = result;
    m_current.detail = detail;
    m_commandTrace(m_current);
    Simulator::ScheduleNow(&LanmanRedirector::Next, this);
}

Ptr<LanmanClientSession>
LanmanRedirector::NewSession(const std::string& key)
{
    const LanmanNameTable::Entry* entry = m_names ? m_names->Find(key) : nullptr;
    NS_ABORT_MSG_UNLESS(entry, "no address for server " << key);
    const std::string& name = entry->name;
    Ipv4Address address = entry->address;
    Ptr<LanmanClientSession> s = CreateObject<LanmanClientSession>();
    s->Setup(GetNode(), m_socketFactory, this, m_netbiosName, name, address, m_port);
    // Every session logs on as the user logged on (none before a logon: the null
    // session).
    if (m_loggedOn)
    {
        s->SetCredentials(m_user, m_password);
    }
    s->SetSocketConfigurator(m_configure);
    s->SetLostCallback(MakeCallback(&LanmanRedirector::SessionLost, this));
    m_keep.push_back(s);
    m_sessions[key] = s;
    return s;
}

void
LanmanRedirector::SessionLost(Ptr<LanmanClientSession> session)
{
    // The server disconnected (idle) or reset the session; the drives stay
    // defined, as the redirector reconnects on the next use.
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it)
    {
        if (it->second == session)
        {
            m_sessions.erase(it);
            return;
        }
    }
}

// --- net logon ---

void
LanmanRedirector::RunLogon()
{
    if (m_loggedOn && !m_currentCommand.yes)
    {
        // LAN Manager asks whether to log off first; without /y the answer is no.
        Finish("already_logged_on", "user=" + m_user);
        return;
    }
    if (m_loggedOn)
    {
        // Q94246: entering "net logon user password /y" while logged on closes the
        // old connections and logs on at once: "some of the old connections may
        // still be pending when the script attempts to log you on and establish
        // new ones".
        RunLogoff(MakeCallback(&LanmanRedirector::DoLogon, this));
        return;
    }
    DoLogon();
}

void
LanmanRedirector::DoLogon()
{
    const std::string key = Key(m_domainController);
    m_pendingServer = key;
    auto it = m_sessions.find(key);
    const LanmanCommand& c = m_currentCommand;
    if (it != m_sessions.end() && it->second->IsOpen())
    {
        it->second->Logon(c.user, c.password,
                          MakeCallback(&LanmanRedirector::LogonConnected, this));
        return;
    }
    if (it == m_sessions.end() && m_sessions.size() >= m_nbSessions)
    {
        Finish("dos_error_69", "sessions=" + std::to_string(m_sessions.size()) +
                                   " nbsessions=" + std::to_string(m_nbSessions));
        return;
    }
    Ptr<LanmanClientSession> session = NewSession(key);
    session->SetCredentials(c.user, c.password);
    session->Open(MakeCallback(&LanmanRedirector::LogonConnected, this));
}

void
LanmanRedirector::LogonConnected(bool ok, const std::string& why)
{
    auto it = m_sessions.find(m_pendingServer);
    m_current.socket = it == m_sessions.end() ? nullptr : it->second->GetSocket();
    if (!ok)
    {
        // Q94246: "A 'DOS error 53' or 'bad username or password' error is displayed
        // when you re-log on": the logon could not reach the domain controller.
        if (it != m_sessions.end())
        {
            m_sessions.erase(it);
        }
        Finish("bad_username_or_password", "server=" + m_domainController + " reason=" + why);
        return;
    }
    m_loggedOn = true;
    m_user = m_currentCommand.user;
    m_password = m_currentCommand.password;
    for (auto c = m_logonScript.rbegin(); c != m_logonScript.rend(); ++c)
    {
        m_queue.push_front({*c, "logon_script"});
    }
    Finish("ok", "user=" + m_user + " server=" + m_domainController);
}

// --- net logoff ---

void
LanmanRedirector::RunLogoff(Callback<void> then)
{
    m_afterLogoff = then;
    m_logoffOrder.clear();
    for (const auto& [key, session] : m_sessions)
    {
        m_logoffOrder.push_back(key);
    }
    m_logoffClosed = 0;
    LogoffNext();
}

void
LanmanRedirector::LogoffNext()
{
    while (!m_logoffOrder.empty())
    {
        m_pendingServer = m_logoffOrder.front();
        m_logoffOrder.erase(m_logoffOrder.begin());
        auto it = m_sessions.find(m_pendingServer);
        if (it == m_sessions.end())
        {
            continue;
        }
        if (it->second->IsOpen())
        {
            it->second->Logoff(MakeCallback(&LanmanRedirector::LogoffDone, this));
            return;
        }
        it->second->Close();
        m_sessions.erase(it);
    }
    m_loggedOn = false;
    m_drives.clear();
    Callback<void> then = m_afterLogoff;
    m_afterLogoff = Callback<void>();
    then();
}

void
LanmanRedirector::LogoffDone(bool, const std::string&)
{
    auto it = m_sessions.find(m_pendingServer);
    if (it != m_sessions.end())
    {
        // The workstation closes actively: its block stays in TIME-WAIT for 2 x MSL.
        it->second->Close();
        m_sessions.erase(it);
        ++m_logoffClosed;
    }
    LogoffNext();
}

void
LanmanRedirector::FinishLogoff()
{
    Finish("ok", "sessions_closed=" + std::to_string(m_logoffClosed));
}

// --- net use ---

void
LanmanRedirector::RunUse()
{
    const LanmanCommand& c = m_currentCommand;
    if (m_drives.count(c.drive))
    {
        Finish("dos_error_85", "drive=" + c.drive + " already in use");
        return;
    }
    const std::string key = Key(c.server);
    if (!m_names || !m_names->Find(key))
    {
        Finish("dos_error_53", "server=" + c.server + " reason=name_not_found");
        return;
    }
    m_pendingServer = key;
    auto it = m_sessions.find(key);
    if (it != m_sessions.end() && !it->second->IsOpen())
    {
        m_sessions.erase(it);
        it = m_sessions.end();
    }
    if (it != m_sessions.end())
    {
        // One TCP connection and NetBIOS session per server: shares on the same
        // server share it.
        m_useReused = true;
        it->second->TreeConnect(c.drive, UncPath(c),
                                MakeCallback(&LanmanRedirector::UseConnected, this));
        return;
    }
    if (m_sessions.size() >= m_nbSessions)
    {
        Finish("dos_error_69", "server=" + c.server +
                                   " sessions=" + std::to_string(m_sessions.size()) +
                                   " nbsessions=" + std::to_string(m_nbSessions));
        return;
    }
    m_useReused = false;
    NewSession(key)->Open(MakeCallback(&LanmanRedirector::UseOpened, this));
}

void
LanmanRedirector::UseOpened(bool ok, const std::string& why)
{
    auto it = m_sessions.find(m_pendingServer);
    if (!ok)
    {
        m_current.socket = it == m_sessions.end() ? nullptr : it->second->GetSocket();
        if (it != m_sessions.end())
        {
            m_sessions.erase(it);
        }
        // Q94246: the connection cannot get a block: "DOS error 53" (the network
        // path was not found).
        Finish("dos_error_53", "server=" + m_currentCommand.server + " reason=" + why);
        return;
    }
    it->second->TreeConnect(m_currentCommand.drive, UncPath(m_currentCommand),
                            MakeCallback(&LanmanRedirector::UseConnected, this));
}

void
LanmanRedirector::UseConnected(bool ok, const std::string& why)
{
    auto it = m_sessions.find(m_pendingServer);
    m_current.socket = it == m_sessions.end() ? nullptr : it->second->GetSocket();
    if (!ok)
    {
        Finish("dos_error_53", "server=" + m_currentCommand.server + " reason=" + why);
        return;
    }
    m_drives[m_currentCommand.drive] = m_pendingServer;
    Finish("ok", "server=" + m_currentCommand.server +
                     (m_useReused ? " session=reused" : " session=new"));
}

// --- net use X: /d ---

void
LanmanRedirector::RunUseDelete()
{
    auto drive = m_drives.find(m_currentCommand.drive);
    if (drive == m_drives.end())
    {
        // NET2250: "This network connection does not exist."
        Finish("net_error_2250", "drive=" + m_currentCommand.drive);
        return;
    }
    m_pendingServer = drive->second;
    auto it = m_sessions.find(m_pendingServer);
    if (it == m_sessions.end() || !it->second->IsOpen())
    {
        m_drives.erase(drive);
        Finish("ok", "session=gone");
        return;
    }
    it->second->TreeDisconnect(m_currentCommand.drive,
                               MakeCallback(&LanmanRedirector::UseDeleted, this));
}

void
LanmanRedirector::UseDeleted(bool, const std::string&)
{
    m_drives.erase(m_currentCommand.drive);
    bool stillUsed = false;
    for (const auto& [d, key] : m_drives)
    {
        stillUsed = stillUsed || key == m_pendingServer;
    }
    bool logonSession = m_loggedOn && m_pendingServer == Key(m_domainController);
    auto it = m_sessions.find(m_pendingServer);
    if (!stillUsed && !logonSession && it != m_sessions.end())
    {
        // The last drive on that server: the workstation closes the session (and
        // its block goes to TIME-WAIT).
        m_current.socket = it->second->GetSocket();
        it->second->Close();
        m_sessions.erase(it);
        Finish("ok", "session_closed=yes");
        return;
    }
    Finish("ok", "session_closed=no");
}

// --- LanmanSessionObserver: each session's connection, through the traces ---

void
LanmanRedirector::SessionConnectStart(Ptr<Socket> socket, const Address& server)
{
    m_connectStartTrace(socket, server);
}

void
LanmanRedirector::SessionConnected(Ptr<Socket> socket)
{
    m_connectedTrace(socket);
}

void
LanmanRedirector::SessionConnectFailed(Ptr<Socket> socket, ConnectionOutcome outcome)
{
    m_connectFailedTrace(socket, outcome);
}

void
LanmanRedirector::SessionEstablished(Ptr<Socket> socket, const std::string& called)
{
    m_sessionTrace(socket, called);
}

void
LanmanRedirector::SessionClose(Ptr<Socket> socket)
{
    m_closeTrace(socket);
}

void
LanmanRedirector::SessionClosed(Ptr<Socket> socket, bool byPeer)
{
    m_closedTrace(socket, byPeer);
}

void
LanmanRedirector::SessionAborted(Ptr<Socket> socket, ConnectionOutcome outcome)
{
    m_abortedTrace(socket, outcome);
}

void
LanmanRedirector::SessionTx(Ptr<Socket> socket, uint32_t bytes)
{
    m_txTrace(socket, bytes);
}

void
LanmanRedirector::SessionRx(Ptr<Socket> socket, uint32_t bytes)
{
    m_rxTrace(socket, bytes);
}

} // namespace ns3
