#ifndef RETROTCP_RESULT_READER_H
#define RETROTCP_RESULT_READER_H

#include <cstdint>
#include <string>

namespace retrotcp
{

/// What `retrotcp run --from DIR` needs to run a result folder's scenario again.
struct StoredRun
{
    std::string dir;            //!< the folder
    std::string scenarioFile;   //!< DIR/scenario.json (resolved, seed included)
    uint32_t runNumber{1};      //!< summary.json "run"
    std::string scheduler;      //!< summary.json provenance.scheduler ("" if absent)
    bool pcap{false};           //!< it holds captures (pcap/...)
    bool eventsFile{true};      //!< it holds events.csv
    std::string programId;      //!< the program that made it ("" if absent)
    std::string scenarioSha256; //!< summary.json "scenario_sha256"
};

/**
 * \brief Read a complete result folder (scenario.json and summary.json). Throws
 * ScenarioError naming the file and what is missing.
 */
StoredRun ReadStoredRun(const std::string& dir);

} // namespace retrotcp

#endif
