#ifndef RETROTCP_PROVENANCE_H
#define RETROTCP_PROVENANCE_H

#include "scenario.h"

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace retrotcp
{

/// How a run was started: what summary.json's "provenance" records beside the build.
struct Provenance
{
    std::vector<std::string> commandLine; //!< argv, the program's name first
    std::string workingDirectory;         //!< where it was started
    std::string startedAt;                //!< UTC, ISO 8601 ("2024-05-01T12:00:00Z")
    /// Environment variables that can change results (NS_GLOBAL_VALUE,
    /// NS_ATTRIBUTE_DEFAULT), with their values, when set.
    std::vector<std::pair<std::string, std::string>> environment;
};

/// The names of the environment variables that can change a run's results.
const std::vector<std::string>& ResultChangingEnvironment();

/// Provenance of this process, started with \p commandLine (argv).
Provenance CaptureProvenance(const std::vector<std::string>& commandLine);

/**
 * \brief scenario.json of a result folder and the provenance fields of its summary.json.
 *
 * WriteScenario() writes the resolved scenario (scenario-writer.h) to a stream (the
 * result folder's scenario.json, committed with the other files); AddIdentity() adds
 * "scenario_sha256" (of scenario.json's bytes) and "run" (ns-3's RngRun) to
 * summary.json, AddProvenance() "provenance" (what may differ between two runs
 * with identical results).
 */
class ProvenanceRecord
{
  public:
    ProvenanceRecord(const Scenario& scenario, Provenance provenance, uint32_t runNumber,
                     std::string scheduler);
    ~ProvenanceRecord();

    /// Write the resolved scenario to \p out (a result folder's scenario.json).
    void WriteScenario(std::ostream& out);
    /// Add "scenario_sha256" and "run" to a summary.json document.
    void AddIdentity(nlohmann::ordered_json& summary) const;
    /// Add "provenance" (build, command line, scheduler, environment, start time).
    void AddProvenance(nlohmann::ordered_json& summary) const;

    /// SHA-256 of scenario.json (after WriteScenario()).
    const std::string& ScenarioSha256() const;

  private:
    const Scenario& m_scenario;
    Provenance m_provenance;
    uint32_t m_runNumber;
    std::string m_scheduler;
    std::string m_sha256;
};

} // namespace retrotcp

#endif
