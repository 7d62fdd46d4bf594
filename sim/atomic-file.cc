#include "atomic-file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace retrotcp
{

AtomicFile::AtomicFile(std::string path)
    : m_path(std::move(path))
{
    std::filesystem::path p(m_path);
    m_tmp =
        (p.parent_path() / ("." + p.filename().string() + ".partial-" + std::to_string(::getpid())))
            .string();
    std::remove(m_tmp.c_str()); // a leftover of an earlier process with this pid
    m_file = std::make_unique<OutputFile>(m_tmp);
}

AtomicFile::~AtomicFile()
{
    if (!m_committed)
    {
        m_file.reset();
        std::remove(m_tmp.c_str());
    }
}

void
AtomicFile::Commit()
{
    m_file->Close(); // throws naming the temporary file and the error
    if (std::rename(m_tmp.c_str(), m_path.c_str()) != 0)
    {
        throw std::runtime_error("cannot write " + m_path + ": " + std::strerror(errno));
    }
    m_committed = true;
    std::string dir = std::filesystem::path(m_path).parent_path().string();
    SyncPath(dir.empty() ? "." : dir);
}

} // namespace retrotcp
