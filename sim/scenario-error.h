#ifndef RETROTCP_SCENARIO_ERROR_H
#define RETROTCP_SCENARIO_ERROR_H

#include <stdexcept>
#include <string>

namespace retrotcp
{

/**
 * \brief A scenario (or --set override) that cannot be run, with where and why.
 *
 * what() reads "FILE: at PATH: expected EXPECTED, found FOUND", PATH being a JSON
 * pointer ("/hosts/1/count"), or "FILE:LINE:COLUMN: ..." for syntax errors.
 */
class ScenarioError : public std::runtime_error
{
  public:
    ScenarioError(const std::string& file, const std::string& path, const std::string& expected,
                  const std::string& found);

    /// A message that does not fit the expected/found shape.
    static ScenarioError Plain(const std::string& file, const std::string& message);

    const std::string&
    File() const
    {
        return m_file;
    }

    const std::string&
    Path() const
    {
        return m_path;
    }

  private:
    explicit ScenarioError(const std::string& message);
    std::string m_file;
    std::string m_path;
};

} // namespace retrotcp

#endif
