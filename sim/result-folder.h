#ifndef RETROTCP_RESULT_FOLDER_H
#define RETROTCP_RESULT_FOLDER_H

#include "output-file.h"

#include <iosfwd>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace retrotcp
{

/// A result folder that cannot be used: --out names something retrotcp must not
/// replace, or another run holds it. exitStatus: 2 (bad --out) or 1.
class ResultFolderError : public std::runtime_error
{
  public:
    ResultFolderError(const std::string& message, int exitStatus)
        : std::runtime_error(message)
        , m_exitStatus(exitStatus)
    {
    }

    int
    ExitStatus() const
    {
        return m_exitStatus;
    }

  private:
    int m_exitStatus;
};

/**
 * \brief The result folder of one run, written as a transaction.
 *
 * The constructor takes a lock beside the folder (DIR's parent/.NAME.retrotcp-lock,
 * removed when the run ends: a second run into DIR is refused while the first
 * holds it), removes the staging
 * folders of runs that died (their pid is gone), checks what DIR holds and makes a
 * staging folder of its own beside DIR (.NAME.staging-PID-XXXXXX). Every file of
 * the run is created in it (Create, Reserve), every write checked. Publish() makes
 * all of them visible at once: DIR and the staging folder are swapped by one
 * rename (renameat2 RENAME_EXCHANGE), then the files of the previous result are
 * removed. Destroyed unpublished, it removes the staging folder: a failed run
 * publishes nothing and leaves DIR as it was.
 *
 * DIR must be missing, empty, or a retrotcp result (its marker file .retrotcp-result
 * lists the files it wrote; a result of an older version is recognised by its
 * summary.json). A folder with other files is refused unless \p force; with force,
 * or when a result folder also holds files of someone else, those files are kept:
 * only the files of the previous result are replaced, one rename each, summary.json
 * last and removed first, so that a summary.json always stands beside a complete
 * result. A file retrotcp did not write is never deleted or replaced.
 */
class ResultFolder
{
  public:
    /// Marker file of a result folder (and of a staging folder's contents).
    static constexpr const char* kMarker = ".retrotcp-result";

    ResultFolder(const std::string& dir, bool force, std::ostream& log);
    ~ResultFolder();
    ResultFolder(const ResultFolder&) = delete;
    ResultFolder& operator=(const ResultFolder&) = delete;

    /// A new file NAME ("events.csv", "pcap/h-1.pcap") in the staging folder.
    OutputFile& Create(const std::string& name);
    /// The staging path of a file NAME that another library writes (a capture);
    /// the caller checks and closes it before Publish().
    std::string Reserve(const std::string& name);
    /// Close every file (throws on the first write error), then publish.
    void Publish();

    /// The result folder (as given).
    const std::string&
    Dir() const
    {
        return m_dir;
    }

    /// The staging folder.
    const std::string&
    Staging() const
    {
        return m_staging;
    }

    /// The files of the run, in creation order (names relative to Dir()).
    const std::vector<std::string>&
    Files() const
    {
        return m_names;
    }

    /// Remove the leftovers of dead runs into \p dir (staging folders whose
    /// process is gone); returns their paths. Called by the constructor.
    static std::vector<std::string> RecoverStale(const std::string& dir, std::ostream& log);

  private:
    struct Contents; // what DIR holds: ours (from its marker) and foreign entries

    void Lock();
    void Prepare();
    void Release();
    Contents Inspect() const;
    void Register(const std::string& name);
    void WriteMarker(const std::string& path, const std::set<std::string>& files) const;
    void PublishBySwap(const Contents& old);
    void PublishKeepingForeign(const Contents& old);
    void RemoveFiles(const std::string& dir, const std::set<std::string>& files) const;

    std::string m_dir;      //!< as given
    std::string m_absolute; //!< absolute, normalised
    std::string m_parent;   //!< its parent folder
    std::string m_name;     //!< its last component
    bool m_force;
    std::ostream& m_log;
    std::string m_lockPath;
    int m_lockFd{-1};
    std::string m_staging;
    std::unique_ptr<OutputFile> m_manifest; //!< the staging folder's list of files
    std::vector<std::string> m_names;
    std::map<std::string, std::unique_ptr<OutputFile>> m_files;
    bool m_published{false};
};

} // namespace retrotcp

#endif
