// The result folder as a transaction (sim/result-folder.h), in process.
#include "output-file.h"
#include "result-folder.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace retrotcp;
using namespace retrotcp::test;
namespace fs = std::filesystem;
using Names = std::vector<std::string>;

namespace
{
void
Write(const std::string& path, const std::string& text)
{
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path) << text;
}

// A run's files: NAME -> text, then Publish().
void
PublishRun(const std::string& dir, const std::map<std::string, std::string>& files,
           bool force = false)
{
    std::ostringstream log;
    ResultFolder folder(dir, force, log);
    for (const auto& [name, text] : files)
    {
        folder.Create(name).Stream() << text;
    }
    folder.Publish();
}

// A pid that no process has (a child that has exited and been reaped).
pid_t
DeadPid()
{
    pid_t pid = fork();
    if (pid == 0)
    {
        _exit(0);
    }
    waitpid(pid, nullptr, 0);
    return pid;
}
} // namespace

TEST_CASE("result folder: a run publishes all its files at once, nothing else left")
{
    std::string parent = TempDir("folder-new");
    std::string dir = parent + "/out";
    {
        std::ostringstream log;
        ResultFolder folder(dir, false, log);
        folder.Create("events.csv").Stream() << "e\n";
        folder.Create("pcap/a-1.pcap").Stream() << "p";
        // Before Publish nothing is visible; the staging folder is beside.
        CHECK_FALSE(fs::exists(dir));
        CHECK(fs::path(folder.Staging()).parent_path() == fs::path(parent));
        folder.Create("summary.json").Stream() << "{}\n";
        folder.Publish();
    }
    CHECK(ListDir(dir) == Names{".retrotcp-result", "events.csv", "pcap", "summary.json"});
    CHECK(ListDir(dir + "/pcap") == Names{"a-1.pcap"});
    CHECK(ReadFile(dir + "/.retrotcp-result").find("\"pcap/a-1.pcap\"") != std::string::npos);
    CHECK(ListDir(parent) == Names{"out"}); // no staging folder, no lock file
}

TEST_CASE("result folder: a new result replaces the previous one, and only it")
{
    std::string parent = TempDir("folder-replace");
    std::string dir = parent + "/out";
    PublishRun(dir, {{"events.csv", "old"}, {"pcap/a-1.pcap", "old"}, {"summary.json", "1"}});
    // --no-events and no --pcap this time: the old events.csv and pcap/ go.
    PublishRun(dir, {{"connections.csv", "new"}, {"summary.json", "2"}});
    CHECK(ListDir(dir) == Names{".retrotcp-result", "connections.csv", "summary.json"});
    CHECK(ReadFile(dir + "/summary.json") == "2");
    CHECK(ListDir(parent) == Names{"out"});
}

TEST_CASE("result folder: files retrotcp did not write are never deleted or replaced")
{
    std::string dir = TempDir("folder-foreign") + "/out";
    Write(dir + "/notes.txt", "mine");
    std::ostringstream log;
    // Not a result folder: refused (exit status 2) unless --force.
    try
    {
        ResultFolder folder(dir, false, log);
        FAIL("accepted a folder of someone else's files");
    }
    catch (const ResultFolderError& e)
    {
        CHECK(e.ExitStatus() == 2);
        CHECK_THAT(e.what(), Catch::Contains("holds files that are not a retrotcp result "
                                             "(notes.txt): choose a new or empty folder, or add "
                                             "--force"));
    }
    PublishRun(dir, {{"events.csv", "1"}, {"pcap/a-1.pcap", "1"}, {"summary.json", "1"}}, true);
    CHECK(ListDir(dir) ==
          Names{".retrotcp-result", "events.csv", "notes.txt", "pcap", "summary.json"});
    // Now it is a result folder that also holds notes.txt, and pcap/keep.pcap
    // beside its capture: replaced, theirs kept.
    Write(dir + "/pcap/keep.pcap", "mine too");
    PublishRun(dir, {{"connections.csv", "2"}, {"summary.json", "2"}});
    CHECK(ListDir(dir) ==
          Names{".retrotcp-result", "connections.csv", "notes.txt", "pcap", "summary.json"});
    CHECK(ReadFile(dir + "/notes.txt") == "mine");
    CHECK(ListDir(dir + "/pcap") == Names{"keep.pcap"});
    CHECK(ReadFile(dir + "/pcap/keep.pcap") == "mine too");
    CHECK(ReadFile(dir + "/summary.json") == "2");
    // A file of a result file's name that retrotcp did not write: refused even
    // with --force.
    Write(dir + "/events.csv", "mine");
    CHECK_THROWS_WITH(ResultFolder(dir, true, log),
                      Catch::Contains("events.csv was not written by retrotcp and would be "
                                      "replaced; move it away first"));
    CHECK(ReadFile(dir + "/events.csv") == "mine");
}

TEST_CASE("result folder: a marker cannot make retrotcp delete outside the folder")
{
    std::string parent = TempDir("folder-marker");
    std::string dir = parent + "/out";
    Write(parent + "/precious.txt", "keep");
    Write(dir + "/.retrotcp-result",
          R"({"files": ["../precious.txt", "/etc/hostname", "a/b/c", "summary.json"]})");
    Write(dir + "/summary.json", "old");
    PublishRun(dir, {{"summary.json", "new"}});
    CHECK(ReadFile(parent + "/precious.txt") == "keep");
    CHECK(ReadFile(dir + "/summary.json") == "new");
    // A link out of the folder, named like the pcap/ folder its marker lists.
    Write(parent + "/elsewhere/a-1.pcap", "not ours");
    std::filesystem::create_directory_symlink(parent + "/elsewhere", dir + "/pcap");
    Write(dir + "/.retrotcp-result", R"({"files": ["summary.json", "pcap/a-1.pcap"]})");
    std::ostringstream log;
    CHECK_THROWS_WITH(ResultFolder(dir, true, log),
                      Catch::Contains("pcap was not written by retrotcp"));
    CHECK(ReadFile(parent + "/elsewhere/a-1.pcap") == "not ours");
    CHECK(ReadFile(dir + "/summary.json") == "new");
}

