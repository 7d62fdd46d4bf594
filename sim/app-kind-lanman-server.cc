// "type": "lanman-server": a LAN Manager server on port 139 (LanmanServerApplication).

#include "application-kind.h"
#include "application-site.h"
#include "json-reader.h"
#include "lanman-server-helper.h"
#include "units.h"

namespace retrotcp
{

using namespace ns3;
using nlohmann::json;
using nlohmann::ordered_json;

namespace
{

void
Parse(const json& value, const std::string& path, const std::string& file, AppSpec& app)
{
    JsonReader r(value, path, file,
                 {"type", "start", "think_time", "logon_think_time", "idle_timeout"});
    LanmanServerSpec& s = app.lanmanServer;
    s.start = r.Duration("start", s.start);
    s.thinkTime = r.Duration("think_time", s.thinkTime);
    s.logonThinkTime = r.Duration("logon_think_time", s.logonThinkTime);
    s.idleTimeout = r.Duration("idle_timeout", s.idleTimeout);
}

void
CheckReferences(const ReferenceScope&, const AppSpec&)
{
}

std::optional<ListenedPort>
Listens(const AppSpec&)
{
    return ListenedPort{kLanmanServerPort, ""};
}

ordered_json
Resolved(const AppSpec& app)
{
    const LanmanServerSpec& s = app.lanmanServer;
    return {{"type", app.type},
            {"start", FormatDuration(s.start)},
            {"think_time", FormatDuration(s.thinkTime)},
            {"logon_think_time", FormatDuration(s.logonThinkTime)},
            {"idle_timeout", FormatDuration(s.idleTimeout)}};
}

ApplicationLoad
Load(const HostSpec&, const AppSpec&)
{
    return {}; // its connections are the redirectors'
}

void
Install(ApplicationSite& site, const HostInstance& host, const HostSockets& sockets,
        const AppSpec& app)
{
    const LanmanServerSpec& s = app.lanmanServer;
    LanmanServerHelper server;
    server.SetAttribute("SocketFactory", TypeIdValue(sockets.factory));
    server.SetAttribute("ThinkTime", TimeValue(s.thinkTime));
    server.SetAttribute("LogonThinkTime", TimeValue(s.logonThinkTime));
    server.SetAttribute("IdleTimeout", TimeValue(s.idleTimeout));
    server.SetSocketConfigurator(sockets.configure);
    ApplicationContainer apps = server.Install(host.node);
    apps.Start(s.start);
    apps.Stop(site.GetScenario().duration);
    site.ReportServer(host, apps.Get(0));
}

} // namespace

const ApplicationKind&
LanmanServerApplicationKind()
{
    static const ApplicationKind kKind = {"lanman-server", &Parse, &CheckReferences, &Listens,
                                          &Resolved,       &Load,  &Install};
    return kKind;
}

} // namespace retrotcp
