#ifndef RETROTCP_BENCH_H
#define RETROTCP_BENCH_H

#include "ns3/nstime.h"

#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace retrotcp
{

/// What `retrotcp bench` runs.
struct BenchOptions
{
    uint32_t clients{10};               //!< client hosts in the star
    uint32_t idleHosts{0};              //!< hosts with the stack and a network port, no application
    uint32_t connectionsPerClient{100}; //!< sequential connections each
    ns3::Time msl{ns3::Seconds(120)};   //!< MSL of both stacks (TIME-WAIT = 2 x MSL)
    std::vector<std::string> stacks{"legacy", "stock"}; //!< stacks to measure
    uint32_t payload{200};                              //!< bytes each way per connection
    /// Each connection is held open this long after its exchange (longer than the run:
    /// every connection is open at the end, and B/conn is the cost of an open one)
    ns3::Time hold{0};
    uint32_t seed{1}; //!< RNG seed
    /// "star": a point-to-point link per client to the server; "switched": every
    /// host on one switched Ethernet (static resolution), one device per node
    std::string network{"star"};
    /// ns-3 scheduler: "map" (ns-3's default), "heap", "calendar", "list", "priority"
    std::string scheduler{"priority"};
    /// Checksums and FCS computed and verified (as in every run); false to measure their cost
    bool checksums{true};
};

/// One stack's measurement.
struct BenchResult
{
    std::string stack;
    uint32_t clients{0};
    uint32_t connectionsPerClient{0};
    uint32_t idleHosts{0};     //!< hosts without an application
    std::string network;       //!< star or switched
    std::string scheduler;     //!< the event scheduler
    uint64_t connections{0};   //!< attempts started
    uint64_t established{0};   //!< attempts that connected
    uint64_t timeWaitAtEnd{0}; //!< client ends in TIME-WAIT when the run stopped
    uint64_t openAtEnd{0};     //!< legacy: client connections still open when the run stopped
    double holdSeconds{0};     //!< --hold
    double simulatedSeconds{0};
    double wallSeconds{0};      //!< Simulator::Run only
    double buildSeconds{0};     //!< building nodes, stacks, network and applications
    uint64_t buildHeapBytes{0}; //!< heap growth over the build
    uint64_t eventsExecuted{0};
    uint64_t peakRssBytes{0};                 //!< of the process that ran this stack alone
    double bytesPerConnection{0};             //!< heap growth over the run / connections
    std::string allocator;                    //!< whose count of heap bytes (HeapInUse)
    std::map<std::string, uint64_t> outcomes; //!< outcome counts

    /** \return every host built: the server, the clients and the idle hosts */
    uint64_t Hosts() const;
    /** \return connections per wall-second of Simulator::Run (0 without connections) */
    double ConnectionsPerWallSecond() const;
};

/**
 * \brief The TIME-WAIT storm benchmark: N clients on point-to-point links to one
 * server, each making M sequential connections (payload bytes each way, client
 * closes first), all started within 2 x MSL so that every closed client end is
 * still in TIME-WAIT at the end; optionally idle hosts beside them (the cost of a
 * host that runs nothing). Each stack runs in its own child process so that
 * peak RSS is its own.
 */
std::vector<BenchResult> RunBench(const BenchOptions& options, std::ostream& log);

/// Measure one stack in this process (used by RunBench in a child process).
BenchResult RunBenchStack(const BenchOptions& options, const std::string& stack);

/**
 * \brief The ratio of a result's connections per wall-second to the stock stack's
 * in the same run. \param results one run's results \param r one of them
 * \return the ratio, or 0 if the run has no stock row or no connections
 */
double SpeedRatioToStock(const std::vector<BenchResult>& results, const BenchResult& r);

/// The results as a table and as CSV.
void PrintBenchTable(const std::vector<BenchResult>& results, std::ostream& out);
void WriteBenchCsv(const std::vector<BenchResult>& results, std::ostream& out);

} // namespace retrotcp

#endif
