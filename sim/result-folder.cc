#include "result-folder.h"

#include "message-text.h"
#include "result-folder-files.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace retrotcp
{

namespace fs = std::filesystem;

namespace
{
[[noreturn]] void
Fail(const std::string& what, const std::string& path)
{
    throw std::runtime_error("cannot " + what + " " + path + ": " + std::strerror(errno));
}

} // namespace

using namespace result_files;

struct ResultFolder::Contents
{
    bool exists{false};
    bool isResult{false};
    std::set<std::string> ours;       //!< files of the previous result, present or not
    std::vector<std::string> foreign; //!< entries retrotcp did not write
};

ResultFolder::ResultFolder(const std::string& dir, bool force, std::ostream& log)
    : m_dir(dir)
    , m_force(force)
    , m_log(log)
{
    if (dir.empty())
    {
        throw ResultFolderError("--out: expected a folder, found an empty name", 2);
    }
    fs::path absolute = fs::absolute(dir).lexically_normal();
    if (absolute.filename().empty())
    {
        absolute = absolute.parent_path();
    }
    if (absolute == absolute.root_path() || absolute.filename() == "..")
    {
        throw ResultFolderError("--out " + Printable(dir) + ": choose a folder of its own", 2);
    }
    m_absolute = absolute.string();
    m_parent = absolute.parent_path().string();
    m_name = absolute.filename().string();
    fs::create_directories(m_parent);
    Lock();
    try
    {
        Prepare();
    }
    catch (...)
    {
        Release();
        throw;
    }
}

void
ResultFolder::Prepare()
{
    RecoverStale(m_absolute, m_log);
    Contents contents = Inspect();
    if (!contents.isResult && !contents.foreign.empty() && !m_force)
    {
        std::string list;
        for (size_t i = 0; i < contents.foreign.size() && i < 5; ++i)
        {
            list += (i ? ", " : "") + Printable(contents.foreign[i], 60);
        }
        if (contents.foreign.size() > 5)
        {
            list += ", ... (" + std::to_string(contents.foreign.size()) + " in all)";
        }
        throw ResultFolderError(
            "--out " + Printable(m_dir) + " holds files that are not a retrotcp result (" + list +
                "): choose a new or empty folder, or add --force to write the results beside "
                "them (they are kept)",
            2);
    }
    std::string pattern =
        m_parent + "/." + m_name + ".staging-" + std::to_string(::getpid()) + "-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!::mkdtemp(buffer.data()))
    {
        Fail("create a staging folder beside", m_absolute);
    }
    m_staging = buffer.data();
    // mkdtemp makes it 0700; the published folder gets the usual mode.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(m_staging.c_str(), 0777 & ~mask);
    m_manifest = std::make_unique<OutputFile>(m_staging + "/" + kManifest);
    m_manifest->Stream() << "retrotcp-staging pid=" << ::getpid() << " host=" << HostName() << "\n"
                         << std::flush;
}

ResultFolder::~ResultFolder()
{
    Release();
}

void
ResultFolder::Release()
{
    if (!m_staging.empty() && !m_published)
    {
        m_files.clear(); // closes them
        m_manifest.reset();
        std::set<std::string> names(m_names.begin(), m_names.end());
        RemoveListed(m_staging, names);
        if (RemoveStaging(m_staging))
        {
            m_log << "retrotcp: nothing published: removed the staging folder " << m_staging << "; "
                  << Printable(m_dir) << " is as it was" << std::endl;
        }
    }
    m_staging.clear();
    if (m_lockFd >= 0)
    {
        ::unlink(m_lockPath.c_str()); // while still held (see Lock)
        ::close(m_lockFd);            // releases the lock
        m_lockFd = -1;
    }
}

void
ResultFolder::Lock()
{
    // flock() on a file beside the folder (a lock inside it would move with the
    // published folder). The file is removed when the lock is released, so a run
    // that got the lock checks that the file is still the one at the path.
    m_lockPath = m_parent + "/." + m_name + ".retrotcp-lock";
    for (int attempt = 0;; ++attempt)
    {
        m_lockFd = ::open(m_lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (m_lockFd < 0)
        {
            Fail("create the lock file", m_lockPath);
        }
        if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0)
        {
            char pid[32] = {};
            ssize_t n = ::pread(m_lockFd, pid, sizeof(pid) - 1, 0);
            std::string holder = n > 0 ? std::string(pid, static_cast<size_t>(n)) : "";
            holder.erase(holder.find_last_not_of("\n ") + 1);
            ::close(m_lockFd);
            m_lockFd = -1;
            throw ResultFolderError(
                "--out " + Printable(m_dir) + ": another retrotcp run" +
                    (holder.empty() ? "" : " (pid " + Printable(holder) + ")") +
                    " is writing this folder; wait for it or choose another --out",
                1);
        }
        struct stat held;
        struct stat current;
        if (::fstat(m_lockFd, &held) == 0 && ::stat(m_lockPath.c_str(), &current) == 0 &&
            held.st_dev == current.st_dev && held.st_ino == current.st_ino)
        {
            break;
        }
        ::close(m_lockFd); // the holder before removed it: take the new one
        m_lockFd = -1;
        if (attempt > 100)
        {
            throw std::runtime_error("cannot lock " + m_lockPath);
        }
    }
    std::string text = std::to_string(::getpid()) + "\n";
    if (::ftruncate(m_lockFd, 0) != 0 ||
        ::pwrite(m_lockFd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size()))
    {
        Fail("write the lock file", m_lockPath);
    }
}

std::vector<std::string>
ResultFolder::RecoverStale(const std::string& dir, std::ostream& log)
{
    std::vector<std::string> removed;
    fs::path absolute(dir);
    std::string prefix = "." + absolute.filename().string() + ".staging-";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(absolute.parent_path(), ec))
    {
        std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0 || !entry.is_directory(ec))
        {
            continue;
        }
        long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        std::ifstream manifest(entry.path() / kManifest);
        std::string first;
        std::getline(manifest, first);
        bool otherHost = !first.empty() && first.find(" host=" + HostName()) == std::string::npos;
        if (otherHost || !ProcessIsGone(pid))
        {
            log << "retrotcp: left " << entry.path().string() << ": its run (pid " << pid
                << (otherHost ? ", on another host" : "") << ") may still be going" << std::endl;
            continue;
        }
        if (RemoveStaging(entry.path()))
        {
            log << "retrotcp: removed the leftovers of an interrupted run (pid " << pid
                << "): " << entry.path().string() << std::endl;
            removed.push_back(entry.path().string());
        }
        else
        {
            log << "retrotcp: left " << entry.path().string()
                << ": it holds files retrotcp did not write" << std::endl;
        }
    }
    // Temporaries that versions before staged result folders left in the folder.
    for (const char* old : kOldTemporaries)
    {
        fs::path p = absolute / old;
        if (fs::exists(fs::symlink_status(p, ec)))
        {
            if (std::string(old) == ".pcap.partial")
            {
                for (const auto& e : fs::directory_iterator(p, ec))
                {
                    if (e.path().extension() == ".pcap")
                    {
                        fs::remove(e.path(), ec);
                    }
                }
            }
            if (fs::remove(p, ec))
            {
                log << "retrotcp: removed the leftover " << p.string() << std::endl;
                removed.push_back(p.string());
            }
        }
    }
    return removed;
}

