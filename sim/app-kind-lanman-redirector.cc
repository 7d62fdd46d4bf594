// "type": "lanman-redirector": a LAN Manager workstation running net commands
// (LanmanRedirector).

#include "application-kind.h"
#include "application-site.h"
#include "json-reader.h"
#include "message-text.h"
#include "scenario-error.h"
#include "units.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace retrotcp
{

using namespace ns3;
using nlohmann::json;
using nlohmann::ordered_json;

namespace
{

std::vector<LanmanCommand>
ParseCommands(const JsonReader& r, const char* key)
{
    std::vector<LanmanCommand> out;
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
        LanmanCommand c;
        std::string expected;
        if (!LanmanCommand::Parse(text, c, expected))
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

void
Parse(const json& value, const std::string& path, const std::string& file, AppSpec& app)
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
}

// The servers and the domain controller a redirector names must be hosts.
void
CheckReferences(const ReferenceScope& scope, const AppSpec& app)
{
    // Server names are case-insensitive (NetBIOS names are upper case).
    std::map<std::string, std::string> lower;
    for (const auto& m : scope.hosts)
    {
        lower[Lower(m)] = m;
    }
    auto check = [&](const std::string& name, const std::string& where) {
        if (!lower.count(Lower(name)))
        {
            throw ScenarioError(scope.scenario.file, where, "the name of one host of the scenario",
                                Quoted(name) + " (no such host)");
        }
    };
    const auto& r = app.lanmanRedirector;
    check(r.domainController, app.path + "/domain_controller");
    for (const auto* list : {&r.commands, &r.logonScript})
    {
        for (size_t i = 0; i < list->size(); ++i)
        {
            if ((*list)[i].kind == LanmanCommand::USE)
            {
                check((*list)[i].server,
                      app.path + (list == &r.commands ? "/commands/" : "/logon_script/") +
                          std::to_string(i));
            }
        }
    }
}

std::optional<ListenedPort>
Listens(const AppSpec&)
{
    return std::nullopt;
}

ordered_json
CommandsJson(const std::vector<LanmanCommand>& commands)
{
    ordered_json list = ordered_json::array();
    for (const auto& c : commands)
    {
        list.push_back(c.text);
    }
    return list;
}

ordered_json
Resolved(const AppSpec& app)
{
    const LanmanRedirectorSpec& r = app.lanmanRedirector;
    return {{"type", app.type},
            {"domain_controller", r.domainController},
            {"commands", CommandsJson(r.commands)},
            {"logon_script", CommandsJson(r.logonScript)},
            {"start", FormatDuration(r.start)},
            {"start_jitter", FormatDuration(r.startJitter)}};
}

ApplicationLoad
Load(const HostSpec&, const AppSpec& app)
{
    // A session per server named (kept until logoff) and the logon's; the logon
    // script runs after each logon.
    const auto& r = app.lanmanRedirector;
    std::set<std::string> servers{r.domainController};
    uint64_t logons = 0;
    for (const auto* list : {&r.commands, &r.logonScript})
    {
        for (const auto& c : *list)
        {
            logons += c.kind == LanmanCommand::LOGON;
            if (c.kind == LanmanCommand::USE)
            {
                servers.insert(c.server);
            }
        }
    }
    ApplicationLoad load;
    load.commands = r.commands.size() + r.logonScript.size() * std::max<uint64_t>(logons, 1);
    load.connections = servers.size() * std::max<uint64_t>(logons, 1);
    load.alive = servers.size();
    return load;
}

void
Install(ApplicationSite& site, const HostInstance& host, const HostSockets& sockets,
        const AppSpec& app)
{
    Ptr<Application> a = site.Lanman().InstallRedirector(host, app, sockets.factory,
                                                         sockets.configure, site.NextStream());
    // The redirector's sessions report the MS-DOS codes it shows the user.
    site.ReportClient(host, a, ERRORS_DOS, false);
}

} // namespace

const ApplicationKind&
LanmanRedirectorApplicationKind()
{
    static const ApplicationKind kKind = {"lanman-redirector", &Parse, &CheckReferences, &Listens,
                                          &Resolved,           &Load,  &Install};
    return kKind;
}

} // namespace retrotcp
