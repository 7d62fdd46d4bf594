#include "filter-reporter.h"

#include "ns3/tcp-header.h"

#include <sstream>

namespace retrotcp
{

using namespace ns3;

namespace
{

// "SYN", "SYN|ACK", "RST|ACK", ... as tcpdump and the stacks' logs name them.
std::string
FlagsText(uint8_t flags)
{
    static const std::pair<uint8_t, const char*> kNames[] = {
        {TcpHeader::SYN, "SYN"}, {TcpHeader::FIN, "FIN"}, {TcpHeader::RST, "RST"},
        {TcpHeader::PSH, "PSH"}, {TcpHeader::ACK, "ACK"}, {TcpHeader::URG, "URG"}};
    std::string text;
    for (const auto& [bit, name] : kNames)
    {
        if (flags & bit)
        {
            text += (text.empty() ? "" : "|") + std::string(name);
        }
    }
    return text.empty() ? "none" : text;
}

} // namespace

FilterReporter::FilterReporter(Ptr<ConnectionBook> book, std::string host)
    : m_book(book)
    , m_host(std::move(host))
{
}

void
FilterReporter::Listen(Ptr<HostPacketFilter> filter)
{
    filter->TraceConnectWithoutContext("Dropped", MakeCallback(&FilterReporter::Dropped, this));
    filter->TraceConnectWithoutContext("Rejected", MakeCallback(&FilterReporter::Rejected, this));
}

void
FilterReporter::Dropped(const HostPacketFilter::Decision& decision)
{
    Write("filter_drop", decision);
}

void
FilterReporter::Rejected(const HostPacketFilter::Decision& decision)
{
    Write("filter_reject", decision);
}

void
FilterReporter::Write(const char* event, const HostPacketFilter::Decision& d)
{
    uint64_t id = m_book->FindTuple(d.localAddress, d.localPort, d.remoteAddress, d.remotePort);
    if (id == 0)
    {
        id = m_book->FindTuple(d.remoteAddress, d.remotePort, d.localAddress, d.localPort);
    }
    std::ostringstream detail;
    detail << "rule=" << d.rule
           << " direction=" << (d.direction == PacketFilterRule::IN ? "in" : "out")
           << " protocol=" << (d.protocol == 6 ? "tcp" : "udp") << " local_port=" << d.localPort
           << " remote=" << d.remoteAddress << ':' << d.remotePort;
    if (d.protocol == 6)
    {
        detail << " flags=" << FlagsText(d.tcpFlags);
    }
    detail << " action=" << PacketFilterActionName(d.action);
    m_book->Event(m_host, id, event, detail.str());
}

} // namespace retrotcp
