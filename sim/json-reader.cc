#include "json-reader.h"

#include "message-text.h"
#include "scenario-error.h"
#include "units.h"

#include <algorithm>

namespace retrotcp
{

JsonReader::JsonReader(const nlohmann::json& value, std::string path, std::string file,
                       std::initializer_list<const char*> allowedKeys)
    : m_value(value)
    , m_path(std::move(path))
    , m_file(std::move(file))
{
    if (!m_value.is_object())
    {
        throw ScenarioError(m_file, m_path, "an object", Describe(m_value));
    }
    for (const auto& item : m_value.items())
    {
        bool known = std::any_of(allowedKeys.begin(), allowedKeys.end(),
                                 [&](const char* k) { return item.key() == k; });
        if (!known)
        {
            std::string list;
            for (const char* k : allowedKeys)
            {
                list += (list.empty() ? "" : ", ") + std::string(k);
            }
            throw ScenarioError(m_file, m_path + "/" + Escape(item.key()),
                                "one of the keys " + list, "unknown key " + Quoted(item.key()));
        }
    }
}

std::string
JsonReader::Escape(const std::string& segment)
{
    std::string out;
    for (char c : segment)
    {
        if (c == '~')
        {
            out += "~0";
        }
        else if (c == '/')
        {
            out += "~1";
        }
        else
        {
            out += c;
        }
    }
    return out;
}

std::string
JsonReader::Describe(const nlohmann::json& value)
{
    switch (value.type())
    {
    case nlohmann::json::value_t::null:
        return "null";
    case nlohmann::json::value_t::object:
        return "an object";
    case nlohmann::json::value_t::array:
        return "an array";
    case nlohmann::json::value_t::string:
        return Quoted(value.get_ref<const std::string&>()) + " (a string)";
    case nlohmann::json::value_t::boolean:
        return value.dump() + " (a boolean)";
    default:
        return value.dump() + " (a number)";
    }
}

std::string
JsonReader::PathOf(const char* key) const
{
    return m_path + "/" + Escape(key);
}

bool
JsonReader::Has(const char* key) const
{
    return m_value.contains(key);
}

void
JsonReader::Fail(const char* key, const std::string& expected) const
{
    if (!Has(key))
    {
        throw ScenarioError(m_file, PathOf(key), expected, "nothing (the key is missing)");
    }
    throw ScenarioError(m_file, PathOf(key), expected, Describe(m_value.at(key)));
}

const nlohmann::json&
JsonReader::Value(const char* key) const
{
    return m_value.at(key);
}

std::pair<uint16_t, uint16_t>
JsonReader::PortRange(const char* key, std::pair<uint16_t, uint16_t> fallback) const
{
    if (!Has(key))
    {
        return fallback;
    }
    const nlohmann::json& v = Value(key);
    auto isPort = [](const nlohmann::json& p) {
        return p.is_number_unsigned() && p.get<uint64_t>() >= 1 && p.get<uint64_t>() <= 65535;
    };
    if (isPort(v))
    {
        return {v.get<uint16_t>(), v.get<uint16_t>()};
    }
    if (!v.is_array() || v.size() != 2 || !isPort(v[0]) || !isPort(v[1]) ||
        v[0].get<uint64_t>() > v[1].get<uint64_t>())
    {
        Fail(key, "a port (1-65535) or [first, last] with first <= last");
    }
    return {v[0].get<uint16_t>(), v[1].get<uint16_t>()};
}

std::string
JsonReader::String(const char* key) const
{
    if (!Has(key) || !Value(key).is_string() || Value(key).get<std::string>().empty())
    {
        Fail(key, "a non-empty string");
    }
    return Value(key).get<std::string>();
}

std::string
JsonReader::String(const char* key, const std::string& fallback) const
{
    if (!Has(key))
    {
        return fallback;
    }
    if (!Value(key).is_string())
    {
        Fail(key, "a string");
    }
    return Value(key).get<std::string>();
}

std::string
JsonReader::Choice(const char* key, const std::vector<std::string>& choices,
                   const std::string& fallback) const
{
    std::string value = Has(key) ? String(key) : fallback;
    if (std::find(choices.begin(), choices.end(), value) == choices.end())
    {
        std::string list;
        for (const auto& c : choices)
        {
            list += (list.empty() ? "\"" : ", \"") + c + "\"";
        }
        Fail(key, "one of " + list);
    }
    return value;
}

uint64_t
JsonReader::Unsigned(const char* key, uint64_t min, uint64_t max) const
{
    std::string expected = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
    if (!Has(key) || !Value(key).is_number_integer())
    {
        Fail(key, expected);
    }
    if (Value(key).is_number_unsigned())
    {
        uint64_t v = Value(key).get<uint64_t>();
        if (v >= min && v <= max)
        {
            return v;
        }
    }
    Fail(key, expected);
}

uint64_t
JsonReader::Unsigned(const char* key, uint64_t min, uint64_t max, uint64_t fallback) const
{
    return Has(key) ? Unsigned(key, min, max) : fallback;
}

double
JsonReader::Number(const char* key, double min, double max, double fallback) const
{
    if (!Has(key))
    {
        return fallback;
    }
    if (!Value(key).is_number())
    {
        Fail(key, "a number from " + std::to_string(min) + " to " + std::to_string(max));
    }
    double v = Value(key).get<double>();
    if (!(v >= min && v <= max))
    {
        std::ostringstream expected;
        expected << "a number from " << min << " to " << max;
        Fail(key, expected.str());
    }
    return v;
}

bool
JsonReader::Bool(const char* key, bool fallback) const
{
    if (!Has(key))
    {
        return fallback;
    }
    if (!Value(key).is_boolean())
    {
        Fail(key, "true or false");
    }
    return Value(key).get<bool>();
}

ns3::Time
JsonReader::Duration(const char* key) const
{
    const std::string expected = "a duration with a unit, such as \"3s\", \"500ms\" or \"2min\"";
    if (!Has(key) || !Value(key).is_string())
    {
        Fail(key, expected);
    }
    QuantityProblem problem;
    auto t = ParseDuration(Value(key).get<std::string>(), &problem);
    if (!t)
    {
        Fail(key, DurationExpectation(problem));
    }
    return *t;
}

ns3::Time
JsonReader::Duration(const char* key, ns3::Time fallback) const
{
    return Has(key) ? Duration(key) : fallback;
}

uint64_t
JsonReader::DataRate(const char* key, uint64_t fallback) const
{
    if (!Has(key))
    {
        return fallback;
    }
    const char* expected = "a data rate with a unit, such as \"10Mbps\" or \"64kbps\"";
    if (!Value(key).is_string())
    {
        Fail(key, expected);
    }
    QuantityProblem problem;
    auto rate = ParseDataRate(Value(key).get<std::string>(), &problem);
    if (!rate)
    {
        switch (problem)
        {
        case QuantityProblem::kTooLarge:
            Fail(key, std::string("a data rate of at most ") + kMaxDataRateText);
        case QuantityProblem::kPrecision:
        case QuantityProblem::kZero:
            Fail(key, "a data rate of at least 1bps, in whole bits per second");
        default:
            Fail(key, "a data rate with a unit (bps, kbps, Mbps, Gbps), such as \"10Mbps\" or "
                      "\"64kbps\"");
        }
    }
    return *rate;
}

const nlohmann::json&
JsonReader::Child(const char* key) const
{
    if (!Has(key))
    {
        Fail(key, "a value");
    }
    return Value(key);
}

} // namespace retrotcp
