#include "profile-registry.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/integer.h"
#include "ns3/nstime.h"
#include "ns3/string.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"
#include "units.h"

#include <cstdlib>
#include <regex>
#include <sstream>

namespace retrotcp
{

const std::vector<StackProfile>&
AllProfiles()
{
    static const std::vector<StackProfile> profiles = {
        {"ns3-stock",
         "ns-3.37's own TCP (TcpSocketBase), unchanged: for comparison with the legacy "
         "stacks. Note its known departures from real stacks: RST|ACK in SYN_SENT is "
         "ignored (a refused connect fails only after every SYN), ISN 0, TIME_WAIT "
         "ignores all segments.",
         StackKind::Stock,
         {
             {"ConnTimeout", "3s", "ns-3.37 default (ns3::TcpSocket)"},
             {"ConnCount", "6", "ns-3.37 default: total SYNs, not retries"},
             {"MaxSegLifetime", "120", "ns-3.37 default, seconds (RFC 793 MSL)"},
         }},
    };
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

std::optional<std::string>
CheckParameter(const StackProfile& profile, const std::string& name, const std::string& value)
{
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
    const std::string type = info.checker->GetValueTypeName();
    static const std::regex unsignedRe("^[0-9]{1,19}$");
    static const std::regex signedRe("^-?[0-9]{1,18}$");
    bool ok = false;
    std::string expected;
    if (type == "ns3::TimeValue")
    {
        auto t = ParseDuration(value);
        ok = t && info.checker->Check(ns3::TimeValue(*t));
        expected = "a duration with a unit, such as \"3s\" or \"500ms\"";
    }
    else if (type == "ns3::UintegerValue")
    {
        ok = std::regex_match(value, unsignedRe) &&
             info.checker->Check(ns3::UintegerValue(std::stoull(value)));
        expected = "an integer in " + info.checker->GetUnderlyingTypeInformation();
    }
    else if (type == "ns3::IntegerValue")
    {
        ok = std::regex_match(value, signedRe) &&
             info.checker->Check(ns3::IntegerValue(std::stoll(value)));
        expected = "an integer in " + info.checker->GetUnderlyingTypeInformation();
    }
    else if (type == "ns3::DoubleValue")
    {
        char* end = nullptr;
        double d = std::strtod(value.c_str(), &end);
        ok = !value.empty() && end && *end == '\0' && info.checker->Check(ns3::DoubleValue(d));
        expected = "a number in " + info.checker->GetUnderlyingTypeInformation();
    }
    else if (type == "ns3::BooleanValue")
    {
        ok = value == "true" || value == "false";
        expected = "true or false";
    }
    else if (type == "ns3::EnumValue")
    {
        std::string names = info.checker->GetUnderlyingTypeInformation(); // "a|b|c"
        std::stringstream ss(names);
        std::string choice;
        while (std::getline(ss, choice, '|'))
        {
            ok = ok || choice == value;
        }
        expected = "one of " + names;
    }
    else if (type == "ns3::StringValue")
    {
        ok = true;
    }
    else
    {
        expected = "a parameter that can be set from a scenario (" + name + " is a " + type + ")";
    }
    if (!ok)
    {
        return expected + " (" + info.help + ")";
    }
    return std::nullopt;
}

} // namespace retrotcp
