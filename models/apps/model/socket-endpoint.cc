#include "socket-endpoint.h"

#include "ns3/abort.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SocketEndpoint");

InetSocketAddress
LocalEndpoint(Ptr<Socket> socket)
{
    Address local;
    socket->GetSockName(local);
    InetSocketAddress inet = InetSocketAddress::ConvertFrom(local);
    Ptr<Ipv4> ipv4 = socket->GetNode()->GetObject<Ipv4>();
    if (inet.GetIpv4() == Ipv4Address::GetAny() && ipv4 && ipv4->GetNInterfaces() > 1)
    {
        inet.SetIpv4(ipv4->GetAddress(1, 0).GetLocal());
    }
    return inet;
}

Ptr<Socket>
OpenListener(Ptr<Node> node, TypeId factory, const Callback<void, Ptr<Socket>>& configure,
             uint16_t port, const std::string& hostName)
{
    Ptr<Socket> listener = Socket::CreateSocket(node, factory);
    if (!configure.IsNull())
    {
        configure(listener);
    }
    if (listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), port)) != 0)
    {
        NS_LOG_WARN(hostName << ": cannot bind port " << port);
        listener->Close();
        return nullptr;
    }
    listener->Listen();
    return listener;
}

void
CloseListener(Ptr<Socket> listener)
{
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                MakeNullCallback<void, Ptr<Socket>, const Address&>());
    listener->Close();
}

void
AnswerPeerClose(Ptr<Socket> socket, bool closedLocally)
{
    if (!closedLocally)
    {
        CloseAfterPeer(socket);
    }
}

void
CloseAfterPeer(Ptr<Socket> socket)
{
    // ns-3's TcpSocketBase, after the peer-close callback, sends an ACK of the FIN
    // unless the application declared with ShutdownSend() that it has nothing
    // more to send; a bare Close() in the callback gives FIN|ACK and then that ACK
    // again (a duplicate ACK on the wire). ShutdownSend() first: one FIN|ACK.
    socket->ShutdownSend();
    socket->Close();
}

void
DetachAcceptedSocket(Ptr<Socket> socket)
{
    socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                              MakeNullCallback<void, Ptr<Socket>>());
}

} // namespace ns3
