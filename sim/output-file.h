#ifndef RETROTCP_OUTPUT_FILE_H
#define RETROTCP_OUTPUT_FILE_H

#include <memory>
#include <ostream>
#include <string>

namespace retrotcp
{

/**
 * \brief A new file written through a buffered std::ostream whose every write(2)
 * is checked: the first error (ENOSPC, EIO, ...) is kept with its errno text and
 * the stream goes bad. Close() flushes, fsync()s and closes, and throws
 * std::runtime_error naming the file and the error if anything failed.
 */
class OutputFile
{
  public:
    /// Create \p path (it must not exist); throws std::runtime_error.
    explicit OutputFile(std::string path);
    ~OutputFile(); // closes without checking (a failed run)
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    std::ostream&
    Stream()
    {
        return m_stream;
    }

    const std::string&
    Path() const
    {
        return m_path;
    }

    /// True once a write has failed.
    bool Failed() const;
    /// "cannot write PATH: REASON" if a write has failed, else "".
    std::string Error() const;
    /// Flush, fsync and close; throws std::runtime_error on any error.
    void Close();

  private:
    class Buffer;
    std::string m_path;
    std::unique_ptr<Buffer> m_buffer;
    std::ostream m_stream;
};

/// fsync() a file or folder by name (after a rename); throws std::runtime_error.
void SyncPath(const std::string& path);

/// Quote a CSV field if it needs it (RFC 4180).
std::string CsvField(const std::string& text);

} // namespace retrotcp

#endif
