#include "result-folder-files.h"

#include "message-text.h"
#include "result-folder.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace retrotcp
{
namespace result_files
{

namespace fs = std::filesystem;

const char* const kManifest = ".retrotcp-staging";

namespace
{
// Add new result files here.
const char* const kResultNames[] = {"summary.json", "connections.csv", "events.csv", "commands.csv",
                                    "pcap"};
} // namespace

bool
IsResultName(const std::string& name)
{
    return std::any_of(std::begin(kResultNames), std::end(kResultNames),
                       [&](const char* n) { return name == n; });
}

const char* const kOldTemporaries[5] = {".summary.json.partial", ".connections.csv.partial",
                                        ".events.csv.partial", ".commands.csv.partial",
                                        ".pcap.partial"};

bool
IsSafeName(const std::string& name)
{
    if (name.empty() || name.size() > 255 || name[0] == '/' || FindInvalidUtf8(name))
    {
        return false;
    }
    size_t slashes = std::count(name.begin(), name.end(), '/');
    if (slashes > 1)
    {
        return false;
    }
    std::stringstream ss(name);
    for (std::string part; std::getline(ss, part, '/');)
    {
        if (part.empty() || part == "." || part == "..")
        {
            return false;
        }
    }
    return name.back() != '/';
}

std::string
HostName()
{
    char buffer[256] = {};
    if (::gethostname(buffer, sizeof(buffer) - 1) != 0)
    {
        return "unknown";
    }
    return buffer;
}

bool
ProcessIsGone(long pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

std::optional<std::set<std::string>>
ReadFileList(const fs::path& path)
{
    std::ifstream in(path);
    if (!in)
    {
        return std::nullopt;
    }
    std::set<std::string> files;
    if (path.filename() == kManifest)
    {
        std::string line;
        std::getline(in, line); // "retrotcp-staging pid=N host=H"
        while (std::getline(in, line))
        {
            if (IsSafeName(line))
            {
                files.insert(line);
            }
        }
        return files;
    }
    try
    {
        nlohmann::json j = nlohmann::json::parse(in);
        const nlohmann::json* list = nullptr;
        if (path.filename() == ResultFolder::kMarker && j.is_object() && j.contains("files"))
        {
            list = &j["files"];
        }
        else if (path.filename() == "summary.json" && j.is_object() && j.contains("versions") &&
                 j["versions"].is_object() && j["versions"].contains("retrotcp") &&
                 j.contains("files"))
        {
            list = &j["files"]; // a result of a version without markers
            files.insert("summary.json");
        }
        if (!list || !list->is_array())
        {
            return std::nullopt;
        }
        for (const auto& f : *list)
        {
            if (f.is_string() && IsSafeName(f.get<std::string>()))
            {
                files.insert(f.get<std::string>());
            }
        }
        return files;
    }
    catch (const nlohmann::json::exception&)
    {
        return std::nullopt;
    }
}

void
RemoveListed(const fs::path& dir, const std::set<std::string>& files)
{
    std::error_code ec;
    std::set<std::string> subdirs;
    for (const auto& f : files)
    {
        auto slash = f.find('/');
        if (slash != std::string::npos && fs::is_symlink(dir / f.substr(0, slash), ec))
        {
            continue; // never through a link out of the folder
        }
        fs::remove(dir / f, ec);
        if (f.find('/') != std::string::npos)
        {
            subdirs.insert(f.substr(0, f.find('/')));
        }
    }
    for (const auto& d : subdirs)
    {
        fs::remove(dir / d, ec); // only if empty
    }
}

bool
RemoveStaging(const fs::path& staging)
{
    std::error_code ec;
    for (const char* list : {kManifest, ResultFolder::kMarker})
    {
        if (auto files = ReadFileList(staging / list))
        {
            RemoveListed(staging, *files);
        }
    }
    fs::remove(staging / kManifest, ec);
    fs::remove(staging / ResultFolder::kMarker, ec);
    return fs::remove(staging, ec) && !ec;
}

} // namespace result_files
} // namespace retrotcp
