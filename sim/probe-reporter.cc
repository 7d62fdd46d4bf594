#include "probe-reporter.h"

#include "crafted-segment.h"
#include "event-detail.h"

namespace retrotcp
{

using namespace ns3;

namespace
{
// "step=N flags=SYN|ACK seq=S ack=A len=L win=W"
std::string
Segment(uint32_t step, const TcpHeader& h, uint32_t length)
{
    return "step=" + std::to_string(step) + " flags=" + TcpFlagsText(h.GetFlags()) +
           " seq=" + std::to_string(h.GetSequenceNumber().GetValue()) +
           " ack=" + std::to_string(h.GetAckNumber().GetValue()) +
           " len=" + std::to_string(length) + " win=" + std::to_string(h.GetWindowSize());
}
} // namespace

ProbeReporter::ProbeReporter(Ptr<ConnectionBook> book, std::string host, std::string to)
    : m_book(book)
    , m_host(std::move(host))
    , m_to(std::move(to))
{
}

void
ProbeReporter::Listen(Ptr<Application> app)
{
    app->TraceConnectWithoutContext("Sent", MakeCallback(&ProbeReporter::Sent, this));
    app->TraceConnectWithoutContext("Reply", MakeCallback(&ProbeReporter::Reply, this));
    app->TraceConnectWithoutContext("Skipped", MakeCallback(&ProbeReporter::Skipped, this));
}

void
ProbeReporter::Sent(uint32_t step, const TcpHeader& h, uint32_t length)
{
    m_book->Event(m_host, 0, "crafted_sent",
                  Segment(step, h, length) + " from_port=" + std::to_string(h.GetSourcePort()) +
                      " to=" + m_to);
}

void
ProbeReporter::Reply(uint32_t step, const TcpHeader& h, uint32_t length)
{
    m_book->Event(m_host, 0, "crafted_reply", Segment(step, h, length));
}

void
ProbeReporter::Skipped(uint32_t step, const std::string& reason)
{
    m_book->Event(m_host, 0, "crafted_skipped",
                  "step=" + std::to_string(step) + " reason=" + DetailValue(reason));
}

} // namespace retrotcp
