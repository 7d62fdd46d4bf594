#include "output-file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <streambuf>
#include <unistd.h>
#include <vector>

namespace retrotcp
{

// A std::streambuf over a file descriptor that keeps the first write error.
class OutputFile::Buffer : public std::streambuf
{
  public:
    explicit Buffer(int fd)
        : m_fd(fd)
        , m_data(1 << 16)
    {
        setp(m_data.data(), m_data.data() + m_data.size());
    }

    ~Buffer() override
    {
        if (m_fd >= 0)
        {
            ::close(m_fd);
        }
    }

    int
    Errno() const
    {
        return m_errno;
    }

    // Flush, fsync, close: the errno of the first failure, 0 if none.
    int
    Finish()
    {
        Drain();
        if (m_errno == 0 && ::fsync(m_fd) != 0)
        {
            m_errno = errno;
        }
        if (::close(m_fd) != 0 && m_errno == 0)
        {
            m_errno = errno;
        }
        m_fd = -1;
        return m_errno;
    }

  protected:
    int_type
    overflow(int_type c) override
    {
        if (!Drain())
        {
            return traits_type::eof();
        }
        if (!traits_type::eq_int_type(c, traits_type::eof()))
        {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

    int
    sync() override
    {
        return Drain() ? 0 : -1;
    }

  private:
    // Write out the buffer; false (and the errno kept) on a failure.
    bool
    Drain()
    {
        const char* p = pbase();
        size_t left = static_cast<size_t>(pptr() - pbase());
        while (left > 0 && m_errno == 0)
        {
            ssize_t n = ::write(m_fd, p, left);
            if (n < 0)
            {
                if (errno == EINTR)
                {
                    continue;
                }
                m_errno = errno;
                break;
            }
            p += n;
            left -= static_cast<size_t>(n);
        }
        setp(m_data.data(), m_data.data() + m_data.size());
        return m_errno == 0;
    }

    int m_fd;
    int m_errno{0};
    std::vector<char> m_data;
};

OutputFile::OutputFile(std::string path)
    : m_path(std::move(path))
    , m_stream(nullptr)
{
    int fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
    {
        throw std::runtime_error("cannot create " + m_path + ": " + std::strerror(errno));
    }
    m_buffer = std::make_unique<Buffer>(fd);
    m_stream.rdbuf(m_buffer.get());
}

OutputFile::~OutputFile() = default;

bool
OutputFile::Failed() const
{
    return m_buffer->Errno() != 0;
}

std::string
OutputFile::Error() const
{
    return Failed() ? "cannot write " + m_path + ": " + std::strerror(m_buffer->Errno()) : "";
}

void
OutputFile::Close()
{
    m_stream.flush();
    if (int error = m_buffer->Finish())
    {
        throw std::runtime_error("cannot write " + m_path + ": " + std::strerror(error));
    }
}

void
SyncPath(const std::string& path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0)
    {
        int error = errno;
        if (fd >= 0)
        {
            ::close(fd);
        }
        throw std::runtime_error("cannot write " + path + ": " + std::strerror(error));
    }
    ::close(fd);
}

std::string
CsvField(const std::string& text)
{
    if (text.find_first_of(",\"\n\r") == std::string::npos)
    {
        return text;
    }
    std::string out = "\"";
    for (char c : text)
    {
        if (c == '"')
        {
            out += '"';
        }
        out += c;
    }
    return out + "\"";
}

} // namespace retrotcp
