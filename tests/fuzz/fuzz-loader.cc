// libFuzzer target: the scenario loader with --set overrides, and the checks
// validate makes. Every input must load or give a ScenarioError with a message
// users may see; anything else (another exception, a crash, an ns-3 abort) is a
// finding.
#include "fuzz-input.h"
#include "legacy-tcp-l4-protocol.h"
#include "memory-estimate.h"
#include "scenario-error.h"
#include "scenario-loader.h"

#include <cstddef>
#include <cstdint>

extern "C" int
LLVMFuzzerInitialize(int*, char***)
{
    // The loader looks profiles' attributes up by TypeId name: register the
    // legacy stack's (a static library's object is linked only if referenced).
    ns3::LegacyTcpL4Protocol::GetTypeId();
    return 0;
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace retrotcp;
    fuzz::Input input = fuzz::Split(data, size);
    try
    {
        nlohmann::json document = ParseScenarioText(input.scenario, "fuzz.json");
        for (const auto& o : input.overrides)
        {
            ApplyOverride(document, o);
        }
        Scenario s = ParseScenario(document, "fuzz.json");
        EstimateMemory(s, true);
    }
    catch (const ScenarioError& e)
    {
        fuzz::CheckMessage(e.what());
    }
    return 0;
}
