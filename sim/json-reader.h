#ifndef RETROTCP_JSON_READER_H
#define RETROTCP_JSON_READER_H

#include "ns3/nstime.h"
#include "units.h"

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace retrotcp
{

/**
 * \brief Reads one JSON object of a scenario, with errors that name the file, the
 * JSON pointer, what was expected and what was found.
 *
 * The constructor rejects any key not in the allowed list, so that typos are
 * reported as unknown keys rather than as missing ones.
 */
class JsonReader
{
  public:
    JsonReader(const nlohmann::json& value, std::string path, std::string file,
               std::initializer_list<const char*> allowedKeys);

    bool Has(const char* key) const;
    std::string String(const char* key) const;
    std::string String(const char* key, const std::string& fallback) const;
    /// A string matching one of \p choices.
    std::string Choice(const char* key, const std::vector<std::string>& choices,
                       const std::string& fallback) const;
    uint64_t Unsigned(const char* key, uint64_t min, uint64_t max) const;
    uint64_t Unsigned(const char* key, uint64_t min, uint64_t max, uint64_t fallback) const;
    double Number(const char* key, double min, double max, double fallback) const;
    bool Bool(const char* key, bool fallback) const;
    ns3::Time Duration(const char* key) const;
    ns3::Time Duration(const char* key, ns3::Time fallback) const;
    uint64_t DataRate(const char* key, uint64_t fallback) const;
    /// A port N (1-65535) or a range [first, last] with first <= last, as {first, last};
    /// \p fallback when the key is absent.
    std::pair<uint16_t, uint16_t> PortRange(const char* key,
                                            std::pair<uint16_t, uint16_t> fallback) const;
    /// A child object or array that must be present.
    const nlohmann::json& Child(const char* key) const;

    std::string PathOf(const char* key) const;
    const std::string&
    Path() const
    {
        return m_path;
    }

    const std::string&
    File() const
    {
        return m_file;
    }

    /// Throw a ScenarioError at \p key.
    [[noreturn]] void Fail(const char* key, const std::string& expected) const;

    /// "\"abc\" (a string)", "an object", ... for messages (long strings cut).
    static std::string Describe(const nlohmann::json& value);
    /// The JSON pointer escape of one path segment.
    static std::string Escape(const std::string& segment);

  private:
    const nlohmann::json& Value(const char* key) const;

    const nlohmann::json& m_value;
    std::string m_path;
    std::string m_file;
};

} // namespace retrotcp

#endif
