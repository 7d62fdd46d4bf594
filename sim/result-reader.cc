#include "result-reader.h"

#include "scenario-error.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace retrotcp
{

namespace fs = std::filesystem;

StoredRun
ReadStoredRun(const std::string& dir)
{
    StoredRun folder;
    folder.dir = dir;
    if (!fs::is_directory(dir))
    {
        throw ScenarioError::Plain(dir, "--from expects a result folder (no such folder)");
    }
    fs::path summaryPath = fs::path(dir) / "summary.json";
    folder.scenarioFile = (fs::path(dir) / "scenario.json").string();
    if (!fs::is_regular_file(summaryPath))
    {
        throw ScenarioError::Plain(summaryPath.string(),
                                   "no summary.json: not the folder of a completed run");
    }
    if (!fs::is_regular_file(folder.scenarioFile))
    {
        throw ScenarioError::Plain(folder.scenarioFile,
                                   "no scenario.json: the folder was written by a retrotcp "
                                   "that did not record the scenario; run its scenario file");
    }
    nlohmann::json summary;
    try
    {
        std::ifstream in(summaryPath);
        summary = nlohmann::json::parse(in);
    }
    catch (const nlohmann::json::exception& e)
    {
        throw ScenarioError::Plain(summaryPath.string(), std::string("invalid JSON: ") + e.what());
    }
    auto text = [&](const nlohmann::json& j, const char* key) {
        return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
    };
    if (summary.contains("run"))
    {
        if (!summary["run"].is_number_unsigned() || summary["run"].get<uint64_t>() < 1 ||
            summary["run"].get<uint64_t>() > UINT32_MAX)
        {
            throw ScenarioError(summaryPath.string(), "/run", "a run number of at least 1",
                                summary["run"].dump());
        }
        folder.runNumber = summary["run"].get<uint32_t>();
    }
    folder.scenarioSha256 = text(summary, "scenario_sha256");
    if (summary.contains("provenance") && summary["provenance"].is_object())
    {
        folder.scheduler = text(summary["provenance"], "scheduler");
        folder.programId = text(summary["provenance"], "program_id");
    }
    folder.eventsFile = false;
    if (summary.contains("files") && summary["files"].is_array())
    {
        for (const auto& f : summary["files"])
        {
            std::string name = f.is_string() ? f.get<std::string>() : "";
            folder.pcap = folder.pcap || name.rfind("pcap/", 0) == 0;
            folder.eventsFile = folder.eventsFile || name == "events.csv";
        }
    }
    return folder;
}

} // namespace retrotcp
