#include "lanman-app-spec.h"

#include "json-reader.h"
#include "lanman-profile-registry.h"
#include "lanman-stack-config.h"
#include "message-text.h"
#include "profile-registry.h"
#include "scenario-error.h"
#include "scenario.h"

#include <algorithm>
#include <cctype>

namespace retrotcp
{

using nlohmann::json;

namespace
{
std::vector<ns3::LanmanCommand>
ParseCommands(const JsonReader& r, const char* key)
{
    std::vector<ns3::LanmanCommand> out;
    if (!r.Has(key))
    {
        return out;
    }
    const json& list = r.Child(key);
    if (!list.is_array())
    {
        r.Fail(key, "an array of command strings");
    }
    for (size_t i = 0; i < list.size(); ++i)
    {
        std::string path = r.PathOf(key) + "/" + std::to_string(i);
        if (!list[i].is_string())
        {
            throw ScenarioError(r.File(), path, "a command string", JsonReader::Describe(list[i]));
        }
        const std::string& text = list[i].get_ref<const std::string&>();
        if (std::any_of(text.begin(), text.end(),
                        [](unsigned char ch) { return ch < 0x20 || ch == 0x7F; }))
        {
            // commands.csv carries the command text: one line, printable.
            throw ScenarioError(r.File(), path, "a command without control characters",
                                JsonReader::Describe(list[i]));
        }
        ns3::LanmanCommand c;
        std::string expected;
        if (!ns3::LanmanCommand::Parse(text, c, expected))
        {
            throw ScenarioError(r.File(), path, expected, JsonReader::Describe(list[i]));
        }
        out.push_back(c);
    }
    return out;
}

std::string
Lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}
} // namespace

bool
IsLanmanAppType(const std::string& type)
{
    return type == "lanman-redirector" || type == "lanman-server";
}

void
ParseLanmanApplication(const json& value, const std::string& path, const std::string& file,
                       AppSpec& app)
{
    const std::string type = value["type"].get<std::string>();
    app.type = type;
    if (type == "lanman-redirector")
    {
        JsonReader r(
            value, path, file,
            {"type", "domain_controller", "commands", "logon_script", "start", "start_jitter"});
        LanmanRedirectorSpec& s = app.lanmanRedirector;
        s.domainController = r.String("domain_controller");
        s.commands = ParseCommands(r, "commands");
        s.logonScript = ParseCommands(r, "logon_script");
        s.start = r.Duration("start", s.start);
        s.startJitter = r.Duration("start_jitter", s.startJitter);
        if (s.commands.empty())
        {
            r.Fail("commands", "a non-empty array of commands");
        }
        return;
    }
    JsonReader r(value, path, file,
                 {"type", "start", "think_time", "logon_think_time", "idle_timeout"});
    LanmanServerSpec& s = app.lanmanServer;
    s.start = r.Duration("start", s.start);
    s.thinkTime = r.Duration("think_time", s.thinkTime);
    s.logonThinkTime = r.Duration("logon_think_time", s.logonThinkTime);
    s.idleTimeout = r.Duration("idle_timeout", s.idleTimeout);
}

void
CheckLanmanReferences(const Scenario& s, const AppSpec& app, const std::set<std::string>& members)
{
    if (app.type != "lanman-redirector")
    {
        return;
    }
    // Server names are case-insensitive (NetBIOS names are upper case).
    std::map<std::string, std::string> lower;
    for (const auto& m : members)
    {
        lower[Lower(m)] = m;
    }
    auto check = [&](const std::string& name, const std::string& where) {
        if (!lower.count(Lower(name)))
        {
            throw ScenarioError(s.file, where, "the name of one host of the scenario",
                                Quoted(name) + " (no such host)");
        }
    };
    const auto& r = app.lanmanRedirector;
    check(r.domainController, app.path + "/domain_controller");
    for (const auto* list : {&r.commands, &r.logonScript})
    {
        for (size_t i = 0; i < list->size(); ++i)
        {
            if ((*list)[i].kind == ns3::LanmanCommand::USE)
            {
                check((*list)[i].server,
                      app.path + (list == &r.commands ? "/commands/" : "/logon_script/") +
                          std::to_string(i));
            }
        }
    }
}

bool
IsLanmanProfile(const StackProfile& profile)
{
    return ns3::LanmanProfileRegistry::VersionOf(profile.name).has_value();
}

void
ApplyLanmanStackParameters(const StackProfile& profile, const json& parameters,
                           const std::string& path, const std::string& file, StackSpec& stack)
{
    auto version = ns3::LanmanProfileRegistry::VersionOf(profile.name);
    ns3::LanmanStackConfig config(version.value_or(ns3::LanmanVersion::V2_2));
    bool any = false;
    if (parameters.is_object())
    {
        for (const auto& item : parameters.items())
        {
            if (!ns3::LanmanStackConfig::IsParameterName(item.key()))
            {
                continue;
            }
            std::string itemPath = path + "/" + JsonReader::Escape(item.key());
            std::string text =
                item.value().is_string() ? item.value().get<std::string>() : item.value().dump();
            if (auto expected = config.Set(item.key(), text))
            {
                throw ScenarioError(file, itemPath, *expected, JsonReader::Describe(item.value()));
            }
            any = true;
        }
    }
    if (auto problem = config.Validate())
    {
        throw ScenarioError(file, path, *problem, "the PROTOCOL.INI values given");
    }
    stack.nbSessions = config.GetNbSessions();
    if (!any)
    {
        return; // the profile's own values are the defaults
    }
    for (const auto& [attribute, value] : config.ToAttributes())
    {
        // Without MSL the profile's Msl (or the host's own Msl attribute) applies:
        // the derived default equals the profile's, and a resolved scenario.json
        // writes Msl as an exact duration next to the PROTOCOL.INI names.
        if (attribute == "Msl" && !parameters.contains("MSL"))
        {
            continue;
        }
        if (parameters.contains(attribute))
        {
            throw ScenarioError(file, path + "/" + attribute,
                                "either the attribute " + attribute +
                                    " or PROTOCOL.INI names (NBSESSIONS, ...), not both",
                                "both");
        }
        stack.parameters[attribute] = value;
    }
}

} // namespace retrotcp
