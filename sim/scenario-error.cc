#include "scenario-error.h"

#include "message-text.h"

namespace retrotcp
{

namespace
{
std::string
Format(const std::string& file, const std::string& path, const std::string& expected,
       const std::string& found)
{
    // Every part may hold text from the scenario or the command line: one line,
    // control characters escaped, long values cut.
    std::string message = Printable(file) + ": at " + (path.empty() ? "/" : Printable(path)) +
                          ": expected " + Printable(expected, 1000);
    if (!found.empty())
    {
        message += ", found " + Printable(found, 400);
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
    ScenarioError e(Printable(file) + ": " + Printable(message, 1000));
    e.m_file = file;
    return e;
}

} // namespace retrotcp
