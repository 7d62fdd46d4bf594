#ifndef RETROTCP_RUNNER_H
#define RETROTCP_RUNNER_H

#include "commands-summary.h"
#include "provenance.h"
#include "scenario.h"

#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>

namespace retrotcp
{

/// How to run a scenario.
struct RunOptions
{
    std::string outDir;                //!< result folder (created if missing)
    bool force{false};                 //!< write beside files that are not a result
    bool pcap{false};                  //!< write one PCAP per host interface
    bool progress{true};               //!< report progress on the log stream
    bool eventsFile{true};             //!< write events.csv
    std::string scheduler{"priority"}; //!< ns-3 event scheduler (scheduler-choice.h)
    uint32_t runNumber{1};             //!< ns-3 RngRun (the seed is the scenario's)
    Provenance provenance;             //!< how the run was started (summary.json)
};

/// The connect() calls of one profile with one outcome.
struct OutcomeStats
{
    uint64_t count{0};          //!< connections
    uint64_t timed{0};          //!< of which with an end (end_s)
    double secondsToOutcome{0}; //!< sum of end_s - start_s over those
    uint64_t synsSent{0};       //!< sum of syns_sent
};

/// What a run produced.
struct RunResult
{
    std::map<std::string, uint64_t> outcomes; //!< outcome word -> connections
    uint64_t connections{0};                  //!< connection attempts
    uint64_t events{0};                       //!< rows in events.csv
    uint64_t eventsExecuted{0};               //!< simulator events executed
    double simulatedSeconds{0};               //!< simulated time at the end
    double wallSeconds{0};                    //!< wall-clock time of the run
    std::vector<std::string> files;           //!< result files written
    std::string scenarioSha256;               //!< SHA-256 of scenario.json
    std::optional<CommandsSummary> commands;  //!< LAN Manager commands, if any ran
    /// profile -> outcome word -> connections (for the printed summary)
    std::map<std::string, std::map<std::string, OutcomeStats>> byProfile;
};

/**
 * \brief Build the scenario's network, run it and write the result files into
 * options.outDir, through a ResultFolder: staged beside it, published at once
 * when all is written. Throws ResultFolderError if options.outDir cannot be used,
 * Interrupted after a signal (with an InterruptWatch), std::runtime_error if the
 * run cannot complete; nothing is published then and the folder is as it was.
 */
RunResult RunScenario(const Scenario& scenario, const RunOptions& options, std::ostream& log);

} // namespace retrotcp

#endif
