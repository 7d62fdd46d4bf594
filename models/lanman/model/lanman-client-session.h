#ifndef LANMAN_CLIENT_SESSION_H
#define LANMAN_CLIENT_SESSION_H

#include "connection-record.h"
#include "nbss-stream-reader.h"
#include "ns3/callback.h"
#include "ns3/ipv4-address.h"
#include "ns3/object.h"
#include "ns3/socket.h"
#include "smb-header.h"
#include "smb-messages.h"
#include "socket-writer.h"

#include <map>
#include <string>

namespace ns3
{

class Node;

/**
 * \brief Who hears what a session's TCP connection does: the redirector, which
 * reports it through its trace sources.
 */
class LanmanSessionObserver
{
  public:
    virtual ~LanmanSessionObserver() = default;
    /** \brief The connect begins (socket created and bound). */
    virtual void SessionConnectStart(Ptr<Socket> socket, const Address& server) = 0;
    /** \brief The connect succeeded. */
    virtual void SessionConnected(Ptr<Socket> socket) = 0;
    /** \brief The connect failed (outcome; Pending when the stack does not say). */
    virtual void SessionConnectFailed(Ptr<Socket> socket, ConnectionOutcome outcome) = 0;
    /** \brief The server accepted the NetBIOS session (its called name). */
    virtual void SessionEstablished(Ptr<Socket> socket, const std::string& called) = 0;
    /** \brief The workstation closes the connection. */
    virtual void SessionClose(Ptr<Socket> socket) = 0;
    /** \brief The connection closed normally (true if the server closed first). */
    virtual void SessionClosed(Ptr<Socket> socket, bool byPeer) = 0;
    /** \brief The connection ended with an error (Reset or Aborted). */
    virtual void SessionAborted(Ptr<Socket> socket, ConnectionOutcome outcome) = 0;
    /** \brief Bytes handed to the socket. */
    virtual void SessionTx(Ptr<Socket> socket, uint32_t bytes) = 0;
    /** \brief Bytes read from the socket. */
    virtual void SessionRx(Ptr<Socket> socket, uint32_t bytes) = 0;
};

/**
 * \brief The redirector's one TCP connection and NetBIOS session to one server.
 *
 * Open(): connect to port 139, SESSION REQUEST (called = server, calling =
 * workstation), POSITIVE SESSION RESPONSE, SMB Negotiate (the DOS redirector's
 * dialects, LanmanDosDialects()), SMB Session Setup AndX (the user's logon on that
 * server: account, the 24-byte answer to the server's challenge, domain). Then one
 * request at a time: Logon() (Session Setup again), TreeConnect() (\\SERVER\SHARE,
 * service "A:"), TreeDisconnect(), Logoff(). The UID comes from the Session Setup
 * response, each drive's TID from its Tree Connect response; requests carry TID 0
 * until a tree is connected. Close(): the workstation closes actively, so its
 * connection block stays in TIME-WAIT for 2 x MSL. What the connection does is
 * told to the observer (each Open() is one row of connections.csv).
 */
class LanmanClientSession : public Object
{
  public:
    /// Completion: success, and on failure a reason word (no_tcb, refused, ...).
    typedef Callback<void, bool, const std::string&> DoneCallback;

    /** \return the TypeId */
    static TypeId GetTypeId();
    LanmanClientSession();
    ~LanmanClientSession() override;

    /**
     * \brief Say where and how to connect (before Open()).
     * \param node the workstation \param factory socket factory \param observer who
     * hears what the connection does (outlives the session) \param callingName
     * workstation NetBIOS name \param serverName server host name \param server its
     * address \param port NetBIOS session port
     */
    void Setup(Ptr<Node> node, TypeId factory, LanmanSessionObserver* observer,
               const std::string& callingName, const std::string& serverName, Ipv4Address server,
               uint16_t port);
    /** \brief A callback applied to the socket once created. \param c callback */
    void SetSocketConfigurator(Callback<void, Ptr<Socket>> c);
    /** \brief Called when the server closes or resets an open session. \param c callback */
    void SetLostCallback(Callback<void, Ptr<LanmanClientSession>> c);

