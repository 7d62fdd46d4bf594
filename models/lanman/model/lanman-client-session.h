#ifndef LANMAN_CLIENT_SESSION_H
#define LANMAN_CLIENT_SESSION_H

#include "connection-registry.h"
#include "nbss-stream-reader.h"
#include "ns3/callback.h"
#include "ns3/ipv4-address.h"
#include "ns3/object.h"
#include "ns3/socket.h"
#include "smb-header.h"
#include "socket-writer.h"

#include <string>

namespace ns3
{

class Node;

/**
 * \brief The redirector's one TCP connection and NetBIOS session to one server.
 *
 * Open(): connect to port 139, SESSION REQUEST (called = server, calling =
 * workstation), POSITIVE SESSION RESPONSE, SMB Negotiate, SMB Session Setup (the
 * user's logon on that server). Request(): one SMB request and its response (one
 * at a time). Close(): the workstation closes actively, so its connection block
 * stays in TIME-WAIT for 2 x MSL. Each Open() is one row of connections.csv.
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
     * \param node the workstation \param factory socket factory \param registry the
     * run's registry \param hostName workstation host name \param profile its stack
     * profile \param callingName workstation NetBIOS name \param serverName server
     * host name \param server its address \param port NetBIOS session port
     */
    void Setup(Ptr<Node> node, TypeId factory, Ptr<ConnectionRegistry> registry,
               const std::string& hostName, const std::string& profile,
               const std::string& callingName, const std::string& serverName, Ipv4Address server,
               uint16_t port);
    /** \brief A callback applied to the socket once created. \param c callback */
    void SetSocketConfigurator(Callback<void, Ptr<Socket>> c);
    /** \brief Called when the server closes or resets an open session. \param c callback */
    void SetLostCallback(Callback<void, Ptr<LanmanClientSession>> c);

    /** \brief Connect and set the session up. \param done completion */
    void Open(DoneCallback done);
    /**
     * \brief Send one SMB request and await its response.
     * \param command the command \param done completion
     */
    void Request(SmbHeader::Command command, DoneCallback done);
    /** \brief Close the connection (the client closes first). */
    void Close();

    /** \return the server's host name */
    const std::string& GetServerName() const;
    /** \return the connection's conn_id (0 before Open()) */
    uint64_t GetConnectionId() const;
    /** \return true between a successful Open() and Close() or loss */
    bool IsOpen() const;

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
    void SendSmb(SmbHeader::Command command);
    void Complete(bool ok, const std::string& detail);
    void Lost(const std::string& why);
    void UpdateCounters();
    void DetachSocket();
    uint16_t RequestBytes(SmbHeader::Command command) const;

    // Attributes.
    uint16_t m_negotiateBytes{0};    //!< NegotiateRequestBytes
    uint16_t m_sessionSetupBytes{0}; //!< SessionSetupRequestBytes
    uint16_t m_treeConnectBytes{0};  //!< TreeConnectRequestBytes
    uint16_t m_otherBytes{0};        //!< OtherRequestBytes

    Ptr<Node> m_node;                                //!< workstation
    TypeId m_factory;                                //!< socket factory
    Ptr<ConnectionRegistry> m_registry;              //!< records and events
    std::string m_hostName;                          //!< workstation host name
    std::string m_profile;                           //!< its profile
    std::string m_callingName;                       //!< workstation NetBIOS name
    std::string m_serverName;                        //!< server host name
    Ipv4Address m_server;                            //!< server address
    uint16_t m_port{139};                            //!< server port
    Callback<void, Ptr<Socket>> m_configure;         //!< socket configuration
    Callback<void, Ptr<LanmanClientSession>> m_lost; //!< loss notification

    Ptr<Socket> m_socket;  //!< the connection
    SocketWriter m_writer; //!< message bytes the socket has not taken yet
    uint64_t m_id{0};      //!< conn_id
    Phase m_phase{IDLE};   //!< where Open() is
    bool m_closing{false}; //!< Close() called
    DoneCallback m_done;   //!< pending completion
    SmbHeader::Command m_awaiting{SmbHeader::NEGOTIATE}; //!< response awaited
    bool m_requestPending{false};                        //!< a Request() awaits its response
    uint16_t m_uid{0};                                   //!< from Session Setup
    uint16_t m_mid{0};                                   //!< next multiplex id
    NbssStreamReader m_reader;                           //!< framing
};

} // namespace ns3

#endif
