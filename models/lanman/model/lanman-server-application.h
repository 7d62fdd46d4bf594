#ifndef LANMAN_SERVER_APPLICATION_H
#define LANMAN_SERVER_APPLICATION_H

#include "lanman-smb-responder.h"
#include "nbss-stream-reader.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"
#include "socket-writer.h"

#include <map>
#include <string>

namespace ns3
{

/**
 * \brief A LAN Manager server (domain controller or file server): the NetBIOS
 * session service on TCP port 139 (RFC 1001/1002) and SMB request/response
 * exchanges with think times.
 *
 * Every SESSION REQUEST whose called name is the server's name gets a POSITIVE
 * SESSION RESPONSE after ThinkTime (another name: NEGATIVE, 0x80 "Not listening on
 * called name"). Every SMB request gets its response (LanmanSmbResponder) after
 * ThinkTime (LogonThinkTime for Session Setup: the user's validation). With an
 * IdleTimeout, a session without requests for that long is closed by the server
 * (the server closes first, so the server holds TIME-WAIT).
 */
class LanmanServerApplication : public Application
{
  public:
    /// Signature of "SessionAccepted": the socket and the calling NetBIOS name.
    typedef void (*SessionTracedCallback)(Ptr<Socket> socket, const std::string& calling);

    /** \return the TypeId */
    static TypeId GetTypeId();
    LanmanServerApplication();
    ~LanmanServerApplication() override;

    /** \return sessions accepted so far (positive session responses) */
    uint32_t GetSessionsAccepted() const;
    /** \return sessions open now */
    uint32_t GetSessionsOpen() const;
    /** \brief Set a callback applied to the listening socket. \param c callback */
    void SetSocketConfigurator(Callback<void, Ptr<Socket>> c);

  protected:
    void DoDispose() override;

  private:
    /// One client connection.
    struct Peer
    {
        NbssStreamReader reader;            //!< framing
        bool session{false};                //!< positive response sent
        bool closing{false};                //!< the server called Close()
        EventId idle;                       //!< idle disconnect
        LanmanSmbResponder::Connection smb; //!< negotiated dialect, UIDs, TIDs
        SocketWriter writer;                //!< response bytes the socket has not taken yet
    };

    void StartApplication() override;
    void StopApplication() override;
    bool ConnectionRequest(Ptr<Socket> socket, const Address& from);
    void Accept(Ptr<Socket> socket, const Address& from);
    void Receive(Ptr<Socket> socket);
    void SendMore(Ptr<Socket> socket, uint32_t available);
    void Handle(Ptr<Socket> socket, Peer& peer, Ptr<Packet> message);
    void Respond(Ptr<Socket> socket, Ptr<Packet> response);
    void RestartIdle(Ptr<Socket> socket, Peer& peer);
    void IdleDisconnect(Ptr<Socket> socket);
    void PeerClose(Ptr<Socket> socket);
    void PeerError(Ptr<Socket> socket);
    void Forget(Ptr<Socket> socket);

    uint16_t m_port{139};                                           //!< listening port
    TypeId m_socketFactory;                                         //!< socket factory
    TracedCallback<uint16_t> m_upTrace;                             //!< Up
    TracedCallback<uint16_t> m_downTrace;                           //!< Down
    TracedCallback<uint16_t> m_listenFailedTrace;                   //!< ListenFailed
    TracedCallback<Ptr<Socket>, const Address&> m_acceptedTrace;    //!< Accepted
    TracedCallback<Ptr<Socket>, const std::string&> m_sessionTrace; //!< SessionAccepted
    TracedCallback<Ptr<Socket>> m_idleTrace;                        //!< IdleDisconnect
    TracedCallback<Ptr<Socket>> m_closeTrace;                       //!< Close
    TracedCallback<Ptr<Socket>, bool> m_closedTrace;                //!< Closed
    TracedCallback<Ptr<Socket>> m_abortedTrace;                     //!< Aborted
    std::string m_netbiosName;                                      //!< own name ("" = node name)
    Time m_thinkTime;                                               //!< per request
    Time m_logonThinkTime;                                          //!< Session Setup
    Time m_idleTimeout;                                             //!< 0 = never
    std::string m_domain;                                           //!< Domain
    std::string m_nativeOs;                                         //!< NativeOs
    std::string m_nativeLanMan;                                     //!< NativeLanMan
    std::string m_nativeFileSystem;                                 //!< NativeFileSystem
    uint16_t m_maxBufferSize{4356};                                 //!< MaxBufferSize
    uint16_t m_maxMpxCount{50};                                     //!< MaxMpxCount
    LanmanSmbResponder m_responder;                                 //!< SMB answers
    Callback<void, Ptr<Socket>> m_configure; //!< per-host socket configuration
    std::string m_hostName;                  //!< node name
    Ptr<Socket> m_listener;                  //!< listening socket
    // The accepted sockets' callbacks, made once (not four callback objects per
    // session).
    Callback<void, Ptr<Socket>> m_onReceive;        //!< Receive
    Callback<void, Ptr<Socket>, uint32_t> m_onSend; //!< SendMore
    Callback<void, Ptr<Socket>> m_onPeerClose;      //!< PeerClose
    Callback<void, Ptr<Socket>> m_onPeerError;      //!< PeerError
    std::map<Ptr<Socket>, Peer> m_peers;            //!< open connections
    uint32_t m_sessionsAccepted{0};                 //!< counter
};

} // namespace ns3

#endif
