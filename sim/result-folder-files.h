#ifndef RETROTCP_RESULT_FOLDER_FILES_H
#define RETROTCP_RESULT_FOLDER_FILES_H

#include <filesystem>
#include <optional>
#include <set>
#include <string>

namespace retrotcp
{
/// What ResultFolder knows about the files in result and staging folders.
namespace result_files
{

/// The staging folder's list of what the run created (for recovery after a kill).
extern const char* const kManifest;
/// Names a run may write (add new result files here), so that a foreign file of
/// that name is never replaced, even with --force.
bool IsResultName(const std::string& name);
/// Temporaries of retrotcp versions before result folders were staged.
extern const char* const kOldTemporaries[5];

/// A name of a result file: "a.csv" or "dir/a.pcap", nothing that leaves the folder.
bool IsSafeName(const std::string& name);
/// This host's name (gethostname), "unknown" if none.
std::string HostName();
/// True if no process has \p pid.
bool ProcessIsGone(long pid);
/// The files a marker, a staging manifest or an old version's summary.json lists
/// (safe names only); nothing if \p path is none of them.
std::optional<std::set<std::string>> ReadFileList(const std::filesystem::path& path);
/// Remove \p files (relative to \p dir, never through a link) and the subfolders
/// they leave empty.
void RemoveListed(const std::filesystem::path& dir, const std::set<std::string>& files);
/// Remove a dead run's staging folder: what its manifest or marker lists, then
/// the folder if it is empty. True if it is gone.
bool RemoveStaging(const std::filesystem::path& staging);

} // namespace result_files
} // namespace retrotcp

#endif
