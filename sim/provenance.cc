#include "provenance.h"

#include "build-info.h"
#include "scenario-writer.h"
#include "sha256.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <ostream>

namespace retrotcp
{

namespace fs = std::filesystem;

const std::vector<std::string>&
ResultChangingEnvironment()
{
    // ns-3 reads both when it starts: global values (RngSeed, RngRun, SchedulerType,
    // ChecksumEnabled, ...) and attribute defaults of every TypeId. NS_LOG only logs.
    static const std::vector<std::string> names = {"NS_GLOBAL_VALUE", "NS_ATTRIBUTE_DEFAULT"};
    return names;
}

Provenance
CaptureProvenance(const std::vector<std::string>& commandLine)
{
    Provenance p;
    p.commandLine = commandLine;
    std::error_code ec;
    p.workingDirectory = fs::current_path(ec).string();
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &utc);
    p.startedAt = buffer;
    for (const auto& name : ResultChangingEnvironment())
    {
        if (const char* value = std::getenv(name.c_str()))
        {
            p.environment.emplace_back(name, value);
        }
    }
    return p;
}

ProvenanceRecord::ProvenanceRecord(const Scenario& scenario, Provenance provenance,
                                   uint32_t runNumber, std::string scheduler)
    : m_scenario(scenario)
    , m_provenance(std::move(provenance))
    , m_runNumber(runNumber)
    , m_scheduler(std::move(scheduler))
{
}

ProvenanceRecord::~ProvenanceRecord() = default;

void
ProvenanceRecord::WriteScenario(std::ostream& out)
{
    std::string text = ResolvedScenarioText(m_scenario);
    m_sha256 = Sha256Hex(text);
    out << text;
}

void
ProvenanceRecord::AddIdentity(nlohmann::ordered_json& summary) const
{
    summary["scenario_sha256"] = m_sha256;
    summary["run"] = m_runNumber;
}

void
ProvenanceRecord::AddProvenance(nlohmann::ordered_json& summary) const
{
    const BuildInfo& build = GetBuildInfo();
    nlohmann::ordered_json environment = nlohmann::ordered_json::object();
    for (const auto& [name, value] : m_provenance.environment)
    {
        environment[name] = value;
    }
    // Everything here may differ between two runs with the same results.
    summary["provenance"] = {{"program_id", build.ProgramId()},
                             {"retrotcp_version", build.version},
                             {"git_commit", build.commit},
                             {"git_dirty", build.dirty},
                             {"git_diff_sha256", build.diffSha256},
                             {"ns3_version", build.ns3Version},
                             {"command_line", m_provenance.commandLine},
                             {"working_directory", m_provenance.workingDirectory},
                             {"started_at", m_provenance.startedAt},
                             {"scheduler", m_scheduler},
                             {"environment", environment}};
}

const std::string&
ProvenanceRecord::ScenarioSha256() const
{
    return m_sha256;
}

} // namespace retrotcp
