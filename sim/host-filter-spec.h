#ifndef RETROTCP_HOST_FILTER_SPEC_H
#define RETROTCP_HOST_FILTER_SPEC_H

#include "host-packet-filter.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace retrotcp
{

/**
 * \brief Read a host's "filter": an array of rules (models/host-filter), first
 * match wins. Each rule: "action" (drop, reject, accept), "reject_with"
 * (tcp-reset, icmp-port-unreachable, icmp-host-unreachable), "direction" (in,
 * out, both), "protocol" (tcp, udp, any), "local_port" and "remote_port" (a port
 * or [first, last]), "syn_only", "from" and "until". Throws ScenarioError.
 */
std::vector<ns3::PacketFilterRule> ParseHostFilter(const nlohmann::json& value,
                                                   const std::string& path,
                                                   const std::string& file);

/// The rules as the resolved scenario.json writes them, every default spelt out.
nlohmann::ordered_json HostFilterJson(const std::vector<ns3::PacketFilterRule>& rules);

} // namespace retrotcp

#endif
