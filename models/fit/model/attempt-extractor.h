#ifndef FIT_ATTEMPT_EXTRACTOR_H
#define FIT_ATTEMPT_EXTRACTOR_H

#include "connect-call.h"
#include "tcp-segment.h"

#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

namespace retrotcp::fit
{

/// Which connect attempts to keep.
struct AttemptFilter
{
    std::optional<Ipv4> client;         //!< only SYNs from this address
    std::optional<Ipv4> server;         //!< only SYNs to this address
    std::optional<uint16_t> serverPort; //!< only SYNs to this port
};

/**
 * \brief Finds the connect() calls in a capture's TCP segments.
 *
 * A call is a SYN (without ACK) and its re-sends: the same client address and
 * port, server address and port, and initial sequence number. The server's
 * answer to a SYN is the first RST|ACK or SYN|ACK acknowledging that ISN + 1
 * before the next SYN of the call. Nothing depends on checksums, on how ISNs
 * are chosen, or on the order of ports: only on addresses, ports, flags,
 * sequence and acknowledgment numbers, and times.
 */
class AttemptExtractor
{
  public:
    explicit AttemptExtractor(AttemptFilter filter = {});

    /// Feed the segments (any order; sorted by time first).
    std::vector<ConnectCall> Extract(std::vector<TcpSegment> segments);

    /// Copies of a frame seen twice (e.g. on two interfaces): dropped.
    uint64_t
    Duplicates() const
    {
        return m_duplicates;
    }

    /// SYNs outside the filter.
    uint64_t
    Filtered() const
    {
        return m_filtered;
    }

  private:
    using Key = std::tuple<Ipv4, uint16_t, Ipv4, uint16_t>; //!< client, port, server, port

    void OnClientSyn(const TcpSegment& s);
    void OnServerSegment(const TcpSegment& s, ConnectCall& call);
    void OnClientSegment(const TcpSegment& s, ConnectCall& call);

    AttemptFilter m_filter;
    std::vector<ConnectCall> m_calls;
    std::map<Key, size_t> m_current; //!< the latest call on each four-tuple
    uint64_t m_duplicates{0};
    uint64_t m_filtered{0};
};

} // namespace retrotcp::fit

#endif
