// libFuzzer target: a scenario that loads is built and simulated for a few
// seconds (at most 20 hosts and 2,000 connections, 5 s simulated, results into
// a tmpfs folder). No
// input may end in a crash, an ns-3 abort, an exception other than
// ScenarioError or a hang (libFuzzer's -timeout).
#include "fuzz-input.h"
#include "memory-estimate.h"
#include "ns3/nstime.h"
#include "runner.h"
#include "scenario-error.h"
#include "scenario-loader.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <unistd.h>

namespace
{
const uint64_t kMaxFuzzHosts = 20;
const uint64_t kMaxConnections = 2000; // more is a long run, not a hang
const int64_t kMaxSeconds = 5;

// Two LANs joined by a WAN link: a service, a stock client, a legacy client, a
// LAN Manager server and workstation.
const char* const kBaseScenario = R"({
  "name": "base", "duration": "5s",
  "network": {"lans": [{"name": "lan0"}, {"name": "lan1", "type": "switched"}],
              "wan_links": [{"name": "wan", "lans": ["lan0", "lan1"], "delay": "20ms"}]},
  "hosts": [
    {"name": "srv", "lan": "lan0", "stack": {"profile": "winnt-4.0"},
     "applications": [{"type": "service", "port": 80, "request_bytes": 100, "response_bytes": 300},
                      {"type": "lanman-server"}]},
    {"name": "cli", "count": 2, "lan": "lan1",
     "applications": [{"type": "connect", "remote": "srv", "port": 80, "count": 3,
                       "interval": "500ms", "send_bytes": 100, "receive_bytes": 300}]},
    {"name": "old", "lan": "lan0", "stack": {"profile": "win95"},
     "applications": [{"type": "connect", "remote": "srv", "port_range": [79, 81]}]},
    {"name": "ws", "lan": "lan1", "stack": {"profile": "lanman-dos-2.2"},
     "applications": [{"type": "lanman-redirector", "domain_controller": "srv",
                       "commands": ["net logon a b", "net use F: \\\\srv\\x", "wait 1s",
                                    "net logoff /y"]}]}
  ]
})";

// How many inputs were simulated (the others did not load or were too large).
uint64_t g_inputs = 0;
uint64_t g_simulated = 0;

void
Report()
{
    std::fprintf(stderr, "fuzz-run: %llu inputs, %llu simulated\n",
                 static_cast<unsigned long long>(g_inputs),
                 static_cast<unsigned long long>(g_simulated));
}
} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace retrotcp;
    if (g_inputs++ == 0)
    {
        std::atexit(Report);
    }
    fuzz::Input input = fuzz::Split(data, size);
    Scenario s;
    try
    {
        // Text that is not JSON at all: its --set assignments go to a base
        // scenario, so that most inputs reach the simulator.
        nlohmann::json document = nlohmann::json::accept(input.scenario)
                                      ? ParseScenarioText(input.scenario, "fuzz.json")
                                      : ParseScenarioText(kBaseScenario, "base.json");
        for (const auto& o : input.overrides)
        {
            ApplyOverride(document, o);
        }
        s = ParseScenario(document, "fuzz.json");
    }
    catch (const ScenarioError& e)
    {
        fuzz::CheckMessage(e.what());
        return 0;
    }
    uint64_t hosts = 0;
    for (const auto& h : s.hosts)
    {
        hosts += h.count;
    }
    MemoryEstimate memory = EstimateMemory(s, false);
    if (hosts > kMaxFuzzHosts || memory.connections > kMaxConnections ||
        memory.bytes > (512ULL << 20))
    {
        return 0;
    }
    s.duration = std::min(s.duration, ns3::Seconds(kMaxSeconds));
    static const std::string dir = (std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp") +
                                   std::string("/retrotcp-fuzz-") + std::to_string(getpid());
    RunOptions options;
    options.outDir = dir + "/out";
    options.progress = false;
    options.eventsFile = size % 2 == 0; // every path, deterministically per input
    options.pcap = size % 3 == 0;
    std::ostringstream log;
    ++g_simulated;
    try
    {
        RunScenario(s, options, log);
    }
    catch (const ScenarioError& e)
    {
        fuzz::CheckMessage(e.what()); // e.g. the memory check
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return 0;
}
