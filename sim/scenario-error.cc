#include "scenario-error.h"

namespace retrotcp
{

namespace
{
std::string
Format(const std::string& file, const std::string& path, const std::string& expected,
       const std::string& found)
{
    std::string message = file + ": at " + (path.empty() ? "/" : path) + ": expected " + expected;
    if (!found.empty())
    {
        message += ", found " + found;
    }
    return message;
}
} // namespace

ScenarioError::ScenarioError(const std::string& file, const std::string& path,
                             const std::string& expected, const std::string& found)
    : std::runtime_error(Format(file, path, expected, found))
    , m_file(file)
    , m_path(path)
{
}

ScenarioError::ScenarioError(const std::string& message)
    : std::runtime_error(message)
{
}

ScenarioError
ScenarioError::Plain(const std::string& file, const std::string& message)
{
    ScenarioError e(file + ": " + message);
    e.m_file = file;
    return e;
}

} // namespace retrotcp
