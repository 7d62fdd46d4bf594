#include "scenario-loader.h"

#include "application-kind.h"
#include "host-filter-spec.h"
#include "json-reader.h"
#include "lanman-stack-config.h"
#include "linux-sysctl-config.h"
#include "message-text.h"
#include "profile-registry.h"
#include "scenario-error.h"
#include "sysctl-parameters.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace retrotcp
{

using nlohmann::json;

namespace
{

const char* const kNameRule = "a name of letters, digits, '-' and '_', starting with a letter";

bool
IsValidName(const std::string& name)
{
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (name.empty() || name.size() > 63 || !letter(name[0]))
    {
        return false;
    }
    return std::all_of(name.begin(), name.end(),
                       [&](char c) { return letter(c) || digit(c) || c == '-' || c == '_'; });
}

std::string
NameAt(const JsonReader& r, const char* key)
{
    std::string name = r.String(key);
    if (!IsValidName(name))
    {
        r.Fail(key, kNameRule);
    }
    return name;
}

std::string
ParameterText(const json& value)
{
    if (value.is_string())
    {
        return value.get<std::string>();
    }
    return value.dump();
}

StackSpec
ParseStack(const json& value, const std::string& path, const std::string& file)
{
    JsonReader r(value, path, file, {"profile", "parameters"});
    StackSpec stack;
    stack.profile = r.String("profile", stack.profile);
    const StackProfile* profile = FindProfile(stack.profile);
    if (!profile)
    {
        std::string list;
        for (const auto& p : AllProfiles())
        {
            list += (list.empty() ? "" : ", ") + p.name;
        }
        r.Fail("profile", "a stack profile (" + list + ")");
    }
    if (r.Has("parameters"))
    {
        const json& params = r.Child("parameters");
        if (!params.is_object())
        {
            r.Fail("parameters", "an object of parameter names and values");
        }
        for (const auto& item : params.items())
        {
            std::string itemPath = r.PathOf("parameters") + "/" + JsonReader::Escape(item.key());
            if (!(item.value().is_string() || item.value().is_number() ||
                  item.value().is_boolean()))
            {
                throw ScenarioError(file, itemPath, "a string, number or boolean",
                                    JsonReader::Describe(item.value()));
            }
            if (IsLanmanProfile(*profile) && ns3::LanmanStackConfig::IsParameterName(item.key()))
            {
                continue; // PROTOCOL.INI names: ApplyLanmanStackParameters below
            }
            if (TakesSysctlNames(*profile) && ns3::LinuxSysctlConfig::Find(item.key()))
            {
                continue; // sysctl names: ApplySysctlParameters below
            }
            std::string text = ParameterText(item.value());
            std::vector<ParameterAssignment> assignments;
            if (auto expected = CheckParameter(*profile, item.key(), text, &assignments))
            {
                throw ScenarioError(file, itemPath, *expected,
                                    item.key() == "" ? "an empty name"
                                                     : JsonReader::Describe(item.value()));
            }
            for (const auto& [attribute, attributeValue] : assignments)
            {
                stack.parameters[attribute] = attributeValue;
            }
        }
        if (IsLanmanProfile(*profile))
        {
            ApplyLanmanStackParameters(*profile, params, r.PathOf("parameters"), file, stack);
        }
        if (TakesSysctlNames(*profile))
        {
            ApplySysctlParameters(*profile, params, r.PathOf("parameters"), file, stack);
        }
    }
    return stack;
}

AppSpec
ParseApplication(const json& value, const std::string& path, const std::string& file)
{
    if (!value.is_object())
    {
        throw ScenarioError(file, path, "an application object", JsonReader::Describe(value));
    }
    std::string type =
        value.contains("type") && value["type"].is_string() ? value["type"].get<std::string>() : "";
    const ApplicationKind* kind = FindApplicationKind(type);
    if (!kind)
    {
        std::string list;
        for (const ApplicationKind* k : ApplicationKinds())
        {
            list += std::string(list.empty() ? "" : ", ") + Quoted(k->type);
        }
        std::string found = value.contains("type") ? JsonReader::Describe(value["type"])
                                                   : "nothing (the key is missing)";
        throw ScenarioError(file, path + "/type", "an application type (" + list + ")", found);
    }
    AppSpec app;
    app.path = path;
    app.type = kind->type;
    kind->parse(value, path, file, app);
    return app;
}

HostSpec
ParseHost(const json& value, const std::string& path, const std::string& file)
{
    JsonReader r(value, path, file,
                 {"name", "count", "lan", "role", "stack", "filter", "power", "applications"});
    HostSpec host;
    host.path = path;
    host.name = NameAt(r, "name");
    host.count = static_cast<uint32_t>(r.Unsigned("count", 1, kMaxHosts, 1));
    host.lan = r.String("lan");
    host.role = r.Choice(
        "role", {"client", "server", "workstation", "domain-controller", "file-server", "router"},
        host.role);
    if (r.Has("stack"))
    {
        host.stack = ParseStack(r.Child("stack"), r.PathOf("stack"), file);
    }
    if (r.Has("filter"))
    {
        host.filter = ParseHostFilter(r.Child("filter"), r.PathOf("filter"), file);
    }
    if (r.Has("power"))
    {
        host.power = ReadOutageWindows(r, "power", "off", "on");
    }
    if (r.Has("applications"))
    {
        const json& apps = r.Child("applications");
        if (!apps.is_array())
        {
            r.Fail("applications", "an array of applications");
        }
        for (size_t i = 0; i < apps.size(); ++i)
        {
            host.applications.push_back(ParseApplication(
                apps[i], r.PathOf("applications") + "/" + std::to_string(i), file));
        }
    }
    return host;
}

// The address plan (topology.h): LAN i is 10.(i+1).0.0/16, its hosts numbered from
// .0.1 and its router last; WAN link j is the j-th /30 of 172.16.0.0/16.
void
CheckAddressPlan(const Scenario& s)
{
    if (s.lans.size() > kMaxLans)
    {
        throw ScenarioError(s.file, "/network/lans",
                            "at most " + std::to_string(kMaxLans) +
                                " LANs (LAN i has the addresses 10.i.0.0/16)",
                            std::to_string(s.lans.size()) + " LANs");
    }
    if (s.wanLinks.size() > kMaxWanLinks)
    {
        throw ScenarioError(s.file, "/network/wan_links",
                            "at most " + std::to_string(kMaxWanLinks) +
                                " WAN links (each is a /30 of 172.16.0.0/16)",
                            std::to_string(s.wanLinks.size()) + " WAN links");
    }
    std::map<std::string, uint64_t> used; // LAN -> addresses taken
    for (const auto& w : s.wanLinks)
    {
        used[w.lanA] = 1; // its router
        used[w.lanB] = 1;
    }
    for (const auto& h : s.hosts)
    {
        uint64_t& n = used[h.lan];
        n += h.count;
        if (n > kMaxAddressesPerLan)
        {
            throw ScenarioError(s.file, h.path + "/count",
                                "at most " + std::to_string(kMaxAddressesPerLan) +
                                    " addresses on one LAN (a /16: 10.N.0.1 to 10.N.255.254, "
                                    "its router included); put more hosts on another LAN",
                                std::to_string(h.count) + " (LAN " + h.lan + " would have " +
                                    std::to_string(n) + ")");
        }
    }
}

// A host switched off and on (rule SCN-HOST-POWER): its legacy stack loses every
// connection at power-off, and only its services are brought up again.
void
CheckPowerSchedule(const Scenario& s, const HostSpec& h)
{
    if (h.power.empty())
    {
        return;
    }
    const StackProfile* profile = FindProfile(h.stack.profile);
    if (profile && profile->kind == StackKind::Stock)
    {
        throw ScenarioError(s.file, h.path + "/power",
                            "no \"power\" on a host of profile ns3-stock (its TCP cannot lose "
                            "its state); use a legacy profile",
                            "a power schedule on host " + Quoted(h.name));
    }
    for (const auto& app : h.applications)
    {
        if (app.type != "service")
        {
            throw ScenarioError(s.file, app.path + "/type",
                                "only \"service\" applications on a host with \"power\" (a "
                                "service listens again when the host is back; other "
                                "applications do not survive a reboot in this model)",
                                Quoted(app.type));
        }
    }
}

// Each random workload value draws from a stream of its own: a name given twice
// would make two values draw the same numbers.
void
CheckStreamNames(const Scenario& s)
{
    std::map<std::string, std::string> pathOf;   // stream name -> where it is given
    std::map<int64_t, std::string> nameOfNumber; // stream number of member 0 -> name
    for (const auto& h : s.hosts)
    {
        for (const auto& app : h.applications)
        {
            const ApplicationKind& kind = KindOf(app);
            if (!kind.draws)
            {
                continue;
            }
            for (const DistributionSpec* d : kind.draws(app))
            {
                auto [it, fresh] = pathOf.emplace(d->stream, d->path);
                if (!fresh)
                {
                    throw ScenarioError(s.file, d->path + "/stream",
                                        "a stream name no other distribution uses",
                                        Quoted(d->stream) + " (also at " + it->second + ")");
                }
                auto [n, unused] =
                    nameOfNumber.emplace(DistributionStreamNumber(d->stream, 0), d->stream);
                if (n->second != d->stream)
                {
                    throw ScenarioError(s.file, d->path + "/stream",
                                        "a stream name whose hash differs from the others'",
                                        Quoted(d->stream) + " (the same stream number as " +
                                            Quoted(n->second) + "; rename one)");
                }
            }
        }
    }
}

void
CheckReferences(const Scenario& s, const json& document)
{
    std::set<std::string> names;
    for (size_t i = 0; i < s.lans.size(); ++i)
    {
        if (!names.insert(s.lans[i].name).second)
        {
            throw ScenarioError(s.file, "/network/lans/" + std::to_string(i) + "/name",
                                "a name used by nothing else",
                                Quoted(s.lans[i].name) + " (already used)");
        }
    }
    for (size_t i = 0; i < s.wanLinks.size(); ++i)
    {
        const auto& w = s.wanLinks[i];
        std::string path = "/network/wan_links/" + std::to_string(i);
        if (!names.insert(w.name).second)
        {
            throw ScenarioError(s.file, path + "/name", "a name used by nothing else",
                                Quoted(w.name) + " (already used)");
        }
        for (const auto* lan : {&w.lanA, &w.lanB})
        {
            if (!s.FindLan(*lan))
            {
                throw ScenarioError(s.file, path + "/lans", "names of LANs in /network/lans",
                                    Quoted(*lan) + " (no such LAN)");
            }
        }
        if (w.lanA == w.lanB)
        {
            throw ScenarioError(s.file, path + "/lans", "two different LANs",
                                Quoted(w.lanA) + " twice");
        }
    }
    // Host names and the member names of groups share one namespace.
    std::set<std::string> members;
    uint64_t total = 0;
    for (size_t i = 0; i < s.hosts.size(); ++i)
    {
        const auto& h = s.hosts[i];
        if (!names.insert(h.name).second)
        {
            throw ScenarioError(s.file, h.path + "/name", "a name used by nothing else",
                                Quoted(h.name) + " (already used)");
        }
        for (uint32_t m = 0; m < h.count; ++m)
        {
            if (!members.insert(h.MemberName(m)).second)
            {
                throw ScenarioError(s.file, h.path + "/name", "a name used by nothing else",
                                    Quoted(h.name) + " (its member " + h.MemberName(m) +
                                        " clashes with another host)");
            }
        }
        total += h.count;
        if (!s.FindLan(h.lan))
        {
            throw ScenarioError(s.file, h.path + "/lan", "the name of a LAN in /network/lans",
                                Quoted(h.lan) + " (no such LAN)");
        }
    }
    if (total > kMaxHosts)
    {
        throw ScenarioError(s.file, "/hosts",
                            "at most " + std::to_string(kMaxHosts) + " hosts in all",
                            std::to_string(total));
    }
    CheckAddressPlan(s);
    for (const auto& h : s.hosts)
    {
        // One listener per (host, port): a second bind() of the port would fail.
        std::map<uint16_t, std::string> listeners; // port -> the application that listens
        for (const auto& app : h.applications)
        {
            const ApplicationKind& kind = KindOf(app);
            std::optional<ListenedPort> port = kind.listens(app);
            if (port && !listeners.emplace(port->port, app.path).second)
            {
                throw ScenarioError(s.file, app.path + port->key,
                                    "a port no other application of this host listens on",
                                    std::to_string(port->port) + " (" + app.type + "; " +
                                        listeners[port->port] + " listens on it too)");
            }
            kind.checkReferences(ReferenceScope{s, members, h}, app);
        }
        CheckPowerSchedule(s, h);
    }
    CheckStreamNames(s);
    (void)document;
}

} // namespace

std::string
HostSpec::MemberName(uint32_t i) const
{
    return count == 1 ? name : name + "-" + std::to_string(i + 1);
}

const LanSpec*
Scenario::FindLan(const std::string& lanName) const
{
    for (const auto& l : lans)
    {
        if (l.name == lanName)
        {
            return &l;
        }
    }
    return nullptr;
}

const HostSpec*
Scenario::FindHost(const std::string& hostName) const
{
    for (const auto& h : hosts)
    {
        if (h.name == hostName)
        {
            return &h;
        }
    }
    return nullptr;
}

Scenario
ParseScenario(const json& document, const std::string& file)
{
    JsonReader r(document, "", file,
                 {"$schema", "name", "description", "seed", "duration", "network", "hosts"});
    Scenario s;
    s.file = file;
    s.name = NameAt(r, "name");
    s.description = r.String("description", "");
    s.seed = static_cast<uint32_t>(r.Unsigned("seed", kMinSeed, kMaxSeed, 1));
    s.duration = r.Duration("duration");
    if (s.duration <= ns3::Time(0))
    {
        r.Fail("duration", "a duration greater than zero");
    }

    JsonReader net(r.Child("network"), "/network", file, {"lans", "wan_links"});
    const json& lans = net.Child("lans");
    if (!lans.is_array() || lans.empty())
    {
        net.Fail("lans", "a non-empty array of LANs");
    }
    for (size_t i = 0; i < lans.size(); ++i)
    {
        JsonReader l(lans[i], "/network/lans/" + std::to_string(i), file,
                     {"name", "type", "data_rate", "delay", "forwarding_latency", "arp_requests",
                      "address_resolution"});
        LanSpec lan;
        lan.name = NameAt(l, "name");
        lan.switched = l.Choice("type", {"shared", "switched"}, "shared") == "switched";
        lan.dataRateBps = l.DataRate("data_rate", lan.dataRateBps);
        lan.delay = l.Duration("delay", ns3::MicroSeconds(5));
        for (const char* key : {"forwarding_latency", "arp_requests"})
        {
            if (!lan.switched && l.Has(key))
            {
                l.Fail(key, "no such key: it applies to \"type\": \"switched\" LANs only");
            }
        }
        // Defaults: the SwitchedEthernetChannel attributes' (sources there).
        lan.forwardingLatency = l.Duration("forwarding_latency", ns3::MicroSeconds(10));
        lan.arpTargetOnly =
            l.Choice("arp_requests", {"flood", "target-only"}, "flood") == "target-only";
        lan.staticResolution = l.Choice("address_resolution", {"arp", "static"}, "arp") == "static";
        s.lans.push_back(lan);
    }
    if (net.Has("wan_links"))
    {
        const json& wans = net.Child("wan_links");
        if (!wans.is_array())
        {
            net.Fail("wan_links", "an array of WAN links");
        }
        for (size_t i = 0; i < wans.size(); ++i)
        {
            std::string path = "/network/wan_links/" + std::to_string(i);
            JsonReader w(wans[i], path, file,
                         {"name", "lans", "data_rate", "delay", "loss", "outages"});
            WanLinkSpec wan;
            wan.name = NameAt(w, "name");
            const json& ends = w.Child("lans");
            if (!ends.is_array() || ends.size() != 2 || !ends[0].is_string() ||
                !ends[1].is_string())
            {
                w.Fail("lans", "an array of two LAN names");
            }
            wan.lanA = ends[0].get<std::string>();
            wan.lanB = ends[1].get<std::string>();
            wan.dataRateBps = w.DataRate("data_rate", wan.dataRateBps);
            wan.delay = w.Duration("delay", ns3::MilliSeconds(10));
            wan.loss = w.Number("loss", 0.0, 1.0, 0.0);
            if (w.Has("outages"))
            {
                wan.outages = ReadOutageWindows(w, "outages", "down", "up");
            }
            s.wanLinks.push_back(wan);
        }
    }

    const json& hosts = r.Child("hosts");
    if (!hosts.is_array() || hosts.empty())
    {
        r.Fail("hosts", "a non-empty array of hosts");
    }
    for (size_t i = 0; i < hosts.size(); ++i)
    {
        s.hosts.push_back(ParseHost(hosts[i], "/hosts/" + std::to_string(i), file));
    }
    CheckReferences(s, document);
    return s;
}

Scenario
LoadScenario(const std::string& file, const std::vector<std::string>& overrides,
             std::optional<uint32_t> seed)
{
    json document = ReadScenarioJson(file);
    for (const auto& o : overrides)
    {
        ApplyOverride(document, o);
    }
    Scenario s = ParseScenario(document, file);
    s.overrides = overrides;
    if (seed)
    {
        s.seed = *seed;
    }
    return s;
}

} // namespace retrotcp
