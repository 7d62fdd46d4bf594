#ifndef RETROTCP_ATOMIC_FILE_H
#define RETROTCP_ATOMIC_FILE_H

#include "output-file.h"

#include <memory>
#include <string>

namespace retrotcp
{

/**
 * \brief One output file written under a temporary name beside it and renamed to
 * its real name by Commit(), so that an interrupted or failed write never leaves a
 * file that looks whole. Destroyed without Commit(), it removes the temporary
 * file. (A run's result folder is a ResultFolder, which does this for all its
 * files at once.)
 */
class AtomicFile
{
  public:
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// The stream to write to (buffered, every write checked).
    std::ostream&
    Stream()
    {
        return m_file->Stream();
    }

    /// Close, fsync and rename to the final name; throws std::runtime_error.
    void Commit();

    const std::string&
    Path() const
    {
        return m_path;
    }

  private:
    std::string m_path;
    std::string m_tmp;
    std::unique_ptr<OutputFile> m_file;
    bool m_committed{false};
};

} // namespace retrotcp

#endif
