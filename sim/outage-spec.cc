#include "outage-spec.h"

#include "json-reader.h"
#include "scenario-error.h"
#include "units.h"

namespace retrotcp
{

using namespace ns3;
using nlohmann::json;
using nlohmann::ordered_json;

OutageWindows
ReadOutageWindows(const JsonReader& r, const char* key, const char* startKey, const char* endKey)
{
    const json& list = r.Child(key);
    const std::string shape = std::string("a non-empty array of {\"") + startKey + "\": ..., \"" +
                              endKey + "\": ...} windows";
    if (!list.is_array() || list.empty())
    {
        r.Fail(key, shape);
    }
    OutageWindows windows;
    for (size_t i = 0; i < list.size(); ++i)
    {
        const std::string path = r.PathOf(key) + "/" + std::to_string(i);
        JsonReader w(list[i], path, r.File(), {startKey, endKey});
        OutageErrorModel::Window window;
        window.down = w.Duration(startKey);
        window.up = w.Has(endKey) ? w.Duration(endKey) : Time(-1);
        if (!windows.empty() && windows.back().up.IsNegative())
        {
            throw ScenarioError(r.File(), path,
                                std::string("no window after one without \"") + endKey + "\"",
                                "another window");
        }
        if (!windows.empty() && window.down <= windows.back().up)
        {
            w.Fail(startKey, std::string("a time after the previous window's \"") + endKey + "\"");
        }
        if (!window.up.IsNegative() && window.up <= window.down)
        {
            w.Fail(endKey, std::string("a time after \"") + startKey + "\"");
        }
        windows.push_back(window);
    }
    return windows;
}

ordered_json
OutageWindowsJson(const OutageWindows& windows, const char* startKey, const char* endKey)
{
    ordered_json list = ordered_json::array();
    for (const auto& w : windows)
    {
        ordered_json j = {{startKey, FormatDuration(w.down)}};
        if (!w.up.IsNegative())
        {
            j[endKey] = FormatDuration(w.up);
        }
        list.push_back(j);
    }
    return list;
}

OutageWindows
PoweredWindows(const OutageWindows& off, Time end)
{
    OutageWindows on;
    Time from(0);
    for (const auto& w : off)
    {
        if (w.down > from)
        {
            on.push_back({from, w.down});
        }
        if (w.up.IsNegative())
        {
            return on;
        }
        from = w.up;
    }
    if (from < end)
    {
        on.push_back({from, Time(-1)});
    }
    return on;
}

} // namespace retrotcp
