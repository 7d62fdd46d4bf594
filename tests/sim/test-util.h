#ifndef RETROTCP_TEST_UTIL_H
#define RETROTCP_TEST_UTIL_H

#include <map>
#include <string>
#include <vector>

namespace retrotcp
{
namespace test
{

/// The project's source folder (for sample scenarios and test data).
std::string SourcePath(const std::string& relative);

/// A fresh, empty temporary folder (removed at exit).
std::string TempDir(const std::string& tag);

/// Whole file as a string.
std::string ReadFile(const std::string& path);

/// A CSV file as rows of column name -> value (simple: no quoted commas).
std::vector<std::map<std::string, std::string>> ReadCsv(const std::string& path);

/// Result of running a command.
struct CommandResult
{
    int status;         //!< exit status
    std::string output; //!< stdout and stderr, interleaved
};

/// Run a shell command and capture its output (stderr too, unless \p mergeStderr
/// is false, when stderr goes to the test log) and exit status.
CommandResult RunCommand(const std::string& command, bool mergeStderr = true);

/// Run the built retrotcp binary with arguments (shell-quoted by the caller).
CommandResult RunRetrotcp(const std::string& arguments);

/// Load \p scenario (relative to the source folder) with \p overrides, run it into a
/// fresh temporary folder (TempDir(tag)), PCAPs on if \p pcap; returns the folder.
std::string RunInTempDir(const std::string& scenario, const std::string& tag,
                         const std::vector<std::string>& overrides = {}, bool pcap = false);

/// Files in a folder (names only, sorted; hidden files included).
std::vector<std::string> ListDir(const std::string& path);

} // namespace test
} // namespace retrotcp

#endif
