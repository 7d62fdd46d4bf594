#include "fit-profiles.h"

#include "ns3/nstime.h"
#include "ns3/type-id.h"
#include "units.h"

#include <cstdlib>

namespace retrotcp
{

namespace
{
// The value text of an attribute for a profile: its own value, else the
// attribute's default (TypeId initial value), or "" if there is no such attribute.
std::string
AttributeText(const StackProfile& profile, const std::string& name)
{
    for (const auto& v : profile.values)
    {
        if (v.parameter == name)
        {
            return v.value;
        }
    }
    ns3::TypeId::AttributeInformation info;
    if (!ns3::TypeId::LookupByName(ParameterTypeId(profile)).LookupAttributeByName(name, &info))
    {
        return "";
    }
    if (auto time = ns3::DynamicCast<const ns3::TimeValue>(info.initialValue))
    {
        return FormatDuration(time->Get());
    }
    return info.initialValue->SerializeToString(info.checker);
}

double
Seconds(const StackProfile& profile, const std::string& name)
{
    auto t = ParseDuration(AttributeText(profile, name));
    return t ? t->GetSeconds() : 0.0;
}

unsigned long
Integer(const StackProfile& profile, const std::string& name)
{
    return std::strtoul(AttributeText(profile, name).c_str(), nullptr, 10);
}

fit::StackCandidate
Legacy(const StackProfile& p)
{
    fit::StackCandidate c;
    c.name = p.name;
    std::string policy = AttributeText(p, "ConnectRetryPolicy");
    c.rstReaction = policy == "Winsock" ? fit::RstReaction::Retry : fit::RstReaction::Fail;
    c.rstRetryInterval = Seconds(p, "RstRetryInterval");
    c.maxRetransmissions = uint32_t(Integer(p, "MaxConnectRetransmissions"));
    c.synInitialTimeout = Seconds(p, "SynInitialTimeout");
    c.synTimeoutCap = Seconds(p, "SynTimeoutCap");
    c.synLinearRetries = uint32_t(Integer(p, "SynLinearRetries"));
    c.connectTimeout = Seconds(p, "ConnectTimeout");
    double delay = Seconds(p, "TimeWaitDelay");
    c.timeWait = delay > 0 ? delay : 2 * Seconds(p, "Msl");
    c.portMin = uint16_t(Integer(p, "EphemeralPortMin"));
    c.portMax = uint16_t(Integer(p, "EphemeralPortMax"));
    c.mss = uint16_t(Integer(p, "SegmentSize"));
    c.synWindow = uint16_t(std::min<unsigned long>(Integer(p, "ReceiveWindow"), 65535));
    return c;
}

fit::StackCandidate
Stock(const StackProfile& p)
{
    // ns-3.37's TcpSocketBase: a RST|ACK in SYN_SENT is ignored, ConnCount is the
    // number of SYNs, the timeout doubles without a cap, ephemeral ports
    // 49152-65535 (Ipv4EndPointDemux), no MSS option; window not modelled here.
    fit::StackCandidate c;
    c.name = p.name;
    c.rstReaction = fit::RstReaction::Ignore;
    c.synInitialTimeout = Seconds(p, "ConnTimeout");
    unsigned long count = Integer(p, "ConnCount");
    c.maxRetransmissions = count > 0 ? uint32_t(count - 1) : 0;
    c.timeWait = 2 * std::strtod(AttributeText(p, "MaxSegLifetime").c_str(), nullptr);
    c.portMin = 49152;
    c.portMax = 65535;
    c.mss.reset();
    c.synWindow.reset();
    c.settable = {"SynInitialTimeout", "MaxConnectRetransmissions"}; // ConnTimeout, ConnCount
    return c;
}
} // namespace

std::vector<fit::StackCandidate>
FitCandidates()
{
    std::vector<fit::StackCandidate> out;
    for (const auto& p : AllProfiles())
    {
        out.push_back(p.kind == StackKind::Stock ? Stock(p) : Legacy(p));
    }
    return out;
}

std::map<std::string, std::string>
ReplayParameters(const StackProfile& profile, const std::vector<fit::ParameterOverride>& overrides,
                 std::vector<std::string>& dropped)
{
    std::map<std::string, std::string> out;
    for (const auto& o : overrides)
    {
        if (profile.kind == StackKind::Legacy)
        {
            out[o.name] = o.value;
        }
        else if (o.name == "SynInitialTimeout")
        {
            out["ConnTimeout"] = o.value;
        }
        else if (o.name == "MaxConnectRetransmissions")
        {
            out["ConnCount"] = std::to_string(std::stoul(o.value) + 1);
        }
        else
        {
            dropped.push_back(o.name + "=" + o.value);
        }
    }
    return out;
}

} // namespace retrotcp