    /**
     * \brief The account Open() logs on with (before Open()); an empty account is
     * the null session. \param account user name \param password its password
     */
    void SetCredentials(const std::string& account, const std::string& password);
    /** \brief Connect and set the session up. \param done completion */
    void Open(DoneCallback done);
    /**
     * \brief Session Setup on the open session (a new logon; the server's new UID
     * replaces the old). \param account user name \param password its password
     * \param done completion
     */
    void Logon(const std::string& account, const std::string& password, DoneCallback done);
    /**
     * \brief Tree Connect AndX. \param drive the drive it is for ("F:")
     * \param path \\SERVER\SHARE \param done completion
     */
    void TreeConnect(const std::string& drive, const std::string& path, DoneCallback done);
    /** \brief Tree Disconnect of a drive's TID. \param drive it \param done completion */
    void TreeDisconnect(const std::string& drive, DoneCallback done);
    /** \brief Logoff AndX of the UID. \param done completion */
    void Logoff(DoneCallback done);
    /** \brief Close the connection (the client closes first). */
    void Close();

    /** \return the server's host name */
    const std::string& GetServerName() const;
    /** \return the connection's socket (null before Open()) */
    Ptr<Socket> GetSocket() const;
    /** \return true between a successful Open() and Close() or loss */
    bool IsOpen() const;
    /** \return the UID the server gave (0: none) */
    uint16_t GetUid() const;
    /** \param drive a drive \return its TID (0: not connected on this session) */
    uint16_t GetTid(const std::string& drive) const;

  protected:
    void DoDispose() override;

  private:
    /// Where Open() is.
    enum Phase
    {
        IDLE,       //!< not opened
        CONNECTING, //!< waiting for the TCP handshake (or a connection block)
        NBSS,       //!< SESSION REQUEST sent
        NEGOTIATE,  //!< Negotiate sent
        SETUP,      //!< Session Setup sent
        OPEN,       //!< usable
        CLOSED      //!< closed or lost
    };

    void Connected(Ptr<Socket> socket);
    void ConnectFailed(Ptr<Socket> socket);
    void Receive(Ptr<Socket> socket);
    void Handle(Ptr<Packet> message);
    void PeerClosed(Ptr<Socket> socket);
    void PeerError(Ptr<Socket> socket);
    void Send(Ptr<Packet> packet);
    /** \brief The socket has room again: write what waits. */
    void SendMore(Ptr<Socket> socket, uint32_t available);
    void SendSmb(SmbHeader::Command command, uint16_t tid, const SmbBody& body);
    void SendSessionSetup();
    bool StartRequest(DoneCallback done);
    void HandleSmb(const SmbHeader& smb, const SmbBody& body);
    void Answered(const SmbHeader& smb, const SmbBody& body);
    void Complete(bool ok, const std::string& detail);
    void Lost(const std::string& why);
    void DetachSocket();

    // Attributes.
    std::string m_domain;        //!< Domain
    std::string m_nativeOs;      //!< NativeOs
    std::string m_nativeLanMan;  //!< NativeLanMan
    uint16_t m_maxBufferSize{0}; //!< MaxBufferSize
    uint16_t m_maxMpxCount{0};   //!< MaxMpxCount

    Ptr<Node> m_node;                                //!< workstation
    TypeId m_factory;                                //!< socket factory
    LanmanSessionObserver* m_observer{nullptr};      //!< hears the connection
    std::string m_callingName;                       //!< workstation NetBIOS name
    std::string m_serverName;                        //!< server host name
    Ipv4Address m_server;                            //!< server address
    uint16_t m_port{139};                            //!< server port
    Callback<void, Ptr<Socket>> m_configure;         //!< socket configuration
    Callback<void, Ptr<LanmanClientSession>> m_lost; //!< loss notification

    Ptr<Socket> m_socket;  //!< the connection
    SocketWriter m_writer; //!< message bytes the socket has not taken yet
    ConnectionOutcome m_outcome{ConnectionOutcome::Pending}; //!< known synchronous failure
    bool m_established{false};                               //!< the TCP handshake completed
    Phase m_phase{IDLE};                                     //!< where Open() is
    bool m_closing{false};                                   //!< Close() called
    DoneCallback m_done;                                     //!< pending completion
    SmbHeader::Command m_awaiting{SmbHeader::NEGOTIATE};     //!< response awaited
    uint16_t m_awaitingMid{0};                               //!< its multiplex id
    bool m_requestPending{false};                            //!< a request awaits its response
    std::string m_account;                                   //!< Session Setup account
    std::string m_password;                                  //!< and password
    std::string m_pendingDrive;                              //!< drive of a Tree Connect/Disconnect
    SmbNegotiateResponse m_negotiated;                       //!< the server's Negotiate response
    uint16_t m_uid{0};                                       //!< from Session Setup
    std::map<std::string, uint16_t> m_tids;                  //!< drive -> TID from Tree Connect
    uint16_t m_mid{0};                                       //!< last multiplex id
    NbssStreamReader m_reader;                               //!< framing
};

} // namespace ns3

#endif
