#ifndef RETROTCP_MEMORY_ESTIMATE_H
#define RETROTCP_MEMORY_ESTIMATE_H

#include "scenario.h"

#include <cstdint>
#include <optional>
#include <string>

namespace retrotcp
{

/**
 * \brief What a run will hold in memory, estimated from the scenario before
 * anything is built (docs/user-guide.md, "Large runs", gives the measurements the
 * costs come from). Events are written as they happen and cost nothing here;
 * connection records and LAN Manager command records are kept to the end.
 */
struct MemoryEstimate
{
    uint64_t hosts{0};       //!< hosts and routers
    uint64_t connections{0}; //!< connection attempts (records kept to the end)
    uint64_t sockets{0};     //!< connections open or in a stock TIME-WAIT at one time
    uint64_t commands{0};    //!< LAN Manager command records
    uint64_t captures{0};    //!< PCAP files (--pcap)
    uint64_t bytes{0};       //!< the estimate

    /// "about 1.2 GiB (10005 hosts, 50000 connections, ...)".
    std::string Describe() const;
};

/// Seconds a stack keeps a socket after it closes (for sockets alive at one time):
/// stock ns-3 keeps it through TIME-WAIT, 2 x MaxSegLifetime + 1 s.
double SocketLifetimeSeconds(const HostSpec& host);

/// Estimate a run of \p scenario (with --pcap if \p pcap).
MemoryEstimate EstimateMemory(const Scenario& scenario, bool pcap);

/// The memory a run may use, and where the limit comes from.
struct MemoryLimit
{
    uint64_t bytes;
    std::string source; //!< "available memory (MemAvailable)", "RLIMIT_AS (ulimit -v)", ...
};

/// The smallest of: MemAvailable, RLIMIT_AS less what the process maps already,
/// the cgroup's memory.max less its memory.current; nothing if none is known.
std::optional<MemoryLimit> FindMemoryLimit();

/// Throw ScenarioError (exit 2) naming the estimate and the limit if the run will
/// not fit. Called by validate and before a run builds anything.
void CheckMemory(const Scenario& scenario, bool pcap);

/// "1.2 GiB", "340 MiB".
std::string FormatBytes(uint64_t bytes);

} // namespace retrotcp

#endif
