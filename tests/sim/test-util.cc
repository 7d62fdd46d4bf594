#include "test-util.h"

#include "runner.h"
#include "scenario-loader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace retrotcp
{
namespace test
{

namespace fs = std::filesystem;

std::string
SourcePath(const std::string& relative)
{
    return (fs::path(RETROTCP_SOURCE_DIR) / relative).string();
}

std::string
TempDir(const std::string& tag)
{
    static int counter = 0;
    fs::path dir = fs::temp_directory_path() / ("retrotcp-test-" + std::to_string(getpid()) + "-" +
                                                tag + "-" + std::to_string(++counter));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

std::string
ReadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw std::runtime_error("cannot read " + path);
    }
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::map<std::string, std::string>>
ReadCsv(const std::string& path)
{
    std::istringstream in(ReadFile(path));
    std::string line;
    std::vector<std::string> header;
    std::vector<std::map<std::string, std::string>> rows;
    auto split = [](const std::string& s) {
        std::vector<std::string> out;
        std::string field;
        std::istringstream fs(s);
        while (std::getline(fs, field, ','))
        {
            out.push_back(field);
        }
        if (!s.empty() && s.back() == ',')
        {
            out.emplace_back();
        }
        return out;
    };
    if (std::getline(in, line))
    {
        header = split(line);
    }
    while (std::getline(in, line))
    {
        auto fields = split(line);
        std::map<std::string, std::string> row;
        for (size_t i = 0; i < header.size(); ++i)
        {
            row[header[i]] = i < fields.size() ? fields[i] : "";
        }
        rows.push_back(row);
    }
    return rows;
}

CommandResult
RunCommand(const std::string& command, bool mergeStderr)
{
    std::string full = mergeStderr ? command + " 2>&1" : command;
    FILE* pipe = popen(full.c_str(), "r");
    if (!pipe)
    {
        throw std::runtime_error("cannot run " + command);
    }
    std::string output;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0)
    {
        output.append(buffer, n);
    }
    int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

CommandResult
RunRetrotcp(const std::string& arguments)
{
    return RunCommand(std::string("'") + RETROTCP_BINARY + "' " + arguments);
}

std::string
RunInTempDir(const std::string& scenario, const std::string& tag,
             const std::vector<std::string>& overrides, bool pcap)
{
    Scenario s = LoadScenario(SourcePath(scenario), overrides);
    RunOptions options;
    options.outDir = TempDir(tag);
    options.progress = false;
    options.pcap = pcap;
    std::ostringstream log;
    RunScenario(s, options, log);
    return options.outDir;
}

std::vector<std::string>
ListDir(const std::string& path)
{
    std::vector<std::string> names;
    if (!fs::exists(path))
    {
        return names;
    }
    for (const auto& e : fs::directory_iterator(path))
    {
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace test
} // namespace retrotcp
