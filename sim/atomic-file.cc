#include "atomic-file.h"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace retrotcp
{

std::string
AtomicFile::TemporaryName(const std::string& path)
{
    std::filesystem::path p(path);
    return (p.parent_path() / ("." + p.filename().string() + ".partial")).string();
}

AtomicFile::AtomicFile(std::string path)
    : m_path(std::move(path))
    , m_tmp(TemporaryName(m_path))
{
    m_stream.rdbuf()->pubsetbuf(m_buffer, sizeof(m_buffer));
    m_stream.open(m_tmp, std::ios::binary | std::ios::trunc);
    if (!m_stream)
    {
        throw std::runtime_error("cannot write " + m_tmp);
    }
}

AtomicFile::~AtomicFile()
{
    if (!m_committed)
    {
        m_stream.close();
        std::remove(m_tmp.c_str());
    }
}

void
AtomicFile::Commit()
{
    m_stream.flush();
    bool ok = static_cast<bool>(m_stream);
    m_stream.close();
    if (!ok || std::rename(m_tmp.c_str(), m_path.c_str()) != 0)
    {
        std::remove(m_tmp.c_str());
        throw std::runtime_error("cannot write " + m_path);
    }
    m_committed = true;
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
