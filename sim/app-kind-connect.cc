// "type": "connect": connect() calls on a schedule (ConnectorApplication).

#include "application-kind.h"
#include "application-site.h"
#include "connector-helper.h"
#include "json-reader.h"
#include "memory-estimate.h"
#include "message-text.h"
#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/pointer.h"
#include "ns3/uinteger.h"
#include "profile-registry.h"
#include "scenario-error.h"
#include "units.h"
#include "workload-draw.h"

#include <algorithm>
#include <tuple>

namespace retrotcp
{

using namespace ns3;
using nlohmann::json;
using nlohmann::ordered_json;

namespace
{

// "port": N, or "port_range": [first, last] for a port scan.
void
ParsePorts(const JsonReader& r, ConnectAppSpec& c)
{
    if (r.Has("port") == r.Has("port_range"))
    {
        r.Fail(r.Has("port") ? "port_range" : "port",
               "exactly one of \"port\" (1-65535) and \"port_range\" ([first, last])");
    }
    if (r.Has("port"))
    {
        c.port = static_cast<uint16_t>(r.Unsigned("port", 1, 65535));
        return;
    }
    const json& range = r.Child("port_range");
    auto isPort = [](const json& v) {
        return v.is_number_unsigned() && v.get<uint64_t>() >= 1 && v.get<uint64_t>() <= 65535;
    };
    if (!range.is_array() || range.size() != 2 || !isPort(range[0]) || !isPort(range[1]) ||
        range[0].get<uint64_t>() > range[1].get<uint64_t>())
    {
        r.Fail("port_range", "[first, last]: two ports in 1-65535 with first <= last");
    }
    c.port = range[0].get<uint16_t>();
    c.portLast = range[1].get<uint16_t>();
}

// A duration that may be a distribution: its draw spec in \p draw and, for the
// estimates, its mean as the value.
Time
DurationOrDraw(const JsonReader& r, const char* key, Time fallback,
               std::optional<DistributionSpec>& draw)
{
    draw = ReadDistribution(r, key, DistributionSpec::Unit::Duration);
    return draw ? Seconds(draw->Mean()) : r.Duration(key, fallback);
}

void
Parse(const json& value, const std::string& path, const std::string& file, AppSpec& app)
{
    JsonReader r(value, path, file,
                 {"type", "remote", "port", "port_range", "start", "count", "interval", "mode",
                  "think_time", "until_connected", "give_up_after", "send_bytes", "receive_bytes",
                  "hold", "local_port_range", "connect_deadline"});
    ConnectAppSpec& c = app.connect;
    c.remote = r.String("remote");
    ParsePorts(r, c);
    c.start = DurationOrDraw(r, "start", c.start, c.startDraw);
    uint32_t ports = c.portLast > 0 ? c.portLast - c.port + 1U : 1U;
    c.count = static_cast<uint32_t>(r.Unsigned("count", 0, 10000000, ports));
    std::string mode = r.Choice("mode", {"scheduled", "sequential", "loop"}, "scheduled");
    c.sequential = mode == "sequential";
    c.loop = mode == "loop";
    if (r.Has("think_time") && !c.loop)
    {
        r.Fail("think_time", "no \"think_time\" unless \"mode\" is \"loop\" (\"interval\" "
                             "spaces the other modes' calls)");
    }
    if (r.Has("interval") && c.loop)
    {
        r.Fail("interval", "no \"interval\" with \"mode\": \"loop\" (\"think_time\" is "
                           "the pause between its calls)");
    }
    c.thinkTime = DurationOrDraw(r, "think_time", c.thinkTime, c.thinkTimeDraw);
    if (r.Has("local_port_range"))
    {
        if (!r.Child("local_port_range").is_array())
        {
            r.Fail("local_port_range", "[first, last]: two ports in 1-65535 with first <= last");
        }
        std::tie(c.localPortFirst, c.localPortLast) = r.PortRange("local_port_range", {0, 0});
    }
    c.connectDeadline = r.Duration("connect_deadline", c.connectDeadline);
    c.untilConnected = r.Bool("until_connected", false);
    c.giveUpAfter = r.Duration("give_up_after", c.giveUpAfter);
    c.interval = DurationOrDraw(r, "interval", c.interval, c.intervalDraw);
    c.sendBytesDraw = ReadDistribution(r, "send_bytes", DistributionSpec::Unit::Bytes, 1U << 30);
    c.sendBytes = c.sendBytesDraw ? static_cast<uint32_t>(std::lround(c.sendBytesDraw->Mean()))
                                  : static_cast<uint32_t>(r.Unsigned("send_bytes", 0, 1U << 30, 0));
    if (r.Has("receive_bytes") && r.Child("receive_bytes").is_string())
    {
        // A response whose end is the server's close (HTTP/1.0): the size a
        // service draws at random need not be known to the client.
        if (r.Child("receive_bytes").get<std::string>() != "until_close")
        {
            r.Fail("receive_bytes", "a byte count from 0 to 1073741824, or \"until_close\"");
        }
        c.receiveUntilClose = true;
    }
    else
    {
        c.receiveBytes = static_cast<uint32_t>(r.Unsigned("receive_bytes", 0, 1U << 30, 0));
    }
    c.hold = DurationOrDraw(r, "hold", c.hold, c.holdDraw);
}

void
CheckReferences(const ReferenceScope& scope, const AppSpec& app)
{
    const HostSpec* remote = scope.scenario.FindHost(app.connect.remote);
    bool isMember = scope.hosts.count(app.connect.remote) > 0;
    if (!isMember || (remote && remote->count > 1))
    {
        std::string why = remote ? " (a group of " + std::to_string(remote->count) +
                                       " hosts: name one member, such as " + remote->MemberName(0) +
                                       ")"
                                 : " (no such host)";
        throw ScenarioError(scope.scenario.file, app.path + "/remote", "the name of one host",
                            Quoted(app.connect.remote) + why);
    }
    const StackProfile* profile = FindProfile(scope.host.stack.profile);
    if (app.connect.localPortFirst != 0 && profile && profile->kind == StackKind::Stock)
    {
        // ns-3.37's own TCP lets bind() take a port still in TIME-WAIT and then
        // aborts the whole run in connect() ("Too many endpoints").
        throw ScenarioError(scope.scenario.file, app.path + "/local_port_range",
                            "no \"local_port_range\" on a host of profile ns3-stock (its TCP "
                            "binds a port still in TIME-WAIT and then aborts the run); use a "
                            "legacy profile",
                            "a range on host " + Quoted(scope.host.name));
    }
}

std::optional<ListenedPort>
Listens(const AppSpec&)
{
    return std::nullopt;
}

ordered_json
Resolved(const AppSpec& app)
{
    const ConnectAppSpec& c = app.connect;
    ordered_json j = {{"type", "connect"}, {"remote", c.remote}};
    if (c.portLast > 0)
    {
        j["port_range"] = {c.port, c.portLast};
    }
    else
    {
        j["port"] = c.port;
    }
    auto duration = [](Time t, const std::optional<DistributionSpec>& draw) {
        return draw ? DistributionJson(*draw) : ordered_json(FormatDuration(t));
    };
    j["start"] = duration(c.start, c.startDraw);
    j["count"] = c.count;
    j["interval"] = duration(c.interval, c.intervalDraw);
    j["mode"] = c.loop ? "loop" : c.sequential ? "sequential" : "scheduled";
    if (c.loop)
    {
        j.erase("interval");
        j["think_time"] = duration(c.thinkTime, c.thinkTimeDraw);
    }
    j["until_connected"] = c.untilConnected;
    j["give_up_after"] = FormatDuration(c.giveUpAfter);
    j["send_bytes"] =
        c.sendBytesDraw ? DistributionJson(*c.sendBytesDraw) : ordered_json(c.sendBytes);
    j["receive_bytes"] =
        c.receiveUntilClose ? ordered_json("until_close") : ordered_json(c.receiveBytes);
    j["hold"] = duration(c.hold, c.holdDraw);
    // Keys of later versions of the format, written when set (older results stay
    // byte-identical).
    if (c.localPortFirst != 0)
    {
        j["local_port_range"] = {c.localPortFirst, c.localPortLast};
    }
    if (c.connectDeadline.IsStrictlyPositive())
    {
        j["connect_deadline"] = FormatDuration(c.connectDeadline);
    }
    return j;
}

ApplicationLoad
Load(const HostSpec& h, const AppSpec& app)
{
    // Sockets alive at one time, at most.
    const ConnectAppSpec& c = app.connect;
    ApplicationLoad load;
    load.connections = c.count;
    const double lifetime = SocketLifetimeSeconds(h);
    const double interval =
        c.loop ? std::max(c.thinkTime.GetSeconds(), 1e-3) : c.interval.GetSeconds();
    if ((c.sequential || c.loop) && lifetime <= 1)
    {
        load.alive = 1; // each closes before the next starts; TIME-WAIT is a record
    }
    else if (interval <= 0)
    {
        load.alive = c.count;
    }
    else
    {
        const double window = lifetime + c.hold.GetSeconds();
        load.alive = std::min<uint64_t>(c.count, static_cast<uint64_t>(window / interval) + 1);
    }
    return load;
}

void
Install(ApplicationSite& site, const HostInstance& host, const HostSockets& sockets,
        const AppSpec& app)
{
    const ConnectAppSpec& c = app.connect;
    const HostInstance& remote = site.GetTopology().Host(c.remote);
    ConnectorHelper helper(sockets.factory.GetName(), InetSocketAddress(remote.address, c.port));
    helper.SetAttribute("Count", UintegerValue(c.count));
    helper.SetAttribute("Interval", TimeValue(c.interval));
    helper.SetAttribute("SendBytes", UintegerValue(c.sendBytes));
    helper.SetAttribute("ReceiveBytes", UintegerValue(c.receiveBytes));
    helper.SetAttribute("HoldTime", TimeValue(c.hold));
    helper.SetAttribute("PortCount", UintegerValue(c.portLast > 0 ? c.portLast - c.port + 1 : 1));
    helper.SetAttribute("Sequential", BooleanValue(c.sequential));
    helper.SetAttribute("UntilConnected", BooleanValue(c.untilConnected));
    helper.SetAttribute("GiveUpAfter", TimeValue(c.giveUpAfter));
    helper.SetAttribute("Loop", BooleanValue(c.loop));
    helper.SetAttribute("ThinkTime", TimeValue(c.thinkTime));
    helper.SetAttribute("LocalPortFirst", UintegerValue(c.localPortFirst));
    helper.SetAttribute("LocalPortLast", UintegerValue(c.localPortLast));
    helper.SetAttribute("ConnectDeadline", TimeValue(c.connectDeadline));
    helper.SetAttribute("ReceiveUntilClose", BooleanValue(c.receiveUntilClose));
    // Random workloads: each value its own stream per host (DistributionStreamNumber).
    const std::pair<const char*, const std::optional<DistributionSpec>*> draws[] = {
        {"IntervalVariable", &c.intervalDraw},
        {"ThinkTimeVariable", &c.thinkTimeDraw},
        {"HoldTimeVariable", &c.holdDraw},
        {"SendBytesVariable", &c.sendBytesDraw}};
    for (const auto& [attribute, draw] : draws)
    {
        if (*draw)
        {
            helper.SetAttribute(attribute,
                                PointerValue(MakeDistributionVariable(**draw, host.member)));
        }
    }
    helper.SetSocketConfigurator(sockets.configure);
    ApplicationContainer apps = helper.Install(host.node);
    site.ReportClient(host, apps.Get(0));
    apps.Start(c.startDraw
                   ? DrawWorkloadTime(MakeDistributionVariable(*c.startDraw, host.member), c.start)
                   : c.start);
    apps.Stop(site.GetScenario().duration);
}

std::vector<const DistributionSpec*>
Draws(const AppSpec& app)
{
    std::vector<const DistributionSpec*> draws;
    const ConnectAppSpec& c = app.connect;
    for (const auto* d :
         {&c.startDraw, &c.intervalDraw, &c.thinkTimeDraw, &c.holdDraw, &c.sendBytesDraw})
    {
        if (*d)
        {
            draws.push_back(&**d);
        }
    }
    return draws;
}

} // namespace

const ApplicationKind&
ConnectApplicationKind()
{
    static const ApplicationKind kKind = {"connect", &Parse, &CheckReferences, &Listens,
                                          &Resolved, &Load,  &Install,         &Draws};
    return kKind;
}

} // namespace retrotcp
