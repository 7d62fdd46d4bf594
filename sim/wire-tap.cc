#include "wire-tap.h"

#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/tcp-header.h"

namespace retrotcp
{

using namespace ns3;

namespace
{
// The IPv4 and TCP headers of a packet seen at the IP layer (header included).
bool
Decode(Ptr<const Packet> packet, Ipv4Header& ip, TcpHeader& tcp)
{
    Ptr<Packet> copy = packet->Copy();
    copy->RemoveHeader(ip);
    if (ip.GetProtocol() != 6 || ip.GetFragmentOffset() != 0)
    {
        return false;
    }
    copy->PeekHeader(tcp);
    return true;
}
} // namespace

WireTap::WireTap(Ptr<Node> node, std::string host, Ptr<ConnectionBook> book)
    : m_host(std::move(host))
    , m_book(book)
{
    Ptr<Ipv4L3Protocol> ip = node->GetObject<Ipv4L3Protocol>();
    ip->TraceConnectWithoutContext("Tx", MakeCallback(&WireTap::Tx, this));
    ip->TraceConnectWithoutContext("Rx", MakeCallback(&WireTap::Rx, this));
}

void
WireTap::Tx(Ptr<const Packet> packet, Ptr<Ipv4>, uint32_t)
{
    Ipv4Header ip;
    TcpHeader tcp;
    if (!Decode(packet, ip, tcp))
    {
        return;
    }
    uint8_t flags = tcp.GetFlags();
    uint64_t id = m_book->FindTuple(ip.GetSource(), tcp.GetSourcePort(), ip.GetDestination(),
                                    tcp.GetDestinationPort());
    if ((flags & TcpHeader::SYN) && !(flags & TcpHeader::ACK) && id != 0)
    {
        ConnectionRecord& r = m_book->Get(id);
        ++r.synsSent;
        std::ostringstream detail;
        detail << "seq=" << tcp.GetSequenceNumber();
        m_book->Event(m_host, id, r.synsSent == 1 ? "syn_sent" : "syn_retransmit", detail.str());
    }
    else if (flags & TcpHeader::RST)
    {
        std::ostringstream detail;
        detail << "to=" << ip.GetDestination() << ":" << tcp.GetDestinationPort();
        m_book->Event(m_host, id, "rst_sent", detail.str());
    }
}

void
WireTap::Rx(Ptr<const Packet> packet, Ptr<Ipv4>, uint32_t)
{
    Ipv4Header ip;
    TcpHeader tcp;
    if (!Decode(packet, ip, tcp) || !(tcp.GetFlags() & TcpHeader::RST))
    {
        return;
    }
    uint64_t id = m_book->FindTuple(ip.GetDestination(), tcp.GetDestinationPort(), ip.GetSource(),
                                    tcp.GetSourcePort());
    if (id != 0)
    {
        ++m_book->Get(id).rstsReceived;
    }
    std::ostringstream detail;
    detail << "from=" << ip.GetSource() << ":" << tcp.GetSourcePort();
    m_book->Event(m_host, id, "rst_received", detail.str());
}

} // namespace retrotcp
