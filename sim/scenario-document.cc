// The scenario as JSON text: reading it, checking it before the JSON parser sees
// it, and "--set PATH=VALUE" overrides. ParseScenario (scenario-loader.cc) then
// validates the document.
#include "json-reader.h"
#include "message-text.h"
#include "scenario-error.h"
#include "scenario-loader.h"
#include "units.h"

#include <fstream>
#include <sstream>

namespace retrotcp
{

using nlohmann::json;

namespace
{
// Line and column (1-based) of a byte offset.
std::pair<size_t, size_t>
LineColumn(const std::string& text, size_t offset)
{
    size_t line = 1;
    size_t column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i)
    {
        if (text[i] == '\n')
        {
            ++line;
            column = 1;
        }
        else
        {
            ++column;
        }
    }
    return {line, column};
}

std::string
Where(const std::string& file, const std::string& text, size_t offset)
{
    auto [line, column] = LineColumn(text, offset);
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

// Offset of the first bracket nested deeper than kMaxJsonDepth, if any (one pass,
// strings skipped): the parser's own depth is not limited.
std::optional<size_t>
FindTooDeep(const std::string& text)
{
    size_t depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i)
    {
        char c = text[i];
        if (inString)
        {
            if (c == '\\')
            {
                ++i;
            }
            else if (c == '"')
            {
                inString = false;
            }
        }
        else if (c == '"')
        {
            inString = true;
        }
        else if (c == '[' || c == '{')
        {
            if (++depth > kMaxJsonDepth)
            {
                return i;
            }
        }
        else if ((c == ']' || c == '}') && depth > 0)
        {
            --depth;
        }
    }
    return std::nullopt;
}

// nlohmann's message is "[json.exception.parse_error.101] parse error at line 3,
// column 5: syntax error while parsing object - ..."; keep the last part.
std::string
Reason(const std::string& what)
{
    auto pos = what.find("syntax error");
    if (pos == std::string::npos)
    {
        pos = what.find("] ");
        pos = pos == std::string::npos ? 0 : pos + 2;
    }
    return what.substr(pos);
}
} // namespace

json
ParseScenarioText(const std::string& text, const std::string& file)
{
    if (auto offset = FindInvalidUtf8(text))
    {
        throw ScenarioError::Plain(Where(file, text, *offset), *Utf8Problem(text));
    }
    if (auto offset = FindTooDeep(text))
    {
        throw ScenarioError::Plain(Where(file, text, *offset),
                                   "invalid scenario: objects and arrays nested more than " +
                                       std::to_string(kMaxJsonDepth) + " deep");
    }
    try
    {
        return json::parse(text);
    }
    catch (const json::parse_error& e)
    {
        throw ScenarioError::Plain(Where(file, text, e.byte > 0 ? e.byte - 1 : 0),
                                   "invalid JSON: " + Reason(e.what()));
    }
    catch (const json::exception& e)
    {
        // out_of_range.406: a number beyond the range of a double (1e400).
        throw ScenarioError::Plain(file, "invalid JSON: " + Reason(e.what()) +
                                             " (numbers must fit a double, about 1.8e308)");
    }
}

json
ReadScenarioJson(const std::string& file)
{
    if (auto problem = Utf8Problem(file))
    {
        throw ScenarioError::Plain(file, "the file name: " + *problem);
    }
    std::ifstream in(file, std::ios::binary);
    if (!in)
    {
        throw ScenarioError::Plain(file, "cannot read the file (does it exist?)");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
    {
        throw ScenarioError::Plain(file, "cannot read the file (a read error)");
    }
    return ParseScenarioText(buffer.str(), file);
}

void
ApplyOverride(json& document, const std::string& assignment)
{
    const std::string where = "--set " + assignment;
    if (auto problem = Utf8Problem(assignment))
    {
        throw ScenarioError::Plain(where, *problem);
    }
    auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
    {
        throw ScenarioError::Plain(where, "expected PATH=VALUE, such as hosts.client.count=50");
    }
    std::string path = assignment.substr(0, eq);
    std::string valueText = assignment.substr(eq + 1);
    json value = valueText; // plain text, such as 3s or 10Mbps, unless it is JSON
    if (!FindTooDeep(valueText))
    {
        try
        {
            value = json::parse(valueText);
        }
        catch (const json::exception&)
        {
        }
    }

    std::vector<std::string> segments;
    std::stringstream ss(path);
    std::string segment;
    while (std::getline(ss, segment, '.'))
    {
        if (segment.empty())
        {
            throw ScenarioError::Plain(where, "empty segment in path " + Quoted(path));
        }
        segments.push_back(segment);
    }
    if (segments.size() > kMaxJsonDepth)
    {
        throw ScenarioError::Plain(where, "expected a path of at most " +
                                              std::to_string(kMaxJsonDepth) + " segments");
    }
    json* node = &document;
    std::string pointer;
    for (const std::string& seg : segments)
    {
        if (node->is_object())
        {
            if (!node->contains(seg))
            {
                // Created on the way (e.g. a host's "stack" for a stack parameter);
                // validation then judges whether the key is allowed.
                (*node)[seg] = json::object();
            }
            node = &(*node)[seg];
        }
        else if (node->is_array())
        {
            json* found = nullptr;
            auto index = ParseDecimal(seg, 19);
            if (index && *index < node->size())
            {
                found = &(*node)[*index];
            }
            std::string names;
            for (auto& element : *node)
            {
                if (element.is_object() && element.contains("name") && element["name"].is_string())
                {
                    names += (names.empty() ? "" : ", ") + element["name"].get<std::string>();
                    if (!found && element["name"] == seg)
                    {
                        found = &element;
                    }
                }
            }
            if (!found)
            {
                throw ScenarioError::Plain(
                    where, "no element " + Quoted(seg) + " in the array at " + pointer + " (" +
                               std::to_string(node->size()) + " elements" +
                               (names.empty() ? "" : "; names: " + names) + ")");
            }
            node = found;
        }
        else
        {
            throw ScenarioError::Plain(where, Quoted(seg) + " goes inside " + pointer +
                                                  ", which is " + JsonReader::Describe(*node) +
                                                  ", not an object or array");
        }
        pointer += "/" + JsonReader::Escape(seg);
    }
    *node = std::move(value);
}

} // namespace retrotcp
