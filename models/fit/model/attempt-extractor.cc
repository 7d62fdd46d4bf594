#include "attempt-extractor.h"

#include <algorithm>

namespace retrotcp::fit
{

namespace
{
// Two copies of one SYN closer than this are one frame captured twice; no stack
// re-sends a SYN this soon (the smallest retransmission timeouts are 200 ms), and
// one frame seen at two capture points (client and server) differs by a transit.
constexpr int64_t kDuplicateNs = 10000000; // 10 ms
} // namespace

AttemptExtractor::AttemptExtractor(AttemptFilter filter)
    : m_filter(filter)
{
}

std::vector<ConnectCall>
AttemptExtractor::Extract(std::vector<TcpSegment> segments)
{
    std::stable_sort(segments.begin(), segments.end(),
                     [](const TcpSegment& a, const TcpSegment& b) { return a.timeNs < b.timeNs; });
    m_calls.clear();
    m_current.clear();
    for (const auto& s : segments)
    {
        if (s.Has(kSyn) && !(s.flags & kAck) && !(s.flags & kRst))
        {
            OnClientSyn(s);
            continue;
        }
        // From the server side of a call?
        auto it = m_current.find(Key{s.destination, s.destinationPort, s.source, s.sourcePort});
        if (it != m_current.end())
        {
            OnServerSegment(s, m_calls[it->second]);
            continue;
        }
        it = m_current.find(Key{s.source, s.sourcePort, s.destination, s.destinationPort});
        if (it != m_current.end())
        {
            OnClientSegment(s, m_calls[it->second]);
        }
    }
    std::stable_sort(
        m_calls.begin(), m_calls.end(),
        [](const ConnectCall& a, const ConnectCall& b) { return a.StartNs() < b.StartNs(); });
    return m_calls;
}

void
AttemptExtractor::OnClientSyn(const TcpSegment& s)
{
    if ((m_filter.client && *m_filter.client != s.source) ||
        (m_filter.server && *m_filter.server != s.destination) ||
        (m_filter.serverPort && *m_filter.serverPort != s.destinationPort))
    {
        ++m_filtered;
        return;
    }
    SynRecord syn;
    syn.frame = s.frame;
    syn.timeNs = s.timeNs;
    syn.window = s.window;
    syn.ttl = s.ttl;
    syn.options = s.options;
    Key key{s.source, s.sourcePort, s.destination, s.destinationPort};
    auto it = m_current.find(key);
    if (it != m_current.end())
    {
        ConnectCall& call = m_calls[it->second];
        // A re-send of the call's SYN: same ISN, and the client has not gone on
        // to acknowledge a SYN|ACK (then a SYN with this ISN would be a new call
        // of a stack whose ISNs repeat).
        if (call.isn == s.sequence && !call.established && !call.clientReset)
        {
            if (s.timeNs - call.LastSyn().timeNs < kDuplicateNs)
            {
                ++m_duplicates;
                return;
            }
            call.syns.push_back(syn);
            call.lastSegmentNs = s.timeNs;
            return;
        }
    }
    ConnectCall call;
    call.client = s.source;
    call.server = s.destination;
    call.clientPort = s.sourcePort;
    call.serverPort = s.destinationPort;
    call.isn = s.sequence;
    call.syns.push_back(syn);
    call.lastSegmentNs = s.timeNs;
    m_current[key] = m_calls.size();
    m_calls.push_back(call);
}

void
AttemptExtractor::OnServerSegment(const TcpSegment& s, ConnectCall& call)
{
    SynRecord& last = call.syns.back();
    bool acksSyn = s.Has(kAck) && s.acknowledgement == call.isn + 1;
    call.lastSegmentNs = std::max(call.lastSegmentNs, s.timeNs);
    if (!call.established && !call.clientReset && acksSyn && (s.flags & (kRst | kSyn)))
    {
        // RFC 793 p.66 (SYN-SENT): a RST is acceptable if its ACK acknowledges the
        // SYN; a SYN|ACK likewise. The answer belongs to the latest SYN.
        if (last.answer == SynAnswer::None)
        {
            last.answer = s.Has(kRst) ? SynAnswer::Rst : SynAnswer::SynAck;
            last.answerNs = s.timeNs;
        }
        return;
    }
    if (call.established && (s.flags & kFin))
    {
        call.serverFin = true;
    }
    if (call.established && (s.flags & kRst))
    {
        call.closed = true;
    }
    call.closed = call.closed || (call.clientFin && call.serverFin);
}

void
AttemptExtractor::OnClientSegment(const TcpSegment& s, ConnectCall& call)
{
    call.lastSegmentNs = std::max(call.lastSegmentNs, s.timeNs);
    bool answered = call.syns.back().answer == SynAnswer::SynAck;
    if (!call.established && !call.clientReset && answered)
    {
        if (s.flags & kRst)
        {
            call.clientReset = true;
            return;
        }
        if (s.Has(kAck))
        {
            call.established = true;
        }
    }
    if (call.established && (s.flags & kFin))
    {
        call.clientClosedFirst = call.clientClosedFirst || !call.serverFin;
        call.clientFin = true;
    }
    call.closed =
        call.closed || (call.established && (s.flags & kRst)) || (call.clientFin && call.serverFin);
}

} // namespace retrotcp::fit