TEST_CASE("result folder: a failed run publishes nothing and removes its staging")
{
    std::string parent = TempDir("folder-failed");
    std::string dir = parent + "/out";
    PublishRun(dir, {{"summary.json", "good"}});
    std::ostringstream log;
    {
        ResultFolder folder(dir, false, log);
        folder.Create("events.csv").Stream() << std::string(100000, 'x');
        folder.Create("summary.json").Stream() << "bad";
        // destroyed without Publish(): the run threw
    }
    CHECK_THAT(log.str(), Catch::Contains("nothing published: removed the staging folder"));
    CHECK(ListDir(dir) == Names{".retrotcp-result", "summary.json"});
    CHECK(ReadFile(dir + "/summary.json") == "good");
    CHECK(ListDir(parent) == Names{"out"});
}

TEST_CASE("result folder: a second run into the folder is refused while the first runs")
{
    std::string dir = TempDir("folder-lock") + "/out";
    std::ostringstream log;
    ResultFolder first(dir, false, log);
    try
    {
        ResultFolder second(dir, false, log);
        FAIL("two runs hold one folder");
    }
    catch (const ResultFolderError& e)
    {
        CHECK(e.ExitStatus() == 1);
        CHECK_THAT(e.what(),
                   Catch::Contains("another retrotcp run (pid " + std::to_string(getpid()) +
                                   ") is writing this folder"));
    }
    first.Create("summary.json").Stream() << "first";
    first.Publish();
    CHECK(ReadFile(dir + "/summary.json") == "first");
}

TEST_CASE("result folder: the leftovers of a killed run are removed by the next run")
{
    std::string parent = TempDir("folder-stale");
    std::string dir = parent + "/out";
    pid_t dead = DeadPid();
    char host[256] = {};
    gethostname(host, sizeof(host) - 1);
    std::string stale = parent + "/.out.staging-" + std::to_string(dead) + "-abcdef";
    Write(stale + "/.retrotcp-staging", "retrotcp-staging pid=" + std::to_string(dead) +
                                            " host=" + host + "\nevents.csv\npcap/a-1.pcap\n");
    Write(stale + "/events.csv", std::string(1000, 'x'));
    Write(stale + "/pcap/a-1.pcap", "p");
    // One of someone else's, in a staging folder of a live process: left alone.
    std::string live = parent + "/.out.staging-" + std::to_string(getpid()) + "-ghijkl";
    Write(live + "/.retrotcp-staging", "retrotcp-staging pid=1 host=" + std::string(host) + "\n");
    std::ostringstream log;
    auto removed = ResultFolder::RecoverStale(dir, log);
    CHECK(removed == Names{stale});
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(live));
    CHECK_THAT(log.str(), Catch::Contains("removed the leftovers of an interrupted run (pid " +
                                          std::to_string(dead) + ")"));
    // A file it did not write keeps a dead run's staging folder (and the file).
    Write(stale + "/.retrotcp-staging",
          "retrotcp-staging pid=" + std::to_string(dead) + " host=" + host + "\nevents.csv\n");
    Write(stale + "/events.csv", "x");
    Write(stale + "/mine.txt", "keep");
    ResultFolder::RecoverStale(dir, log);
    CHECK(ListDir(stale) == Names{"mine.txt"});
    fs::remove_all(live);
}

TEST_CASE("result folder: a result of a version without markers is recognised")
{
    std::string dir = TempDir("folder-old") + "/out";
    Write(dir + "/summary.json",
          R"({"versions": {"retrotcp": "0.1.0"}, "files": ["events.csv", "pcap/a-1.pcap"]})");
    Write(dir + "/events.csv", "old");
    Write(dir + "/pcap/a-1.pcap", "old");
    Write(dir + "/.events.csv.partial", "an interrupted write of that version");
    PublishRun(dir, {{"summary.json", "new"}});
    CHECK(ListDir(dir) == Names{".retrotcp-result", "summary.json"});
}

TEST_CASE("result folder: every write is checked")
{
    // A file size limit makes write(2) fail (EFBIG) as a full disk would (ENOSPC).
    std::string dir = TempDir("folder-write-error");
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction previous;
    sigaction(SIGXFSZ, &ignore, &previous);
    struct rlimit saved;
    getrlimit(RLIMIT_FSIZE, &saved);
    std::ostringstream log;
    {
        ResultFolder folder(dir + "/out", false, log);
        struct rlimit small = saved;
        small.rlim_cur = 4096;
        setrlimit(RLIMIT_FSIZE, &small);
        OutputFile& events = folder.Create("events.csv");
        events.Stream() << std::string(200000, 'x');
        CHECK(events.Failed()); // seen as the run goes, not only at the end
        CHECK_THAT(events.Error(), Catch::Contains("events.csv: File too large"));
        CHECK_THROWS_WITH(folder.Publish(), Catch::Contains("events.csv: File too large"));
        setrlimit(RLIMIT_FSIZE, &saved);
    }
    sigaction(SIGXFSZ, &previous, nullptr);
    CHECK(ListDir(dir).empty()); // nothing published, staging removed
}
