#include "host-filter-spec.h"

#include "json-reader.h"
#include "scenario-error.h"
#include "units.h"

namespace retrotcp
{

using namespace ns3;
using nlohmann::json;
using nlohmann::ordered_json;

namespace
{

const std::vector<std::string> kDirections = {"in", "out", "both"};
const std::vector<std::string> kProtocols = {"tcp", "udp", "any"};
// iptables' names for the answers of a REJECT target.
const std::vector<std::string> kRejectWith = {"tcp-reset", "icmp-port-unreachable",
                                              "icmp-host-unreachable"};

size_t
IndexOf(const std::vector<std::string>& list, const std::string& word)
{
    for (size_t i = 0; i < list.size(); ++i)
    {
        if (list[i] == word)
        {
            return i;
        }
    }
    return 0;
}

PacketFilterRule
ParseRule(const json& value, const std::string& path, const std::string& file)
{
    JsonReader r(value, path, file,
                 {"action", "reject_with", "direction", "protocol", "local_port", "remote_port",
                  "syn_only", "from", "until"});
    PacketFilterRule rule;
    std::string action = r.Choice("action", {"drop", "reject", "accept"}, "");
    if (action.empty())
    {
        r.Fail("action", "one of drop, reject, accept");
    }
    rule.direction = static_cast<PacketFilterRule::Direction>(
        IndexOf(kDirections, r.Choice("direction", kDirections, "in")));
    rule.protocol = static_cast<PacketFilterRule::Protocol>(
        IndexOf(kProtocols, r.Choice("protocol", kProtocols, "tcp")));
    std::tie(rule.localFirst, rule.localLast) = r.PortRange("local_port", {0, 65535});
    std::tie(rule.remoteFirst, rule.remoteLast) = r.PortRange("remote_port", {0, 65535});
    rule.synOnly = r.Bool("syn_only", false);
    if (rule.synOnly && rule.protocol == PacketFilterRule::UDP)
    {
        r.Fail("syn_only", "no \"syn_only\" with \"protocol\": \"udp\" (SYN is a TCP flag)");
    }
    rule.from = r.Duration("from", Time(0));
    rule.until = r.Duration("until", Time(-1));
    if (r.Has("until") && rule.until <= rule.from)
    {
        r.Fail("until", "a time after \"from\"");
    }
    if (r.Has("reject_with") && action != "reject")
    {
        r.Fail("reject_with", "no \"reject_with\" unless \"action\" is \"reject\"");
    }
    if (action == "drop")
    {
        rule.action = PacketFilterRule::DROP;
    }
    else if (action == "accept")
    {
        rule.action = PacketFilterRule::ACCEPT;
    }
    else
    {
        // A closed TCP port answers with a reset (RFC 793 p.36); UDP with ICMP port
        // unreachable (RFC 1122 4.1.3.1).
        std::string fallback =
            rule.protocol == PacketFilterRule::UDP ? "icmp-port-unreachable" : "tcp-reset";
        std::string with = r.Choice("reject_with", kRejectWith, fallback);
        if (with == "tcp-reset" && rule.protocol == PacketFilterRule::UDP)
        {
            r.Fail("reject_with", "icmp-port-unreachable or icmp-host-unreachable for "
                                  "\"protocol\": \"udp\" (a reset is TCP's)");
        }
        if (rule.direction == PacketFilterRule::OUT)
        {
            r.Fail("action", "drop or accept for \"direction\": \"out\" (a host does not "
                             "answer its own packets: leaving packets are only dropped)");
        }
        rule.action = with == "tcp-reset"               ? PacketFilterRule::REJECT_RESET
                      : with == "icmp-port-unreachable" ? PacketFilterRule::REJECT_PORT_UNREACH
                                                        : PacketFilterRule::REJECT_HOST_UNREACH;
    }
    return rule;
}

ordered_json
PortJson(uint16_t first, uint16_t last)
{
    if (first == last)
    {
        return first;
    }
    return ordered_json::array({first == 0 ? 1 : first, last});
}

} // namespace

std::vector<PacketFilterRule>
ParseHostFilter(const json& value, const std::string& path, const std::string& file)
{
    if (!value.is_array())
    {
        throw ScenarioError(file, path, "an array of filter rules", JsonReader::Describe(value));
    }
    std::vector<PacketFilterRule> rules;
    for (size_t i = 0; i < value.size(); ++i)
    {
        rules.push_back(ParseRule(value[i], path + "/" + std::to_string(i), file));
    }
    return rules;
}

ordered_json
HostFilterJson(const std::vector<PacketFilterRule>& rules)
{
    ordered_json list = ordered_json::array();
    for (const auto& rule : rules)
    {
        ordered_json j;
        switch (rule.action)
        {
        case PacketFilterRule::DROP:
            j["action"] = "drop";
            break;
        case PacketFilterRule::ACCEPT:
            j["action"] = "accept";
            break;
        default:
            j["action"] = "reject";
            j["reject_with"] = rule.action == PacketFilterRule::REJECT_RESET ? kRejectWith[0]
                               : rule.action == PacketFilterRule::REJECT_PORT_UNREACH
                                   ? kRejectWith[1]
                                   : kRejectWith[2];
        }
        j["direction"] = kDirections[rule.direction];
        j["protocol"] = kProtocols[rule.protocol];
        j["local_port"] = PortJson(rule.localFirst, rule.localLast);
        j["remote_port"] = PortJson(rule.remoteFirst, rule.remoteLast);
        j["syn_only"] = rule.synOnly;
        j["from"] = FormatDuration(rule.from);
        if (rule.until >= Time(0))
        {
            j["until"] = FormatDuration(rule.until);
        }
        list.push_back(j);
    }
    return list;
}

} // namespace retrotcp
