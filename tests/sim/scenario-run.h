#ifndef RETROTCP_TEST_SCENARIO_RUN_H
#define RETROTCP_TEST_SCENARIO_RUN_H

#include "tcp-segment.h"

#include <map>
#include <string>
#include <vector>

namespace retrotcp
{
namespace test
{

using Row = std::map<std::string, std::string>;

/**
 * \brief One run of a scenario with captures on: its connections.csv, events.csv
 * and the TCP segments of each host's capture, for tests that check the wire.
 */
struct ScenarioRun
{
    std::string folder;           //!< the result folder
    std::vector<Row> connections; //!< connections.csv rows
    std::vector<Row> events;      //!< events.csv rows

    /// Run \p scenario (relative to the source folder) with \p overrides.
    static ScenarioRun Of(const std::string& scenario,
                          const std::vector<std::string>& overrides = {});

    /// The calls of \p host to \p port, in the order they started.
    std::vector<Row> Calls(const std::string& host, uint16_t port) const;
    /// The only call of \p host to \p port.
    Row Call(const std::string& host, uint16_t port) const;
    /// Events of \p host named \p event (any when empty) of connection \p connId
    /// (any when empty).
    std::vector<Row> Events(const std::string& host, const std::string& event,
                            const std::string& connId = "") const;
    /// Times of a call's SYNs (syn_sent, syn_retransmit), relative to its start.
    std::vector<double> SynOffsets(const Row& call) const;
    /// The TCP segments of \p host's capture (pcap/HOST-1.pcap), in capture order.
    std::vector<fit::TcpSegment> Segments(const std::string& host) const;
};

/// A column of a row as a number.
double Number(const Row& row, const std::string& column);

/// end_s - start_s of a call.
double TimeToOutcome(const Row& call);

/// Seconds of a capture timestamp (nanoseconds since the epoch; the run starts at 0).
double Seconds(const fit::TcpSegment& segment);

} // namespace test
} // namespace retrotcp

#endif
