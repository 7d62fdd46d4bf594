#include "app-reporters.h"

#include "connect-failure.h"
#include "event-detail.h"
#include "legacy-tcp-socket.h"
#include "ns3/inet-socket-address.h"
#include "ns3/simulator.h"

#include <sstream>

namespace retrotcp
{

using namespace ns3;

ClientReporter::ClientReporter(Ptr<ConnectionBook> book, std::string host, std::string profile,
                               uint32_t nodeId, HostNameOf names,
                               std::optional<LegacyTcpErrorCodes> codes, bool refreshAtEnd)
    : m_book(book)
    , m_host(std::move(host))
    , m_profile(std::move(profile))
    , m_nodeId(nodeId)
    , m_names(std::move(names))
    , m_codes(codes)
    , m_refreshAtEnd(refreshAtEnd)
{
}

void
ClientReporter::Listen(Ptr<Object> app)
{
    app->TraceConnectWithoutContext("ConnectStart",
                                    MakeCallback(&ClientReporter::ConnectStart, this));
    app->TraceConnectWithoutContext("Connected", MakeCallback(&ClientReporter::Connected, this));
    app->TraceConnectWithoutContext("ConnectFailed",
                                    MakeCallback(&ClientReporter::ConnectFailed, this));
    app->TraceConnectWithoutContext("SessionUp", MakeCallback(&ClientReporter::SessionUp, this));
    app->TraceConnectWithoutContext("Close", MakeCallback(&ClientReporter::Close, this));
    app->TraceConnectWithoutContext("Closed", MakeCallback(&ClientReporter::Closed, this));
    app->TraceConnectWithoutContext("Aborted", MakeCallback(&ClientReporter::Aborted, this));
    app->TraceConnectWithoutContext("Tx", MakeCallback(&ClientReporter::Tx, this));
    app->TraceConnectWithoutContext("Rx", MakeCallback(&ClientReporter::Rx, this));
    app->TraceConnectWithoutContext("CommandStart",
                                    MakeCallback(&ClientReporter::CommandStart, this));
    app->TraceConnectWithoutContext("Command", MakeCallback(&ClientReporter::CommandEnd, this));
}

void
ClientReporter::CommandStart(const LanmanCommandRecord& record)
{
    m_book->Event(m_host, 0, "command_start", "command=" + DetailValue(record.command));
}

void
ClientReporter::CommandEnd(const LanmanCommandRecord& record)
{
    if (record.end >= Time(0)) // not a command still running at the end of the run
    {
        m_book->Event(m_host, 0, "command_end", "result=" + record.result);
    }
}

void
ClientReporter::ConnectStart(Ptr<Socket> socket, const Address& remote)
{
    InetSocketAddress inet = InetSocketAddress::ConvertFrom(remote);
    ConnectionRecord record;
    record.host = m_host;
    record.profile = m_profile;
    record.remoteHost = m_names(inet.GetIpv4());
    record.remoteAddress = inet.GetIpv4();
    record.remotePort = inet.GetPort();
    record.start = Simulator::Now();
    uint64_t id = m_book->Open(record);
    m_book->OpenSocket(socket, id, m_refreshAtEnd);
    m_book->Event(m_host, id, "connect_start",
                  "remote_host=" + DetailValue(record.remoteHost) +
                      " remote_port=" + std::to_string(record.remotePort));
    if (Ptr<LegacyTcpSocket> legacy = DynamicCast<LegacyTcpSocket>(socket))
    {
        // The legacy stack reports events by its own connection id (its first SYN
        // leaves from inside Connect(), before the port is known).
        m_book->BindStackConnection(m_nodeId, legacy->GetConnectionId(), id);
    }
    m_book->BindSocket(socket, id); // stock ns-3 chose the port in Bind()
}

void
ClientReporter::SetOutcome(ConnectionRecord& r, ConnectionOutcome outcome, Ptr<Socket> socket) const
{
    if (m_codes)
    {
        SetConnectionOutcome(r, outcome, *m_codes);
    }
    else
    {
        SetConnectionOutcome(r, outcome, socket);
    }
}

void
ClientReporter::End(uint64_t id, Ptr<Socket> socket)
{
    m_book->UpdateCounters(id, socket);
    m_book->CloseSocket(socket);
}

void
ClientReporter::Connected(Ptr<Socket> socket)
{
    uint64_t id = m_book->FindSocket(socket);
    ConnectionRecord& r = m_book->Get(id);
    m_book->UpdateCounters(id, socket);
    r.outcome = ConnectionOutcome::Established;
    r.end = Simulator::Now();
    m_book->Event(m_host, id, "connected");
}

void
ClientReporter::ConnectFailed(Ptr<Socket> socket, ConnectionOutcome outcome)
{
    uint64_t id = m_book->FindSocket(socket);
    ConnectionRecord& r = m_book->Get(id);
    m_book->UpdateCounters(id, socket);
    // Stock ns-3 does not say why: a failure answered by resets (counted on the
    // wire) is refused, one without is timed out, as Winsock decides.
    if (outcome == ConnectionOutcome::Pending)
    {
        outcome = ClassifyConnectFailure(socket, r.rstsReceived);
    }
    SetOutcome(r, outcome, socket);
    r.end = Simulator::Now();
    if (!StackTracesConnectFailure(socket) || r.outcome == ConnectionOutcome::Failed)
    {
        // The legacy stack traces its own connect_failed; say it here for the others.
        m_book->Event(m_host, id, "connect_failed",
                      std::string("outcome=") + ConnectionOutcomeName(r.outcome));
    }
    End(id, socket);
}

void
ClientReporter::SessionUp(Ptr<Socket> socket, const std::string& called)
{
    m_book->Event(m_host, m_book->FindSocket(socket), "nbss_session",
                  "called=" + DetailValue(called));
}

void
ClientReporter::Close(Ptr<Socket> socket)
{
    m_book->Event(m_host, m_book->FindSocket(socket), "app_close");
}

void
ClientReporter::Closed(Ptr<Socket> socket, bool byPeer)
{
    uint64_t id = m_book->FindSocket(socket);
    ConnectionRecord& r = m_book->Get(id);
    r.closed = Simulator::Now();
    r.closeKind = "normal";
    m_book->Event(m_host, id, "app_closed", byPeer ? "closed_first=peer" : "closed_first=local");
    End(id, socket);
}

void
ClientReporter::Aborted(Ptr<Socket> socket, ConnectionOutcome outcome)
{
    uint64_t id = m_book->FindSocket(socket);
    ConnectionRecord& r = m_book->Get(id);
    SetOutcome(r, outcome, socket);
    r.closed = Simulator::Now();
    bool aborted = r.outcome == ConnectionOutcome::Aborted;
    r.closeKind = aborted ? "aborted" : "reset";
    m_book->Event(m_host, id, aborted ? "app_aborted" : "app_reset");
    End(id, socket);
}

void
ClientReporter::Tx(Ptr<Socket> socket, uint32_t bytes)
{
    m_book->Get(m_book->FindSocket(socket)).bytesSent += bytes;
}

void
ClientReporter::Rx(Ptr<Socket> socket, uint32_t bytes)
{
    m_book->Get(m_book->FindSocket(socket)).bytesReceived += bytes;
}

ServerReporter::ServerReporter(Ptr<ConnectionBook> book, std::string host)
    : m_book(book)
    , m_host(std::move(host))
{
}

void
ServerReporter::Listen(Ptr<Object> app)
{
    app->TraceConnectWithoutContext("Up", MakeCallback(&ServerReporter::Up, this));
    app->TraceConnectWithoutContext("Down", MakeCallback(&ServerReporter::Down, this));
    app->TraceConnectWithoutContext("ListenFailed",
                                    MakeCallback(&ServerReporter::ListenFailed, this));
    app->TraceConnectWithoutContext("Accepted", MakeCallback(&ServerReporter::Accepted, this));
    app->TraceConnectWithoutContext("SessionAccepted",
                                    MakeCallback(&ServerReporter::SessionAccepted, this));
    app->TraceConnectWithoutContext("IdleDisconnect",
                                    MakeCallback(&ServerReporter::IdleDisconnect, this));
    app->TraceConnectWithoutContext("Close", MakeCallback(&ServerReporter::Close, this));
    app->TraceConnectWithoutContext("Closed", MakeCallback(&ServerReporter::Closed, this));
    app->TraceConnectWithoutContext("Aborted", MakeCallback(&ServerReporter::Aborted, this));
}

uint64_t
ServerReporter::IdOf(Ptr<Socket> socket) const
{
    auto it = m_accepted.find(PeekPointer(socket));
    return it == m_accepted.end() ? 0 : it->second;
}

void
ServerReporter::Up(uint16_t port)
{
    m_book->Event(m_host, 0, "service_up", "port=" + std::to_string(port));
}

void
ServerReporter::Down(uint16_t port)
{
    m_book->Event(m_host, 0, "service_down", "port=" + std::to_string(port));
}

void
ServerReporter::ListenFailed(uint16_t port)
{
    // bind() would fail with WSAEADDRINUSE: connects to the port are refused.
    m_book->Event(m_host, 0, "service_failed",
                  "port=" + std::to_string(port) + " reason=address_in_use");
}

void
ServerReporter::Accepted(Ptr<Socket> socket, const Address& from)
{
    uint64_t id = m_book->FindPeer(socket, from);
    m_accepted[PeekPointer(socket)] = id;
    InetSocketAddress inet = InetSocketAddress::ConvertFrom(from);
    std::ostringstream detail;
    detail << "remote_address=" << inet.GetIpv4() << " remote_port=" << inet.GetPort();
    m_book->Event(m_host, id, "accepted", detail.str());
}

void
ServerReporter::SessionAccepted(Ptr<Socket> socket, const std::string& calling)
{
    m_book->Event(m_host, IdOf(socket), "nbss_session_accepted", "calling=" + DetailValue(calling));
}

void
ServerReporter::IdleDisconnect(Ptr<Socket> socket)
{
    m_book->Event(m_host, IdOf(socket), "idle_disconnect");
}

void
ServerReporter::Close(Ptr<Socket> socket)
{
    m_book->Event(m_host, IdOf(socket), "app_close", "text=\"server first\"");
}

void
ServerReporter::Closed(Ptr<Socket> socket, bool byPeer)
{
    m_book->Event(m_host, IdOf(socket), "app_closed",
                  byPeer ? "closed_first=peer" : "closed_first=local");
    m_accepted.erase(PeekPointer(socket));
}

void
ServerReporter::Aborted(Ptr<Socket> socket)
{
    m_book->Event(m_host, IdOf(socket), "app_reset");
    m_accepted.erase(PeekPointer(socket));
}

} // namespace retrotcp
