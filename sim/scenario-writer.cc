#include "scenario-writer.h"

#include "application-kind.h"
#include "host-filter-spec.h"
#include "lanman-app-spec.h"
#include "lanman-stack-config.h"
#include "profile-registry.h"
#include "units.h"

namespace retrotcp
{

using nlohmann::ordered_json;

namespace
{

// LegacyTcpL4Protocol attributes a LAN Manager stack takes from PROTOCOL.INI names.
const std::pair<const char*, const char*> kLanmanDerived[] = {
    {"ConnectionBlocks", "TCPCONNECTIONS"},
    {"ReceiveWindow", "TCPWINDOWSIZE"},
    {"SegmentSize", "TCPSEGMENTSIZE"},
};

// A parameter value as JSON: integers and booleans as such, the rest as text.
ordered_json
ParameterValue(const std::string& text)
{
    if (text == "true" || text == "false")
    {
        return text == "true";
    }
    if (!text.empty() && text.size() < 19 &&
        text.find_first_not_of("0123456789") == std::string::npos)
    {
        return std::stoull(text);
    }
    return text;
}

ordered_json
StackJson(const StackSpec& stack)
{
    const StackProfile* profile = FindProfile(stack.profile);
    // The run applies the profile's values, then the host's own (runner.cc).
    // Attributes the profile leaves alone keep the model's defaults: listed too, so
    // that the file says every value the stack ran with.
    std::map<std::string, std::string> values;
    if (profile)
    {
        for (const auto& [name, value] : ModelDefaults(*profile, true))
        {
            values[name] = value;
        }
        for (const auto& v : profile->values)
        {
            values[v.parameter] = v.value;
        }
    }
    for (const auto& [name, value] : stack.parameters)
    {
        values[name] = value;
    }
    ordered_json parameters = ordered_json::object();
    if (profile && IsLanmanProfile(*profile))
    {
        // 0: no parameters were given, so the PROTOCOL.INI default holds.
        parameters["NBSESSIONS"] =
            stack.nbSessions > 0 ? stack.nbSessions : ns3::LanmanStackConfig().GetNbSessions();
        for (const auto& [attribute, iniName] : kLanmanDerived)
        {
            auto it = values.find(attribute);
            if (it != values.end())
            {
                parameters[iniName] = ParameterValue(it->second);
                values.erase(it);
            }
        }
    }
    for (const auto& [name, value] : values)
    {
        auto duration = ParseDuration(value);
        parameters[name] =
            duration ? ordered_json(FormatDuration(*duration)) : ParameterValue(value);
    }
    return {{"profile", stack.profile}, {"parameters", parameters}};
}

ordered_json
LanJson(const LanSpec& lan)
{
    ordered_json j = {{"name", lan.name},
                      {"type", lan.switched ? "switched" : "shared"},
                      {"data_rate", FormatDataRate(lan.dataRateBps)},
                      {"delay", FormatDuration(lan.delay)}};
    if (lan.switched)
    {
        j["forwarding_latency"] = FormatDuration(lan.forwardingLatency);
        j["arp_requests"] = lan.arpTargetOnly ? "target-only" : "flood";
        j["address_resolution"] = lan.staticResolution ? "static" : "arp";
    }
    else if (lan.staticResolution)
    {
        j["address_resolution"] = "static"; // shared LANs: written when set
    }
    return j;
}

ordered_json
HostJson(const HostSpec& h)
{
    ordered_json apps = ordered_json::array();
    for (const auto& app : h.applications)
    {
        apps.push_back(KindOf(app).resolved(app));
    }
    ordered_json j = {{"name", h.name},
                      {"count", h.count},
                      {"lan", h.lan},
                      {"role", h.role},
                      {"stack", StackJson(h.stack)}};
    if (!h.filter.empty())
    {
        j["filter"] = HostFilterJson(h.filter);
    }
    if (!h.power.empty())
    {
        j["power"] = OutageWindowsJson(h.power, "off", "on");
    }
    j["applications"] = apps;
    return j;
}

} // namespace

ordered_json
ResolvedScenario(const Scenario& s)
{
    ordered_json lans = ordered_json::array();
    for (const auto& lan : s.lans)
    {
        lans.push_back(LanJson(lan));
    }
    ordered_json wans = ordered_json::array();
    for (const auto& w : s.wanLinks)
    {
        wans.push_back({{"name", w.name},
                        {"lans", {w.lanA, w.lanB}},
                        {"data_rate", FormatDataRate(w.dataRateBps)},
                        {"delay", FormatDuration(w.delay)},
                        {"loss", w.loss}});
        if (!w.outages.empty())
        {
            wans.back()["outages"] = OutageWindowsJson(w.outages, "down", "up");
        }
    }
    ordered_json hosts = ordered_json::array();
    for (const auto& h : s.hosts)
    {
        hosts.push_back(HostJson(h));
    }
    return {{"name", s.name},
            {"description", s.description},
            {"seed", s.seed},
            {"duration", FormatDuration(s.duration)},
            {"network", {{"lans", lans}, {"wan_links", wans}}},
            {"hosts", hosts}};
}

std::string
ResolvedScenarioText(const Scenario& scenario)
{
    return ResolvedScenario(scenario).dump(2) + "\n";
}

} // namespace retrotcp
