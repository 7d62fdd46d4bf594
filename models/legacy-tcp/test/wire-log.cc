#include "wire-log.h"

#include "ns3/ipv4-header.h"
#include "ns3/ppp-header.h"
#include "ns3/simulator.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-option-rfc793.h"

#include <sstream>

using namespace ns3;

namespace retrotcp
{
namespace test
{

std::string
WireSegment::ToString() const
{
    static const char* names[] = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
    std::ostringstream os;
    os.precision(6);
    os << std::fixed << time.GetSeconds() << " " << device << " " << src << ":" << sport << " > "
       << dst << ":" << dport << " [";
    bool first = true;
    for (int i = 0; i < 8; ++i)
    {
        if (flags & (1 << i))
        {
            os << (first ? "" : "|") << names[i];
            first = false;
        }
    }
    os << "] seq=" << seq << " ack=" << ack << " len=" << length << " win=" << window;
    if (mss)
    {
        os << " mss=" << mss;
    }
    return os.str();
}

bool
DecodeTcpFrame(Ptr<const Packet> frame, WireSegment& out)
{
    Ptr<Packet> p = frame->Copy();
    PppHeader ppp;
    p->RemoveHeader(ppp);
    if (ppp.GetProtocol() != 0x0021) // PPP code for IPv4
    {
        return false;
    }
    Ipv4Header ip;
    p->RemoveHeader(ip);
    if (ip.GetProtocol() != 6)
    {
        return false;
    }
    TcpHeader tcp;
    p->RemoveHeader(tcp);
    out.src = ip.GetSource();
    out.dst = ip.GetDestination();
    out.sport = tcp.GetSourcePort();
    out.dport = tcp.GetDestinationPort();
    out.flags = tcp.GetFlags();
    out.seq = tcp.GetSequenceNumber().GetValue();
    out.ack = tcp.GetAckNumber().GetValue();
    out.length = p->GetSize();
    out.window = tcp.GetWindowSize();
    out.mss = 0;
    out.optionKinds = 0;
    for (const auto& option : tcp.GetOptionList())
    {
        out.optionKinds |= 1u << (option->GetKind() & 31);
        if (option->GetKind() == TcpOption::MSS)
        {
            out.mss = DynamicCast<const TcpOptionMSS>(option)->GetMSS();
        }
    }
    return true;
}

void
WireLog::Attach(Ptr<NetDevice> device, const std::string& tag)
{
    device->TraceConnectWithoutContext("PhyTxBegin",
                                       MakeCallback(&WireLog::Capture, this).Bind(tag));
}

void
WireLog::Capture(std::string tag, Ptr<const Packet> frame)
{
    WireSegment s;
    if (DecodeTcpFrame(frame, s))
    {
        s.time = Simulator::Now();
        s.device = tag;
        m_segments.push_back(s);
    }
}

std::vector<WireSegment>
WireLog::From(const std::string& tag, uint8_t flags) const
{
    return Select([&](const WireSegment& s) { return s.device == tag && s.Is(flags); });
}

std::vector<WireSegment>
WireLog::Select(const std::function<bool(const WireSegment&)>& pred) const
{
    std::vector<WireSegment> out;
    for (const auto& s : m_segments)
    {
        if (pred(s))
        {
            out.push_back(s);
        }
    }
    return out;
}

std::string
WireLog::Dump() const
{
    std::ostringstream os;
    for (const auto& s : m_segments)
    {
        os << s.ToString() << "\n";
    }
    return os.str();
}

bool
WireDropModel::DoCorrupt(Ptr<Packet> p)
{
    WireSegment s;
    if (m_pred && DecodeTcpFrame(p, s) && m_pred(s))
    {
        ++m_dropped;
        return true;
    }
    return false;
}

} // namespace test
} // namespace retrotcp