ResultFolder::Contents
ResultFolder::Inspect() const
{
    Contents c;
    std::error_code ec;
    fs::path dir(m_absolute);
    auto status = fs::symlink_status(dir, ec);
    if (!fs::exists(status))
    {
        return c;
    }
    if (!fs::is_directory(status))
    {
        throw ResultFolderError("--out " + Printable(m_dir) + " is not a folder", 2);
    }
    c.exists = true;
    for (const char* list : {kMarker, "summary.json"})
    {
        if (auto files = ReadFileList(dir / list))
        {
            c.isResult = true;
            c.ours = *files;
            break;
        }
    }
    auto oursIn = [&](const std::string& sub) {
        return std::any_of(c.ours.begin(), c.ours.end(),
                           [&](const std::string& f) { return f.rfind(sub + "/", 0) == 0; });
    };
    for (const auto& entry : fs::directory_iterator(dir))
    {
        std::string name = entry.path().filename().string();
        if (name == kMarker || c.ours.count(name))
        {
            continue;
        }
        if (entry.is_directory(ec) && !entry.is_symlink(ec) && oursIn(name))
        {
            for (const auto& inner : fs::directory_iterator(entry.path()))
            {
                std::string innerName = name + "/" + inner.path().filename().string();
                if (!c.ours.count(innerName))
                {
                    c.foreign.push_back(innerName);
                }
            }
            continue;
        }
        c.foreign.push_back(name);
    }
    std::sort(c.foreign.begin(), c.foreign.end());
    for (const auto& f : c.foreign)
    {
        bool reserved = IsResultName(f);
        if (reserved || std::count(m_names.begin(), m_names.end(), f))
        {
            throw ResultFolderError("--out " + Printable(m_dir) + ": " + Printable(f) +
                                        " was not written by retrotcp and would be replaced; "
                                        "move it away first",
                                    2);
        }
    }
    return c;
}

void
ResultFolder::Register(const std::string& name)
{
    if (!IsSafeName(name) || name[0] == '.')
    {
        throw std::logic_error("not a result file name: " + name);
    }
    if (std::count(m_names.begin(), m_names.end(), name))
    {
        throw std::logic_error("result file written twice: " + name);
    }
    // Listed before it exists: a killed run's leftovers are found by this list.
    m_manifest->Stream() << name << "\n" << std::flush;
    if (m_manifest->Failed())
    {
        throw std::runtime_error(m_manifest->Error());
    }
    m_names.push_back(name);
    auto slash = name.find('/');
    if (slash != std::string::npos)
    {
        fs::create_directories(fs::path(m_staging) / name.substr(0, slash));
    }
}

