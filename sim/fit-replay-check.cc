#include "fit-replay-check.h"

#include "attempt-extractor.h"
#include "capture-reader.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

namespace retrotcp
{

namespace
{
using Key = std::tuple<fit::Ipv4, fit::Ipv4, uint16_t>; // client, server, port

// remote_address -> remote_host from a run's connections.csv.
std::map<std::string, std::string>
RemoteHosts(const std::string& runDir)
{
    std::ifstream in(std::filesystem::path(runDir) / "connections.csv");
    std::string line;
    std::getline(in, line);
    std::vector<std::string> header;
    std::stringstream hs(line);
    for (std::string f; std::getline(hs, f, ',');)
    {
        header.push_back(f);
    }
    std::map<std::string, std::string> out;
    while (std::getline(in, line))
    {
        std::stringstream ls(line);
        std::map<std::string, std::string> row;
        size_t i = 0;
        for (std::string f; std::getline(ls, f, ',') && i < header.size(); ++i)
        {
            row[header[i]] = f;
        }
        out[row["remote_address"]] = row["remote_host"];
    }
    return out;
}
} // namespace

ReplayDifference
ReplayComparison::Compare(const fit::CaptureFit& capture, const ReplayPlan& plan,
                          const std::string& runDir)
{
    std::map<Key, std::vector<const fit::ConnectCall*>> captured;
    for (const auto& client : capture.clients)
    {
        for (const auto& call : client.calls)
        {
            captured[{call.client, call.server, call.serverPort}].push_back(&call);
        }
    }
    auto remoteHosts = RemoteHosts(runDir);
    std::map<Key, std::vector<fit::ConnectCall>> simulated;
    for (const auto& [host, address] : plan.clients)
    {
        auto pcap = std::filesystem::path(runDir) / "pcap" / (host + "-1.pcap");
        fit::AttemptExtractor extractor;
        for (auto& call : extractor.Extract(fit::CaptureReader::ReadAll(pcap.string())))
        {
            auto remote = remoteHosts.find(fit::FormatIpv4(call.server));
            if (remote == remoteHosts.end() || !plan.servers.count(remote->second))
            {
                continue;
            }
            simulated[{address, plan.servers.at(remote->second), call.serverPort}].push_back(call);
        }
    }
    ReplayDifference d;
    // Capture clock of a simulated time: minus the lead, plus the origin.
    int64_t leadNs = std::llround(plan.lead * 1e9);
    auto toCapture = [&](int64_t simNs) { return simNs - leadNs + plan.originNs; };
    for (const auto& [key, calls] : captured)
    {
        const auto& sims = simulated[key];
        for (size_t i = 0; i < calls.size(); ++i)
        {
            if (i >= sims.size())
            {
                ++d.unmatched;
                continue;
            }
            ++d.calls;
            const auto& c = calls[i]->syns;
            const auto& s = sims[i].syns;
            for (size_t k = 0; k < std::max(c.size(), s.size()); ++k)
            {
                if (k >= s.size())
                {
                    ++d.missing;
                    continue;
                }
                int64_t simulatedAt = toCapture(s[k].timeNs);
                if (k >= c.size())
                {
                    d.extra += simulatedAt <= plan.endNs ? 1 : 0;
                    continue;
                }
                double diff = std::fabs(double(simulatedAt - c[k].timeNs) * 1e-9);
                ++d.syns;
                if (diff >= d.largest)
                {
                    d.largest = diff;
                    d.where = "SYN " + std::to_string(k + 1) + " of " + calls[i]->Label();
                }
            }
        }
    }
    return d;
}

} // namespace retrotcp
