#include "memory-estimate.h"

#include "application-kind.h"
#include "profile-registry.h"
#include "scenario-error.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/resource.h>

namespace retrotcp
{

namespace
{
// Measured peak resident sizes (docs/user-guide.md, "Large runs"), rounded up.
constexpr uint64_t kBase = 30ULL << 20;       // the process, ns-3, an empty run
constexpr uint64_t kPerHost = 20ULL << 10;    // node, IPv4 stack, device, TCP stack
constexpr uint64_t kPerRecord = 640;          // a connection record, kept to the end
constexpr uint64_t kPerSocket = 9ULL << 10;   // an open connection (both ends) or a
                                              // stock TIME-WAIT socket
constexpr uint64_t kPerCommand = 320;         // a LAN Manager command record
constexpr uint64_t kPerCapture = 10ULL << 10; // an open PCAP file and its buffer
// The estimate is rounded up by this much for what the measurements do not cover.
constexpr double kMargin = 1.2;

uint64_t
Saturating(uint64_t a, uint64_t b)
{
    return b != 0 && a > UINT64_MAX / b ? UINT64_MAX : a * b;
}

uint64_t
Add(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

} // namespace

// Stock ns-3 keeps a whole socket for 2 x MaxSegLifetime (default 120 s) after an
// active close; the legacy stacks keep a small TIME-WAIT record instead.
double
SocketLifetimeSeconds(const HostSpec& h)
{
    const StackProfile* p = FindProfile(h.stack.profile);
    if (p && p->kind == StackKind::Stock)
    {
        auto it = h.stack.parameters.find("MaxSegLifetime");
        double msl = it == h.stack.parameters.end() ? 120.0 : std::atof(it->second.c_str());
        return 2 * std::max(msl, 0.0) + 1;
    }
    return 1;
}

MemoryEstimate
EstimateMemory(const Scenario& scenario, bool pcap)
{
    MemoryEstimate e;
    std::set<std::string> routed;
    for (const auto& w : scenario.wanLinks)
    {
        routed.insert(w.lanA);
        routed.insert(w.lanB);
    }
    e.hosts = routed.size();
    e.captures = pcap ? routed.size() + 2 * scenario.wanLinks.size() : 0;
    for (const auto& h : scenario.hosts)
    {
        e.hosts += h.count;
        e.captures += pcap ? h.count : 0;
        for (const auto& app : h.applications)
        {
            ApplicationLoad load = KindOf(app).load(h, app);
            e.connections = Add(e.connections, Saturating(load.connections, h.count));
            e.sockets = Add(e.sockets, Saturating(load.alive, h.count));
            e.commands = Add(e.commands, Saturating(load.commands, h.count));
        }
    }
    uint64_t bytes = kBase;
    bytes = Add(bytes, Saturating(e.hosts, kPerHost));
    bytes = Add(bytes, Saturating(e.connections, kPerRecord));
    bytes = Add(bytes, Saturating(e.sockets, kPerSocket));
    bytes = Add(bytes, Saturating(e.commands, kPerCommand));
    bytes = Add(bytes, Saturating(e.captures, kPerCapture));
    e.bytes = bytes > UINT64_MAX / 2 ? UINT64_MAX : static_cast<uint64_t>(bytes * kMargin);
    return e;
}

std::string
FormatBytes(uint64_t bytes)
{
    char buffer[64];
    double b = static_cast<double>(bytes);
    if (bytes >= (1ULL << 30))
    {
        std::snprintf(buffer, sizeof(buffer), "%.1f GiB", b / (1ULL << 30));
    }
    else
    {
        std::snprintf(buffer, sizeof(buffer), "%.0f MiB", b / (1ULL << 20));
    }
    return buffer;
}

std::string
MemoryEstimate::Describe() const
{
    std::ostringstream s;
    s << "about " << FormatBytes(bytes) << " (" << hosts << " hosts, " << connections
      << " connections, up to " << sockets << " open at once";
    if (commands > 0)
    {
        s << ", " << commands << " LAN Manager commands";
    }
    if (captures > 0)
    {
        s << ", " << captures << " captures";
    }
    s << ")";
    return s.str();
}

namespace
{
// A "Key: N kB" line of a /proc file, in bytes.
std::optional<uint64_t>
ProcValue(const char* file, const std::string& key)
{
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line))
    {
        if (line.rfind(key + ":", 0) == 0)
        {
            return std::strtoull(line.c_str() + key.size() + 1, nullptr, 10) * 1024;
        }
    }
    return std::nullopt;
}

std::optional<uint64_t>
FileNumber(const std::string& file)
{
    std::ifstream in(file);
    std::string text;
    if (!(in >> text) || text == "max" || text.find_first_not_of("0123456789") != std::string::npos)
    {
        return std::nullopt;
    }
    return std::strtoull(text.c_str(), nullptr, 10);
}

// The cgroup (v2) of this process: "0::/user.slice/..." in /proc/self/cgroup.
std::optional<MemoryLimit>
CgroupLimit()
{
    std::ifstream in("/proc/self/cgroup");
    std::string line;
    while (std::getline(in, line))
    {
        if (line.rfind("0::", 0) == 0)
        {
            std::string dir = "/sys/fs/cgroup" + line.substr(3);
            auto max = FileNumber(dir + "/memory.max");
            auto current = FileNumber(dir + "/memory.current");
            if (max)
            {
                uint64_t used = current.value_or(0);
                return MemoryLimit{*max > used ? *max - used : 0, "the cgroup's memory.max"};
            }
        }
    }
    // cgroup v1
    auto limit = FileNumber("/sys/fs/cgroup/memory/memory.limit_in_bytes");
    auto usage = FileNumber("/sys/fs/cgroup/memory/memory.usage_in_bytes");
    if (limit && *limit < (1ULL << 60))
    {
        uint64_t used = usage.value_or(0);
        return MemoryLimit{*limit > used ? *limit - used : 0, "the cgroup's memory.limit_in_bytes"};
    }
    return std::nullopt;
}
} // namespace

std::optional<MemoryLimit>
FindMemoryLimit()
{
    std::optional<MemoryLimit> best;
    auto consider = [&](std::optional<MemoryLimit> l) {
        if (l && (!best || l->bytes < best->bytes))
        {
            best = l;
        }
    };
    if (auto available = ProcValue("/proc/meminfo", "MemAvailable"))
    {
        consider(MemoryLimit{*available, "the memory available (MemAvailable)"});
    }
    struct rlimit as;
    if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY)
    {
        uint64_t mapped = ProcValue("/proc/self/status", "VmSize").value_or(0);
        uint64_t limit = as.rlim_cur;
        consider(MemoryLimit{limit > mapped ? limit - mapped : 0, "RLIMIT_AS (ulimit -v)"});
    }
    consider(CgroupLimit());
    return best;
}

void
CheckMemory(const Scenario& scenario, bool pcap)
{
    MemoryEstimate e = EstimateMemory(scenario, pcap);
    auto limit = FindMemoryLimit();
    if (limit && e.bytes > limit->bytes)
    {
        throw ScenarioError(scenario.file, "/hosts",
                            "a run that fits in memory: " + limit->source + " is " +
                                FormatBytes(limit->bytes) +
                                " (fewer hosts or connections, or more memory)",
                            "one that needs " + e.Describe());
    }
}

} // namespace retrotcp
