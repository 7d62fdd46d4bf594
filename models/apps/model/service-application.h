#ifndef RETROTCP_SERVICE_APPLICATION_H
#define RETROTCP_SERVICE_APPLICATION_H

#include "ns3/application.h"
#include "ns3/random-variable-stream.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"
#include "socket-writer.h"

#include <map>
#include <string>

namespace ns3
{

/**
 * \brief A TCP service: listens on a port while the application runs, answers each
 * request of RequestBytes with ResponseBytes, and closes when the client does (or
 * first, with CloseAfterResponse, so that the server end holds TIME-WAIT).
 *
 * Stopping the application closes the listener, so connects to the port are then
 * refused; connections already accepted carry on.
 */
class ServiceApplication : public Application
{
  public:
    /// Signature of "Up" and "Down".
    typedef void (*PortTracedCallback)(uint16_t port);
    /// Signature of "Accepted".
    typedef void (*AcceptedTracedCallback)(Ptr<Socket> socket, const Address& from);
    /// Signature of "Close" and "Aborted".
    typedef void (*SocketTracedCallback)(Ptr<Socket> socket);
    /// Signature of "Closed": true if the client closed first.
    typedef void (*ClosedTracedCallback)(Ptr<Socket> socket, bool byPeer);

    static TypeId GetTypeId();
    ServiceApplication();
    ~ServiceApplication() override;

    /**
     * \brief Connections accepted so far.
     */
    uint32_t GetAccepted() const;

    /**
     * \brief Fix the random stream of ResponseBytesVariable, if set.
     * \param stream the stream number \return streams used (0 or 1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief Set a callback applied to the listening socket right after it is
     * created (per-host stock-TCP attributes).
     */
    void SetSocketConfigurator(Callback<void, Ptr<Socket>> configure);

  protected:
    void DoDispose() override;

  private:
    /// One accepted connection.
    struct Peer
    {
        uint32_t received{0};         //!< request bytes received since the last response
        bool closing{false};          //!< Close() called
        bool closeWhenWritten{false}; //!< close once the writer has handed over all
        SocketWriter writer;          //!< response bytes the socket has not taken yet
    };

    void StartApplication() override;
    void StopApplication() override;

    bool ConnectionRequest(Ptr<Socket> socket, const Address& from);
    void Accept(Ptr<Socket> socket, const Address& from);
    void Receive(Ptr<Socket> socket);
    void SendMore(Ptr<Socket> socket, uint32_t available);
    void CloseIfWritten(Ptr<Socket> socket, Peer& peer);
    void PeerClose(Ptr<Socket> socket);
    void PeerError(Ptr<Socket> socket);
    void Respond(Ptr<Socket> socket, Peer& peer);
    void Forget(Ptr<Socket> socket);

    uint16_t m_port{0};                                //!< listening port
    TypeId m_socketFactory;                            //!< socket factory
    uint32_t m_requestBytes{0};                        //!< request size that triggers a response
    uint32_t m_responseBytes{0};                       //!< response size
    Ptr<RandomVariableStream> m_responseBytesVariable; //!< ResponseBytesVariable, or null
    bool m_closeAfterResponse{false};                  //!< server closes first
    Callback<void, Ptr<Socket>> m_configureSocket;     //!< per-host socket configuration
    std::string m_hostName;                            //!< this node's name (for messages)
    TracedCallback<uint16_t> m_upTrace;                //!< Up
    TracedCallback<uint16_t> m_downTrace;              //!< Down
    TracedCallback<uint16_t> m_listenFailedTrace;      //!< ListenFailed
    TracedCallback<Ptr<Socket>, const Address&> m_acceptedTrace; //!< Accepted
    TracedCallback<Ptr<Socket>> m_closeTrace;                    //!< Close
    TracedCallback<Ptr<Socket>, bool> m_closedTrace;             //!< Closed
    TracedCallback<Ptr<Socket>> m_abortedTrace;                  //!< Aborted
    Ptr<Socket> m_listener;                                      //!< listening socket while running
    // The accepted sockets' callbacks, made once (not four callback objects per
    // connection).
    Callback<void, Ptr<Socket>> m_onReceive;        //!< Receive
    Callback<void, Ptr<Socket>, uint32_t> m_onSend; //!< SendMore
    Callback<void, Ptr<Socket>> m_onPeerClose;      //!< PeerClose
    Callback<void, Ptr<Socket>> m_onPeerError;      //!< PeerError
    std::map<Ptr<Socket>, Peer> m_peers;            //!< accepted connections
    uint32_t m_accepted{0};                         //!< accepted so far
};

} // namespace ns3

#endif
