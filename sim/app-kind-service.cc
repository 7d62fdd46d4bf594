// "type": "service": a listening TCP service with a schedule (ServiceApplication).

#include "application-kind.h"
#include "application-site.h"
#include "json-reader.h"
#include "ns3/boolean.h"
#include "ns3/pointer.h"
#include "ns3/uinteger.h"
#include "outage-spec.h"
#include "scenario-error.h"
#include "service-helper.h"
#include "topology.h"
#include "units.h"

namespace retrotcp
{

using namespace ns3;
using nlohmann::json;
using nlohmann::ordered_json;

namespace
{

// "schedule": [{"up": "0s", "down": "2s"}, {"up": "5s"}]: windows in time order,
// each up before its down and after the previous down; only the last may stay up.
std::vector<ServiceWindow>
ParseServiceSchedule(const JsonReader& r)
{
    const json& list = r.Child("schedule");
    if (!list.is_array() || list.empty())
    {
        r.Fail("schedule", "a non-empty array of {\"up\": ..., \"down\": ...} windows");
    }
    std::vector<ServiceWindow> windows;
    for (size_t i = 0; i < list.size(); ++i)
    {
        std::string path = r.PathOf("schedule") + "/" + std::to_string(i);
        JsonReader w(list[i], path, r.File(), {"up", "down"});
        ServiceWindow window;
        window.up = w.Duration("up");
        window.down = w.Duration("down", window.down);
        if (!windows.empty() && (windows.back().down < ns3::Time(0)))
        {
            throw ScenarioError(r.File(), path, "no window after one without \"down\"",
                                "another window");
        }
        if (!windows.empty() && window.up <= windows.back().down)
        {
            w.Fail("up", "a time after the previous window's \"down\"");
        }
        if (window.down >= ns3::Time(0) && window.down <= window.up)
        {
            w.Fail("down", "a time after \"up\"");
        }
        windows.push_back(window);
    }
    return windows;
}

void
Parse(const json& value, const std::string& path, const std::string& file, AppSpec& app)
{
    JsonReader r(value, path, file,
                 {"type", "port", "start", "stop", "schedule", "request_bytes", "response_bytes",
                  "close_after_response"});
    ServiceAppSpec& s = app.service;
    s.port = static_cast<uint16_t>(r.Unsigned("port", 1, 65535));
    s.start = r.Duration("start", s.start);
    s.stop = r.Duration("stop", s.stop);
    s.requestBytes = static_cast<uint32_t>(r.Unsigned("request_bytes", 0, 1U << 30, 0));
    s.responseBytesDraw =
        ReadDistribution(r, "response_bytes", DistributionSpec::Unit::Bytes, 1U << 30);
    s.responseBytes = s.responseBytesDraw
                          ? static_cast<uint32_t>(std::lround(s.responseBytesDraw->Mean()))
                          : static_cast<uint32_t>(r.Unsigned("response_bytes", 0, 1U << 30, 0));
    s.closeAfterResponse = r.Bool("close_after_response", false);
    if (s.stop >= ns3::Time(0) && s.stop <= s.start)
    {
        r.Fail("stop", "a time after \"start\"");
    }
    if (r.Has("schedule"))
    {
        if (r.Has("start") || r.Has("stop"))
        {
            r.Fail("schedule", "either \"schedule\" or \"start\"/\"stop\", not both");
        }
        s.windows = ParseServiceSchedule(r);
    }
    else
    {
        s.windows = {{s.start, s.stop}};
    }
}

void
CheckReferences(const ReferenceScope&, const AppSpec&)
{
}

std::optional<ListenedPort>
Listens(const AppSpec& app)
{
    return ListenedPort{app.service.port, "/port"};
}

ordered_json
Resolved(const AppSpec& app)
{
    const ServiceAppSpec& s = app.service;
    ordered_json j = {{"type", "service"}, {"port", s.port}};
    if (s.windows.size() == 1)
    {
        j["start"] = FormatDuration(s.windows[0].up);
        if (s.windows[0].down >= ns3::Time(0))
        {
            j["stop"] = FormatDuration(s.windows[0].down);
        }
    }
    else
    {
        ordered_json windows = ordered_json::array();
        for (const auto& w : s.windows)
        {
            ordered_json window = {{"up", FormatDuration(w.up)}};
            if (w.down >= ns3::Time(0))
            {
                window["down"] = FormatDuration(w.down);
            }
            windows.push_back(window);
        }
        j["schedule"] = windows;
    }
    j["request_bytes"] = s.requestBytes;
    j["response_bytes"] = s.responseBytesDraw ? DistributionJson(*s.responseBytesDraw)
                                              : ordered_json(s.responseBytes);
    j["close_after_response"] = s.closeAfterResponse;
    return j;
}

ApplicationLoad
Load(const HostSpec&, const AppSpec&)
{
    return {}; // its connections are the clients'
}

void
Install(ApplicationSite& site, const HostInstance& host, const HostSockets& sockets,
        const AppSpec& app)
{
    // One listener per up window of the service's schedule: it opens at "up" and
    // closes at "down", so connects between windows are refused.
    const ServiceAppSpec& s = app.service;
    const Time end = site.GetScenario().duration;
    // One response-size stream per host, shared by its windows' listeners.
    Ptr<RandomVariableStream> responseBytes =
        s.responseBytesDraw ? MakeDistributionVariable(*s.responseBytesDraw, host.member) : nullptr;
    // A host with a power schedule listens only while it is on: each window is cut
    // to the powered times (a listener lost at power-off opens again at power-on).
    std::vector<ServiceWindow> windows;
    const OutageWindows powered = PoweredWindows(host.spec->power, end);
    for (const ServiceWindow& w : s.windows)
    {
        const Time down = w.down >= Time(0) ? w.down : end;
        for (const auto& on : powered)
        {
            const Time up = std::max(w.up, on.down);
            const Time off = std::min(down, on.up.IsNegative() ? end : on.up);
            if (up < off)
            {
                windows.push_back({up, off == end && w.down < Time(0) ? Time(-1) : off});
            }
        }
    }
    for (const ServiceWindow& w : windows)
    {
        if (w.up >= end)
        {
            continue;
        }
        ServiceHelper helper(sockets.factory.GetName(), s.port);
        helper.SetAttribute("RequestBytes", UintegerValue(s.requestBytes));
        helper.SetAttribute("ResponseBytes", UintegerValue(s.responseBytes));
        helper.SetAttribute("CloseAfterResponse", BooleanValue(s.closeAfterResponse));
        if (responseBytes)
        {
            helper.SetAttribute("ResponseBytesVariable", PointerValue(responseBytes));
        }
        helper.SetSocketConfigurator(sockets.configure);
        ApplicationContainer apps = helper.Install(host.node);
        site.ReportServer(host, apps.Get(0));
        apps.Start(w.up);
        apps.Stop(w.down >= Time(0) ? w.down : end);
    }
}

std::vector<const DistributionSpec*>
Draws(const AppSpec& app)
{
    if (app.service.responseBytesDraw)
    {
        return {&*app.service.responseBytesDraw};
    }
    return {};
}

} // namespace

const ApplicationKind&
ServiceApplicationKind()
{
    static const ApplicationKind kKind = {"service", &Parse, &CheckReferences, &Listens,
                                          &Resolved, &Load,  &Install,         &Draws};
    return kKind;
}

} // namespace retrotcp