OutputFile&
ResultFolder::Create(const std::string& name)
{
    Register(name);
    auto file = std::make_unique<OutputFile>(m_staging + "/" + name);
    OutputFile& ref = *file;
    m_files[name] = std::move(file);
    return ref;
}

std::string
ResultFolder::Reserve(const std::string& name)
{
    Register(name);
    return m_staging + "/" + name;
}

void
ResultFolder::WriteMarker(const std::string& path, const std::set<std::string>& files) const
{
    nlohmann::ordered_json j;
    j["retrotcp"] = "result folder";
    j["files"] = std::vector<std::string>(files.begin(), files.end());
    OutputFile marker(path);
    marker.Stream() << j.dump(2) << "\n";
    marker.Close();
}

void
ResultFolder::Publish()
{
    for (auto& [name, file] : m_files)
    {
        file->Close();
    }
    m_files.clear();
    std::set<std::string> names(m_names.begin(), m_names.end());
    WriteMarker(m_staging + "/" + kMarker, names);
    for (const auto& sub : {std::string("pcap"), std::string()})
    {
        if (fs::is_directory(fs::path(m_staging) / sub))
        {
            SyncPath(m_staging + "/" + sub);
        }
    }
    // The marker now lists the run's files: the manifest's work is done.
    m_manifest->Close();
    m_manifest.reset();
    if (std::remove((m_staging + "/" + kManifest).c_str()) != 0)
    {
        Fail("remove", m_staging + "/" + kManifest);
    }
    Contents old = Inspect();
    if (!old.exists || (old.isResult && old.foreign.empty()))
    {
        PublishBySwap(old); // a new folder, or a previous result: one rename
    }
    else
    {
        PublishKeepingForeign(old);
    }
    m_published = true;
}

void
ResultFolder::PublishBySwap(const Contents& old)
{
    std::string retired = m_staging; // where the previous result ends up
    if (!old.exists)
    {
        if (std::rename(m_staging.c_str(), m_absolute.c_str()) != 0)
        {
            Fail("publish the results into", m_absolute);
        }
        retired.clear();
    }
    else if (::renameat2(AT_FDCWD, m_staging.c_str(), AT_FDCWD, m_absolute.c_str(),
                         RENAME_EXCHANGE) != 0)
    {
        if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
        {
            Fail("publish the results into", m_absolute);
        }
        // No atomic exchange on this filesystem: two renames.
        std::string pattern = m_staging + "-old-XXXXXX";
        std::vector<char> buffer(pattern.begin(), pattern.end());
        buffer.push_back('\0');
        if (!::mkdtemp(buffer.data()) || std::rename(m_absolute.c_str(), buffer.data()) != 0 ||
            std::rename(m_staging.c_str(), m_absolute.c_str()) != 0)
        {
            Fail("publish the results into", m_absolute);
        }
        retired = buffer.data();
    }
    SyncPath(m_parent);
    if (!retired.empty())
    {
        std::set<std::string> files = old.ours;
        files.insert(kMarker);
        RemoveListed(retired, files);
        std::error_code ec;
        if (!fs::remove(retired, ec) || ec)
        {
            m_log << "retrotcp: left " << retired
                  << ": it holds files of the previous result retrotcp did not write" << std::endl;
        }
    }
    m_staging.clear();
}

void
ResultFolder::PublishKeepingForeign(const Contents& old)
{
    // Files of others stay where they are: replace ours one by one. summary.json
    // goes first and comes back last, so it never stands beside a mix.
    const fs::path out(m_absolute);
    const fs::path staging(m_staging);
    std::set<std::string> fresh(m_names.begin(), m_names.end());
    std::error_code ec;
    if (old.ours.count("summary.json"))
    {
        fs::remove(out / "summary.json", ec);
        SyncPath(m_absolute);
    }
    // While files move, the marker lists both the previous and the new ones.
    std::set<std::string> both = old.ours;
    both.insert(fresh.begin(), fresh.end());
    WriteMarker(m_staging + "/.marker-both", both);
    fs::rename(staging / ".marker-both", out / kMarker);
    std::set<std::string> gone;
    std::set_difference(old.ours.begin(), old.ours.end(), fresh.begin(), fresh.end(),
                        std::inserter(gone, gone.end()));
    RemoveListed(out, gone);
    for (const auto& name : m_names)
    {
        if (name == "summary.json")
        {
            continue;
        }
        auto slash = name.find('/');
        if (slash != std::string::npos)
        {
            fs::create_directories(out / name.substr(0, slash));
        }
        fs::rename(staging / name, out / name);
    }
    fs::rename(staging / kMarker, out / kMarker);
    if (fresh.count("summary.json"))
    {
        fs::rename(staging / "summary.json", out / "summary.json");
    }
    if (fs::is_directory(out / "pcap"))
    {
        SyncPath((out / "pcap").string());
    }
    SyncPath(m_absolute);
    RemoveListed(staging, fresh);
    fs::remove(staging, ec);
    m_staging.clear();
}

} // namespace retrotcp
