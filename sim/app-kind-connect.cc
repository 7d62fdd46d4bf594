// "type": "connect": connect() calls on a schedule (ConnectorApplication).

#include "application-kind.h"
#include "application-site.h"
#include "connector-helper.h"
#include "json-reader.h"
#include "memory-estimate.h"
#include "message-text.h"
#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/uinteger.h"
#include "scenario-error.h"
#include "units.h"

#include <algorithm>

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

void
Parse(const json& value, const std::string& path, const std::string& file, AppSpec& app)
{
    JsonReader r(value, path, file,
                 {"type", "remote", "port", "port_range", "start", "count", "interval", "mode",
                  "until_connected", "give_up_after", "send_bytes", "receive_bytes", "hold"});
    ConnectAppSpec& c = app.connect;
    c.remote = r.String("remote");
    ParsePorts(r, c);
    c.start = r.Duration("start", c.start);
    uint32_t ports = c.portLast > 0 ? c.portLast - c.port + 1U : 1U;
    c.count = static_cast<uint32_t>(r.Unsigned("count", 0, 10000000, ports));
    c.sequential = r.Choice("mode", {"scheduled", "sequential"}, "scheduled") == "sequential";
    c.untilConnected = r.Bool("until_connected", false);
    c.giveUpAfter = r.Duration("give_up_after", c.giveUpAfter);
    c.interval = r.Duration("interval", c.interval);
    c.sendBytes = static_cast<uint32_t>(r.Unsigned("send_bytes", 0, 1U << 30, 0));
    c.receiveBytes = static_cast<uint32_t>(r.Unsigned("receive_bytes", 0, 1U << 30, 0));
    c.hold = r.Duration("hold", c.hold);
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
    j["start"] = FormatDuration(c.start);
    j["count"] = c.count;
    j["interval"] = FormatDuration(c.interval);
    j["mode"] = c.sequential ? "sequential" : "scheduled";
    j["until_connected"] = c.untilConnected;
    j["give_up_after"] = FormatDuration(c.giveUpAfter);
    j["send_bytes"] = c.sendBytes;
    j["receive_bytes"] = c.receiveBytes;
    j["hold"] = FormatDuration(c.hold);
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
    const double interval = c.interval.GetSeconds();
    if (c.sequential && lifetime <= 1)
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
    helper.SetSocketConfigurator(sockets.configure);
    ApplicationContainer apps = helper.Install(host.node);
    site.ReportClient(host, apps.Get(0));
    apps.Start(c.start);
    apps.Stop(site.GetScenario().duration);
}

} // namespace

const ApplicationKind&
ConnectApplicationKind()
{
    static const ApplicationKind kKind = {"connect", &Parse, &CheckReferences, &Listens,
                                          &Resolved, &Load,  &Install};
    return kKind;
}

} // namespace retrotcp
