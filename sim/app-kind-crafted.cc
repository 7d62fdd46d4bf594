// "type": "crafted": scripted TCP segments toward a host and port
// (CraftedSegmentApplication).

#include "application-kind.h"
#include "application-site.h"
#include "crafted-segment-helper.h"
#include "json-reader.h"
#include "message-text.h"
#include "ns3/inet-socket-address.h"
#include "ns3/uinteger.h"
#include "profile-registry.h"
#include "scenario-error.h"
#include "units.h"

namespace retrotcp
{

using namespace ns3;
using nlohmann::json;
using nlohmann::ordered_json;

namespace
{

constexpr size_t kMaxSegments = 10000;
// One frame on every LAN of the scenario format (Ethernet MSS 1460): the probe
// sends no IP fragments.
constexpr uint64_t kMaxLength = 1460;

const char* const kNumberForms =
    "a number 0-4294967295 or \"BASE\", \"BASE+N\", \"BASE-N\" with BASE one of reply.seq, "
    "reply.ack, reply.next, target.snd_una, target.snd_nxt, target.rcv_nxt, target.iss, "
    "target.irs";

CraftedNumber
ParseNumber(const JsonReader& r, const char* key)
{
    const json& v = r.Child(key);
    std::optional<CraftedNumber> n;
    if (v.is_number_unsigned() && v.get<uint64_t>() <= 0xFFFFFFFFULL)
    {
        n = CraftedNumber{CraftedBase::Absolute, static_cast<int64_t>(v.get<uint64_t>())};
    }
    else if (v.is_string())
    {
        n = CraftedNumber::Parse(v.get<std::string>());
    }
    if (!n)
    {
        r.Fail(key, kNumberForms);
    }
    return *n;
}

CraftedSegment
ParseSegment(const json& value, const std::string& path, const std::string& file)
{
    JsonReader r(value, path, file, {"at", "flags", "seq", "ack", "length", "window"});
    CraftedSegment s;
    s.at = r.Duration("at");
    std::string flags = r.String("flags");
    auto parsed = ParseTcpFlags(flags);
    if (!parsed)
    {
        r.Fail("flags",
               "TCP flags joined by \"|\": FIN, SYN, RST, PSH, ACK, URG (e.g. \"SYN|ACK\")");
    }
    s.flags = *parsed;
    s.seq = ParseNumber(r, "seq");
    bool hasAck = (s.flags & TcpHeader::ACK) != 0;
    if (hasAck != r.Has("ack"))
    {
        r.Fail("ack", hasAck ? "an acknowledgment number (the flags have ACK)"
                             : "no \"ack\" (the flags have no ACK)");
    }
    if (hasAck)
    {
        s.ack = ParseNumber(r, "ack");
    }
    s.length = static_cast<uint32_t>(r.Unsigned("length", 0, kMaxLength, 0));
    s.window = static_cast<uint16_t>(r.Unsigned("window", 0, 65535, s.window));
    return s;
}

void
Parse(const json& value, const std::string& path, const std::string& file, AppSpec& app)
{
    JsonReader r(value, path, file,
                 {"type", "target", "port", "as", "source_port", "start", "segments"});
    CraftedAppSpec& c = app.crafted;
    c.target = r.String("target");
    c.port = static_cast<uint16_t>(r.Unsigned("port", 1, 65535));
    c.as = r.String("as", "");
    if (r.Has("as") && r.Has("source_port"))
    {
        r.Fail("source_port", "no \"source_port\" with \"as\" (the port is the connection's)");
    }
    c.sourcePort = static_cast<uint16_t>(r.Unsigned("source_port", 1, 65535, c.sourcePort));
    c.start = r.Duration("start", c.start);
    const json& list = r.Child("segments");
    if (!list.is_array() || list.empty() || list.size() > kMaxSegments)
    {
        r.Fail("segments", "an array of 1 to " + std::to_string(kMaxSegments) + " segments");
    }
    for (size_t i = 0; i < list.size(); ++i)
    {
        std::string at = r.PathOf("segments") + "/" + std::to_string(i);
        c.segments.push_back(ParseSegment(list[i], at, file));
        if (i > 0 && c.segments[i].at < c.segments[i - 1].at)
        {
            throw ScenarioError(file, at + "/at", "a time no earlier than the previous segment's",
                                JsonReader::Describe(list[i]["at"]));
        }
    }
}

// The host whose applications hold \p app.
const HostSpec*
HostOf(const Scenario& scenario, const AppSpec& app)
{
    for (const auto& h : scenario.hosts)
    {
        for (const auto& a : h.applications)
        {
            if (&a == &app)
            {
                return &h;
            }
        }
    }
    return nullptr;
}

// \p name must be one host (not a group); returns it.
const HostSpec&
OneHost(const ReferenceScope& scope, const AppSpec& app, const std::string& name, const char* key)
{
    const HostSpec* h = scope.scenario.FindHost(name);
    if (!scope.hosts.count(name) || (h && h->count > 1))
    {
        std::string why = h ? " (a group of " + std::to_string(h->count) +
                                  " hosts: name one member, such as " + h->MemberName(0) + ")"
                            : " (no such host)";
        throw ScenarioError(scope.scenario.file, app.path + "/" + key, "the name of one host",
                            Quoted(name) + why);
    }
    for (const auto& g : scope.scenario.hosts)
    {
        for (uint32_t i = 0; i < g.count; ++i)
        {
            if (g.MemberName(i) == name)
            {
                return g;
            }
        }
    }
    return *h;
}

void
CheckReferences(const ReferenceScope& scope, const AppSpec& app)
{
    const CraftedAppSpec& c = app.crafted;
    const Scenario& s = scope.scenario;
    const HostSpec* self = HostOf(s, app);
    const HostSpec& target = OneHost(scope, app, c.target, "target");
    if (&target == self)
    {
        throw ScenarioError(s.file, app.path + "/target", "another host than the prober",
                            Quoted(c.target));
    }
    bool readsTarget = !c.as.empty();
    for (const auto& seg : c.segments)
    {
        readsTarget = readsTarget || seg.seq.NeedsTarget() ||
                      ((seg.flags & TcpHeader::ACK) && seg.ack.NeedsTarget());
    }
    const StackProfile* profile = FindProfile(target.stack.profile);
    if (readsTarget && (!profile || profile->kind != StackKind::Legacy))
    {
        throw ScenarioError(s.file, app.path + "/target",
                            "a host with a legacy-stack profile (\"as\" and target.* numbers "
                            "read the target's connection)",
                            Quoted(c.target) + " with profile " + target.stack.profile);
    }
    if (!c.as.empty())
    {
        const HostSpec& as = OneHost(scope, app, c.as, "as");
        if (&as == &target)
        {
            throw ScenarioError(s.file, app.path + "/as", "another host than the target",
                                Quoted(c.as));
        }
    }
    else if (self && self->applications.size() > 1)
    {
        // Speaking as itself, the prober takes its own TCP off the IP layer.
        throw ScenarioError(s.file, app.path,
                            "a host that runs nothing else (a prober speaking as itself has "
                            "no TCP of its own), or \"as\"",
                            std::to_string(self->applications.size()) + " applications on " +
                                Quoted(self->name));
    }
}

std::optional<ListenedPort>
Listens(const AppSpec&)
{
    return std::nullopt;
}

ordered_json
NumberJson(const CraftedNumber& n)
{
    if (n.base == CraftedBase::Absolute)
    {
        return static_cast<uint64_t>(n.offset);
    }
    return n.ToString();
}

ordered_json
Resolved(const AppSpec& app)
{
    const CraftedAppSpec& c = app.crafted;
    ordered_json j = {{"type", "crafted"}, {"target", c.target}, {"port", c.port}};
    if (!c.as.empty())
    {
        j["as"] = c.as;
    }
    else
    {
        j["source_port"] = c.sourcePort;
    }
    j["start"] = FormatDuration(c.start);
    ordered_json segments = ordered_json::array();
    for (const auto& s : c.segments)
    {
        ordered_json seg = {{"at", FormatDuration(s.at)},
                            {"flags", TcpFlagsText(s.flags)},
                            {"seq", NumberJson(s.seq)}};
        if (s.flags & TcpHeader::ACK)
        {
            seg["ack"] = NumberJson(s.ack);
        }
        seg["length"] = s.length;
        seg["window"] = s.window;
        segments.push_back(seg);
    }
    j["segments"] = segments;
    return j;
}

ApplicationLoad
Load(const HostSpec&, const AppSpec&)
{
    return {}; // no connection records, no sockets
}

void
Install(ApplicationSite& site, const HostInstance& host, const HostSockets&, const AppSpec& app)
{
    const CraftedAppSpec& c = app.crafted;
    const Topology& topology = site.GetTopology();
    CraftedSegmentHelper helper(InetSocketAddress(topology.Host(c.target).address, c.port));
    if (!c.as.empty())
    {
        helper.SetAttribute("Spoof", Ipv4AddressValue(topology.Host(c.as).address));
    }
    helper.SetAttribute("SourcePort", UintegerValue(c.sourcePort));
    helper.SetScript(c.segments);
    ApplicationContainer apps = helper.Install(host.node);
    site.ReportProbe(host, apps.Get(0));
    apps.Start(c.start);
    apps.Stop(site.GetScenario().duration);
}

} // namespace

const ApplicationKind&
CraftedApplicationKind()
{
    static const ApplicationKind kKind = {"crafted", &Parse, &CheckReferences, &Listens,
                                          &Resolved, &Load,  &Install};
    return kKind;
}

} // namespace retrotcp
