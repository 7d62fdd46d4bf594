#include "profile-registry.h"

#include "lanman-profile-registry.h"
#include "legacy-tcp-parameter-aliases.h"
#include "legacy-tcp-profile-registry.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/integer.h"
#include "ns3/nstime.h"
#include "ns3/string.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"
#include "units.h"

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace retrotcp
{

namespace
{

// A library profile as the tool lists and checks it.
StackProfile
FromLibrary(const ns3::LegacyTcpProfile& profile)
{
    StackProfile p{profile.GetName(), profile.GetDescription(), StackKind::Legacy, {}, &profile};
    for (const auto& v : profile.GetValues())
    {
        p.values.push_back({v.attribute, v.value, v.source});
    }
    return p;
}

std::vector<StackProfile>
MakeProfiles()
{
    // ns-3's own TCP: the tool's comparison baseline, so it lives here and sets
    // nothing. Its values are ns-3.37's defaults as a reader needs them, checked
    // against ns-3's own TypeIds by the tests ("profiles: ns3-stock lists ns-3's
    // defaults").
    std::vector<StackProfile> profiles;
    profiles.push_back(
        {"ns3-stock",
         "ns-3.37's own TCP (TcpSocketBase), unchanged: for comparison with the legacy "
         "stacks. Its known departures from real stacks: RST|ACK in SYN_SENT is ignored (a "
         "refused connect fails only after every SYN), ISN 0, TIME_WAIT ignores all "
         "segments.",
         StackKind::Stock,
         {
             {"ConnTimeout", "3s", "ns-3.37 default (ns3::TcpSocket)"},
             {"ConnCount", "6", "ns-3.37 default: total SYNs, not retries"},
             {"MaxSegLifetime", "120", "ns-3.37 default, seconds (RFC 793 MSL)"},
         }});
    // The models' profiles: LAN Manager's first, then the other stacks.
    for (const auto& p : ns3::LanmanProfileRegistry::GetAll())
    {
        profiles.push_back(FromLibrary(p));
    }
    for (const auto& p : ns3::LegacyTcpProfileRegistry::GetAll())
    {
        profiles.push_back(FromLibrary(p));
    }
    return profiles;
}

} // namespace

const std::vector<StackProfile>&
AllProfiles()
{
    static const std::vector<StackProfile> profiles = MakeProfiles();
    return profiles;
}

const StackProfile*
FindProfile(const std::string& name)
{
    for (const auto& p : AllProfiles())
    {
        if (p.name == name)
        {
            return &p;
        }
    }
    return nullptr;
}

std::string
ParameterTypeId(const StackProfile& profile)
{
    return profile.kind == StackKind::Stock ? "ns3::TcpSocketBase" : "ns3::LegacyTcpL4Protocol";
}

namespace
{

// True if \p value is a well-formed string for the attribute's type that its
// checker accepts; otherwise false with \p expected saying what would be.
bool CheckAttributeValue(const ns3::TypeId::AttributeInformation& info, const std::string& value,
                         std::string& expected);

// "ns3::UniformRandomVariable[Min=0|Max=1]": an ns-3 ObjectFactory string for an
// object of \p base (or a subclass), with attributes checked like any others.
bool
CheckObjectFactoryString(const std::string& value, const std::string& base, std::string& expected)
{
    expected = "a " + base +
               " type with optional attributes, such as "
               "\"ns3::UniformRandomVariable[Min=0|Max=1]\"";
    std::string name = value;
    std::string attributes;
    auto open = value.find('[');
    if (open != std::string::npos)
    {
        if (value.back() != ']')
        {
            return false;
        }
        name = value.substr(0, open);
        attributes = value.substr(open + 1, value.size() - open - 2);
    }
    ns3::TypeId tid;
    ns3::TypeId baseTid;
    if (!ns3::TypeId::LookupByNameFailSafe(name, &tid) ||
        !ns3::TypeId::LookupByNameFailSafe(base, &baseTid) || !tid.HasConstructor() ||
        !(tid == baseTid || tid.IsChildOf(baseTid)))
    {
        return false;
    }
    std::stringstream ss(attributes);
    std::string pair;
    while (!attributes.empty() && std::getline(ss, pair, '|'))
    {
        auto eq = pair.find('=');
        ns3::TypeId::AttributeInformation inner;
        if (eq == std::string::npos || !tid.LookupAttributeByName(pair.substr(0, eq), &inner))
        {
            expected += "; " + pair + " is not an attribute of " + name;
            return false;
        }
        std::string innerExpected;
        if (!CheckAttributeValue(inner, pair.substr(eq + 1), innerExpected))
        {
            expected = name + " attribute " + pair.substr(0, eq) + ": " + innerExpected;
            return false;
        }
    }
    return true;
}

bool
CheckAttributeValue(const ns3::TypeId::AttributeInformation& info, const std::string& value,
                    std::string& expected)
{
    // ns-3.37 names some value types with the namespace ("ns3::UintegerValue") and
    // some without ("BooleanValue"): compare without it.
    std::string type = info.checker->GetValueTypeName();
    if (type.rfind("ns3::", 0) == 0)
    {
        type = type.substr(5);
    }
    if (!(info.flags & ns3::TypeId::ATTR_SET))
    {
        expected = "a parameter that can be set (" + info.name + " is read-only)";
        return false;
    }
    if (type == "TimeValue")
    {
        QuantityProblem problem;
        auto t = ParseDuration(value, &problem);
        expected = DurationExpectation(problem);
        return t && info.checker->Check(ns3::TimeValue(*t));
    }
    if (type == "UintegerValue")
    {
        auto v = ParseDecimal(value, 19);
        expected = "an integer in " + info.checker->GetUnderlyingTypeInformation();
        return v && info.checker->Check(ns3::UintegerValue(*v));
    }
    if (type == "IntegerValue")
    {
        bool negative = !value.empty() && value[0] == '-';
        auto v = ParseDecimal(negative ? value.substr(1) : value, 18);
        expected = "an integer in " + info.checker->GetUnderlyingTypeInformation();
        return v && info.checker->Check(ns3::IntegerValue(negative ? -static_cast<int64_t>(*v)
                                                                   : static_cast<int64_t>(*v)));
    }
    if (type == "DoubleValue")
    {
        char* end = nullptr;
        double d = std::strtod(value.c_str(), &end);
        expected = "a number in " + info.checker->GetUnderlyingTypeInformation();
        return !value.empty() && end && *end == '\0' && info.checker->Check(ns3::DoubleValue(d));
    }
    if (type == "BooleanValue")
    {
        expected = "true or false";
        return value == "true" || value == "false";
    }
    if (type == "EnumValue")
    {
        std::string names = info.checker->GetUnderlyingTypeInformation(); // "a|b|c"
        std::stringstream ss(names);
        std::string choice;
        expected = "one of " + names;
        while (std::getline(ss, choice, '|'))
        {
            if (choice == value)
            {
                return true;
            }
        }
        return false;
    }
    if (type == "StringValue")
    {
        return true;
    }
    if (type == "PointerValue")
    {
        // The checker names the pointee "ns3::Ptr< ns3::RandomVariableStream >".
        std::string base = info.checker->GetUnderlyingTypeInformation();
        auto open = base.find('<');
        auto close = base.rfind('>');
        if (open != std::string::npos && close != std::string::npos && close > open)
        {
            base = base.substr(open + 1, close - open - 1);
            base.erase(0, base.find_first_not_of(' '));
            base.erase(base.find_last_not_of(' ') + 1);
        }
        if (!(info.flags & ns3::TypeId::ATTR_SET) || base != "ns3::RandomVariableStream")
        {
            expected = "a parameter that can be set from a scenario (" + info.name +
                       " is an internal object of the stack, set from C++ only)";
            return false;
        }
        return CheckObjectFactoryString(value, base, expected);
    }
    expected = "a parameter that can be set from a scenario (a " + type + " is set from C++ only)";
    return false;
}

// Bounds a scenario keeps within, beyond what the attributes' checkers accept:
// a retry count of billions, or a repeating timer of zero (a SYN resent at once
// ConnCount times, a persist probe at once for as long as the window is zero),
// makes a run that never ends at one instant of simulated time. Assumption: no
// stack modelled retries more than 255 times (the Windows defaults are 2 to 5),
// and no timer of those stacks is shorter than a millisecond.
struct RunBound
{
    const char* attribute;
    uint64_t maxCount; //!< integer attributes: at most this (0: no bound)
    bool positive;     //!< time attributes: at least 1 ms
};

const RunBound kRunBounds[] = {
    {"ConnCount", 255, false},                 // stock ns-3: SYNs per connect
    {"DataRetries", 255, false},               // stock ns-3: data retransmissions
    {"ConnTimeout", 0, true},                  // stock ns-3: SYN retransmission timer
    {"PersistTimeout", 0, true},               // stock ns-3: zero-window probe timer
    {"MaxConnectRetransmissions", 255, false}, // legacy
    {"MaxDataRetransmissions", 255, false},    // legacy
};

std::optional<std::string>
CheckRunBound(const std::string& name, const std::string& type, const std::string& value)
{
    for (const auto& b : kRunBounds)
    {
        if (name != b.attribute)
        {
            continue;
        }
        if (type == "ns3::UintegerValue" && b.maxCount > 0 &&
            ParseDecimal(value, 19).value_or(0) > b.maxCount)
        {
            return "an integer from 0 to " + std::to_string(b.maxCount) +
                   " (more retries make a run that may never end)";
        }
        if (type == "ns3::TimeValue" && b.positive &&
            ParseDuration(value).value_or(ns3::Time(0)) < ns3::MilliSeconds(1))
        {
            return std::string("a duration of at least 1ms (a zero timer repeats at one instant "
                               "of simulated time)");
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<ParameterAssignment>
ModelDefaults(const StackProfile& profile, bool scenarioSettable)
{
    std::vector<ParameterAssignment> out;
    if (profile.kind != StackKind::Legacy)
    {
        return out;
    }
    ns3::TypeId tid = ns3::TypeId::LookupByName(ParameterTypeId(profile));
    for (uint32_t i = 0; i < tid.GetAttributeN(); ++i)
    {
        ns3::TypeId::AttributeInformation info = tid.GetAttribute(i);
        bool set = false;
        for (const auto& v : profile.values)
        {
            set = set || v.parameter == info.name;
        }
        if (set || !(info.flags & ns3::TypeId::ATTR_SET))
        {
            continue;
        }
        std::string value = info.initialValue->SerializeToString(info.checker);
        if (auto time = ns3::DynamicCast<const ns3::TimeValue>(info.initialValue))
        {
            value = FormatDuration(time->Get());
        }
        std::string expected;
        if (scenarioSettable && !CheckAttributeValue(info, value, expected))
        {
            continue;
        }
        out.emplace_back(info.name, value);
    }
    return out;
}

std::optional<std::string>
CheckParameter(const StackProfile& profile, const std::string& name, const std::string& value,
               std::vector<ParameterAssignment>* assignments)
{
    if (profile.kind == StackKind::Legacy)
    {
        std::vector<ParameterAssignment> translated;
        if (ns3::LegacyTcpParameterAliases::Find(name))
        {
            if (auto expected = ns3::LegacyTcpParameterAliases::Translate(name, value, translated))
            {
                return expected;
            }
            for (const auto& [attribute, attributeValue] : translated)
            {
                if (auto problem = CheckParameter(profile, attribute, attributeValue, assignments))
                {
                    return *problem + " (from registry value " + name + ")";
                }
            }
            return std::nullopt;
        }
    }
    ns3::TypeId tid = ns3::TypeId::LookupByName(ParameterTypeId(profile));
    ns3::TypeId::AttributeInformation info;
    if (!tid.LookupAttributeByName(name, &info))
    {
        std::string list;
        for (ns3::TypeId t = tid;; t = t.GetParent())
        {
            for (uint32_t i = 0; i < t.GetAttributeN(); ++i)
            {
                list += (list.empty() ? "" : ", ") + t.GetAttribute(i).name;
            }
            if (t.GetParent() == t || t.GetParent().GetName() == "ns3::Object")
            {
                break;
            }
        }
        return "a parameter of profile " + profile.name + " (" + list + ")";
    }
    // ns-3 aborts the process on a malformed attribute string, so parse by type
    // here and let the checker judge only well-formed values.
    std::string expected;
    bool ok = CheckAttributeValue(info, value, expected);
    const std::string type = info.checker->GetValueTypeName();
    if (!ok)
    {
        return expected + " (" + info.help + ")";
    }
    if (auto bound = CheckRunBound(name, type, value))
    {
        return *bound;
    }
    if (assignments)
    {
        assignments->emplace_back(name, value);
    }
    return std::nullopt;
}

} // namespace retrotcp
