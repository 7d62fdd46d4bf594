// Rule SC-PARAMETERS: every stack parameter of every profile can be set from a
// scenario, whatever the attribute's type (docs/profiles.md: "every value can be
// overridden"), and a bad value is a clear error, not an ns-3 abort.
#include "ns3-fixture.h"
#include "ns3/enum.h"
#include "ns3/nstime.h"
#include "ns3/type-id.h"
#include "profile-registry.h"
#include "runner.h"
#include "scenario-error.h"
#include "scenario-loader.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace retrotcp;
using namespace retrotcp::test;
using nlohmann::json;

namespace
{

// Every attribute of a TypeId and its parents (below ns3::Object).
std::vector<ns3::TypeId::AttributeInformation>
Attributes(const std::string& typeName)
{
    std::vector<ns3::TypeId::AttributeInformation> out;
    for (ns3::TypeId t = ns3::TypeId::LookupByName(typeName);
         t.GetName() != "ns3::Object" && t.GetParent() != t; t = t.GetParent())
    {
        for (uint32_t i = 0; i < t.GetAttributeN(); ++i)
        {
            out.push_back(t.GetAttribute(i));
        }
    }
    return out;
}

// A scenario value for an attribute: its default, written as a scenario writes it.
std::string
ScenarioValue(const ns3::TypeId::AttributeInformation& info)
{
    std::string type = info.checker->GetValueTypeName();
    if (type.find("TimeValue") != std::string::npos)
    {
        const auto& t = dynamic_cast<const ns3::TimeValue&>(*info.initialValue).Get();
        return std::to_string(t.GetNanoSeconds()) + "ns";
    }
    if (type.find("PointerValue") != std::string::npos)
    {
        return "ns3::ConstantRandomVariable[Constant=0.5]";
    }
    return info.initialValue->SerializeToString(info.checker);
}

bool
Settable(const ns3::TypeId::AttributeInformation& info)
{
    std::string type = info.checker->GetValueTypeName();
    if (!(info.flags & ns3::TypeId::ATTR_SET) || type.find("CallbackValue") != std::string::npos)
    {
        return false;
    }
    // Object pointers other than random variables (stock TCP's TxBuffer, RxBuffer,
    // CongestionOps) are internals, not parameters.
    return type.find("PointerValue") == std::string::npos ||
           info.checker->GetUnderlyingTypeInformation().find("ns3::RandomVariableStream") !=
               std::string::npos;
}

} // namespace

TEST_CASE("parameters: every attribute of every profile is set from a scenario", "[parameters]")
{
    for (const StackProfile& profile : AllProfiles())
    {
        INFO("profile " << profile.name);
        json params = json::object();
        for (const auto& info : Attributes(ParameterTypeId(profile)))
        {
            INFO("attribute " << info.name << " (" << info.checker->GetValueTypeName() << ")");
            if (!Settable(info))
            {
                // Refused with a reason, never an abort.
                auto problem = CheckParameter(profile, info.name, "x", nullptr);
                REQUIRE(problem);
                continue;
            }
            std::string value = ScenarioValue(info);
            INFO("value " << value);
            CHECK_FALSE(CheckParameter(profile, info.name, value, nullptr));
            params[info.name] = value;
        }
        // Profile values for the port range, so the range stays valid whatever the
        // defaults say.
        for (const auto& v : profile.values)
        {
            if (params.contains(v.parameter))
            {
                params[v.parameter] = v.value;
            }
        }
        REQUIRE(params.size() >= (profile.kind == StackKind::Stock ? 20u : 35u));
        json d = ReadScenarioJson(SourcePath("tests/data/valid/tiny.json"));
        for (auto& host : d["hosts"])
        {
            host["stack"] = {{"profile", profile.name}, {"parameters", params}};
        }
        d["duration"] = "3s";
        Scenario s = ParseScenario(d, "parameters.json");
        Ns3Fixture fixture;
        RunOptions options;
        options.outDir = TempDir("parameters-" + profile.name);
        options.progress = false;
        std::ostringstream log;
        RunResult result = RunScenario(s, options, log);
        CHECK(result.outcomes["established"] == 3);
    }
}

TEST_CASE("parameters: booleans, enums and random variables from --set", "[parameters]")
{
    // The measurement that found it: "TimeWaitReopen is a BooleanValue" was refused.
    auto load = [](const std::string& set) {
        return LoadScenario(SourcePath("scenarios/lanman-relogon-error.json"), {set});
    };
    Scenario s = load("hosts.ws-light.stack.parameters.TimeWaitReopen=false");
    CHECK(s.hosts[2].stack.parameters.at("TimeWaitReopen") == "false");
    s = load("hosts.ws-light.stack.parameters.HalfDuplexClose=true");
    CHECK(s.hosts[2].stack.parameters.at("HalfDuplexClose") == "true");
    s = load("hosts.ws-light.stack.parameters.PortSelection=Hashed");
    CHECK(s.hosts[2].stack.parameters.at("PortSelection") == "Hashed");
    s = load(
        "hosts.ws-light.stack.parameters.ClockPhase=\"ns3::UniformRandomVariable[Min=0|Max=2]\"");
    CHECK(s.hosts[2].stack.parameters.at("ClockPhase") ==
          "ns3::UniformRandomVariable[Min=0|Max=2]");

    // Bad values: one clear message each, naming what was expected.
    CHECK_THROWS_WITH(load("hosts.ws-light.stack.parameters.TimeWaitReopen=maybe"),
                      Catch::Contains("expected true or false"));
    CHECK_THROWS_WITH(load("hosts.ws-light.stack.parameters.PortSelection=Random"),
                      Catch::Contains("one of Sequential|Hashed"));
    CHECK_THROWS_WITH(load("hosts.ws-light.stack.parameters.ClockPhase=\"ns3::NoSuchVariable\""),
                      Catch::Contains("a ns3::RandomVariableStream type"));
    CHECK_THROWS_WITH(
        load("hosts.ws-light.stack.parameters.ClockPhase=\"ns3::UniformRandomVariable[Mni=1]\""),
        Catch::Contains("Mni=1 is not an attribute of ns3::UniformRandomVariable"));
    CHECK_THROWS_WITH(
        load("hosts.ws-light.stack.parameters.ClockPhase=\"ns3::UniformRandomVariable[Min=x]\""),
        Catch::Contains("attribute Min: a number"));
}
