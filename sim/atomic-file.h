#ifndef RETROTCP_ATOMIC_FILE_H
#define RETROTCP_ATOMIC_FILE_H

#include <fstream>
#include <string>

namespace retrotcp
{

/**
 * \brief An output file written under a temporary name and renamed to its real
 * name by Commit(), so that an interrupted or failed run never leaves a file that
 * looks whole. Destroyed without Commit(), it removes the temporary file.
 */
class AtomicFile
{
  public:
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// The stream to write to (buffered; never flushed per row).
    std::ofstream&
    Stream()
    {
        return m_stream;
    }

    /// Close and rename to the final name; throws std::runtime_error on I/O errors.
    void Commit();

    const std::string&
    Path() const
    {
        return m_path;
    }

    /// The temporary name used while writing ("DIR/.NAME.partial").
    static std::string TemporaryName(const std::string& path);

  private:
    std::string m_path;
    std::string m_tmp;
    std::ofstream m_stream;
    bool m_committed{false};
    char m_buffer[1 << 16];
};

/// Quote a CSV field if it needs it (RFC 4180).
std::string CsvField(const std::string& text);

} // namespace retrotcp

#endif
