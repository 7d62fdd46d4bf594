#include "fit-replay-writer.h"

#include "fit-profiles.h"
#include "profile-registry.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace retrotcp
{

namespace
{
// Servers closer than this share the client's LAN; farther ones get a WAN link.
constexpr double kLanRtt = 0.002;
// The server profile: any stack that answers RST|ACK on a closed port will do.
const char* const kServerProfile = "winnt-4.0";

std::string
HostName(const std::string& prefix, fit::Ipv4 a)
{
    std::string name = prefix + "-" + fit::FormatIpv4(a);
    std::replace(name.begin(), name.end(), '.', '-');
    return name;
}

std::string
Micros(double seconds)
{
    return std::to_string(std::max<int64_t>(0, std::llround(seconds * 1e6))) + "us";
}

nlohmann::json
ParameterValue(const std::string& text)
{
    bool digits = !text.empty() && std::all_of(text.begin(), text.end(), ::isdigit);
    return digits ? nlohmann::json(std::stoll(text)) : nlohmann::json(text);
}
} // namespace

ReplayScenarioWriter::ReplayScenarioWriter(const fit::CaptureFit& fit, std::string name)
    : m_fit(fit)
    , m_name(std::move(name))
{
}

std::string
ReplayScenarioWriter::NameFor(const std::string& capturePath)
{
    std::string stem = std::filesystem::path(capturePath).stem().string();
    std::string name = "fit-";
    for (char c : stem)
    {
        name += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '-';
    }
    return name.substr(0, 63);
}

std::string
ReplayScenarioWriter::At(int64_t ns, const ReplayPlan& plan) const
{
    return Micros(plan.lead + double(ns - plan.originNs) * 1e-9);
}

nlohmann::json
ReplayScenarioWriter::Services(const std::map<uint16_t, PortHistory>& ports,
                               const ReplayPlan& plan) const
{
    nlohmann::json services = nlohmann::json::array();
    for (const auto& [port, history] : ports)
    {
        auto answers = history.answers;
        if (answers.empty())
        {
            continue; // dropped: on the unreachable host
        }
        std::sort(answers.begin(), answers.end());
        // Up windows: runs of SYN|ACK answers; each edge midway between the last
        // answer of one kind and the first of the other.
        nlohmann::json schedule = nlohmann::json::array();
        bool up = false;
        bool first = true;
        int64_t previous = 0;
        for (const auto& [time, listening] : answers)
        {
            if (listening && !up)
            {
                schedule.push_back(
                    {{"up", first ? std::string("0s") : At((previous + time) / 2, plan)}});
            }
            else if (!listening && up)
            {
                schedule.back()["down"] = At((previous + time) / 2, plan);
            }
            up = listening;
            previous = time;
            first = false;
        }
        if (schedule.empty())
        {
            continue; // closed all along: the stack answers RST|ACK
        }
        nlohmann::json service = {{"type", "service"}, {"port", port}};
        if (schedule.size() > 1 || schedule[0].contains("down") || schedule[0]["up"] != "0s")
        {
            service["schedule"] = schedule;
        }
        services.push_back(service);
    }
    return services;
}

ReplayPlan
ReplayScenarioWriter::Plan() const
{
    ReplayPlan plan;
    plan.originNs = INT64_MAX;
    plan.endNs = m_fit.info.lastNs;
    std::map<fit::Ipv4, std::map<uint16_t, PortHistory>> servers;
    std::map<fit::Ipv4, double> rtt;
    for (const auto& client : m_fit.clients)
    {
        for (const auto& call : client.calls)
        {
            plan.originNs = std::min(plan.originNs, call.StartNs());
            PortHistory& h = servers[call.server][call.serverPort];
            for (const auto& syn : call.syns)
            {
                if (syn.answer == fit::SynAnswer::None)
                {
                    ++h.unanswered;
                }
                else
                {
                    h.answers.emplace_back(syn.answerNs, syn.answer == fit::SynAnswer::SynAck);
                }
            }
        }
        for (const auto& [server, value] : client.serverRtt)
        {
            rtt.emplace(server, value);
        }
    }
    // Switched LANs with static address resolution: no ARP delays a replayed SYN
    // (the captured SYN times already hold those of the real network).
    auto lanSpec = [](const std::string& name) {
        return nlohmann::json{{"name", name},
                              {"type", "switched"},
                              {"data_rate", "100Mbps"},
                              {"address_resolution", "static"}};
    };
    nlohmann::json lans = nlohmann::json::array({lanSpec("lan0")});
    nlohmann::json wans = nlohmann::json::array();
    nlohmann::json hosts = nlohmann::json::array();
    std::map<fit::Ipv4, std::string> dropHost;
    size_t index = 0;
    for (const auto& [server, ports] : servers)
    {
        ++index;
        std::string name = HostName("server", server);
        uint32_t lost = 0;
        uint32_t answered = 0;
        bool dropped = false;
        for (const auto& [port, h] : ports)
        {
            dropped = dropped || h.answers.empty();
            if (!h.answers.empty())
            {
                lost += h.unanswered;
                answered += uint32_t(h.answers.size());
            }
        }
        double serverRtt = rtt.count(server) ? rtt[server] : 0.0;
        double lossRate = answered + lost > 0 ? double(lost) / double(answered + lost) : 0.0;
        std::string lan = "lan0";
        if (answered > 0 && (serverRtt > kLanRtt || lossRate > 0))
        {
            lan = "net-" + std::to_string(index);
            lans.push_back(lanSpec(lan));
            // A SYN is answered when neither it nor its answer is lost: per direction
            // 1 - sqrt(1 - rate).
            double perDirection = 1 - std::sqrt(1 - lossRate);
            wans.push_back({{"name", "wan-" + std::to_string(index)},
                            {"lans", {"lan0", lan}},
                            {"data_rate", "1Gbps"},
                            {"delay", Micros(std::max(0.0, serverRtt / 2 - 0.0001))},
                            {"loss", std::round(perDirection * 1e6) / 1e6}});
            if (lossRate > 0)
            {
                plan.notes.push_back(name + ": " + std::to_string(lost) +
                                     " SYNs to answering ports went unanswered; the replay "
                                     "loses packets at random at the same rate, not the same "
                                     "ones");
            }
        }
        if (answered > 0)
        {
            hosts.push_back({{"name", name},
                             {"lan", lan},
                             {"role", "server"},
                             {"stack", {{"profile", kServerProfile}}},
                             {"applications", Services(ports, plan)}});
            plan.servers[name] = server;
        }
        if (dropped)
        {
            std::string dead = "dead-" + std::to_string(index);
            std::string host = HostName(answered > 0 ? "dropped" : "server", server);
            lans.push_back(lanSpec(dead));
            wans.push_back({{"name", dead + "-link"},
                            {"lans", {"lan0", dead}},
                            {"delay", "1ms"},
                            {"loss", 1.0}});
            hosts.push_back({{"name", host},
                             {"lan", dead},
                             {"role", "server"},
                             {"stack", {{"profile", kServerProfile}}}});
            plan.servers[host] = server;
            dropHost[server] = host;
            if (answered > 0)
            {
                plan.notes.push_back(
                    "ports of " + fit::FormatIpv4(server) + " that never answered are on host " +
                    host +
                    " behind a link that loses every packet: the scenario format has no "
                    "per-port drop on one host");
            }
        }
    }
    for (const auto& client : m_fit.clients)
    {
        std::string name = HostName("client", client.client);
        const StackProfile* profile = FindProfile(client.best);
        std::vector<std::string> dropped;
        auto parameters = ReplayParameters(*profile, client.overrides, dropped);
        for (const auto& d : dropped)
        {
            plan.notes.push_back(name + ": " + client.best + " has no parameter for " + d);
        }
        nlohmann::json stack = {{"profile", client.best}};
        if (!parameters.empty())
        {
            for (const auto& [key, value] : parameters)
            {
                stack["parameters"][key] = ParameterValue(value);
            }
        }
        nlohmann::json apps = nlohmann::json::array();
        for (const auto& call : client.calls)
        {
            bool isDropped = dropHost.count(call.server) &&
                             servers[call.server][call.serverPort].answers.empty();
            std::string remote =
                isDropped ? dropHost[call.server] : HostName("server", call.server);
            apps.push_back({{"type", "connect"},
                            {"remote", remote},
                            {"port", call.serverPort},
                            {"start", At(call.StartNs(), plan)}});
        }
        hosts.push_back({{"name", name},
                         {"lan", "lan0"},
                         {"role", "client"},
                         {"stack", stack},
                         {"applications", apps}});
        plan.clients[name] = client.client;
    }
    plan.notes.push_back("local ports come from the replayed stack's allocator, not the "
                         "capture's");
    double span = double(plan.endNs - plan.originNs) * 1e-9;
    nlohmann::json network = {{"lans", lans}};
    if (!wans.empty())
    {
        network["wan_links"] = wans;
    }
    plan.scenario = {
        {"name", m_name},
        {"description", "Replay of " + m_fit.info.path +
                            ", written by retrotcp fit: the "
                            "captured connect() calls at their times (the capture's first SYN "
                            "at 1 s) to the same ports, each client on its fitted profile. "
                            "Expected: every SYN at the captured time within the timer and "
                            "capture jitter."},
        {"seed", 1},
        {"duration", Micros(plan.lead + span + 5)},
        {"network", network},
        {"hosts", hosts}};
    return plan;
}

} // namespace retrotcp
