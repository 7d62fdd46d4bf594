#ifndef RETROTCP_APPLICATION_KIND_H
#define RETROTCP_APPLICATION_KIND_H

#include "scenario.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace retrotcp
{

class ApplicationSite;
struct HostInstance;
struct DistributionSpec;
struct HostSockets;

/// What the references of one application are checked against.
struct ReferenceScope
{
    const Scenario& scenario;           //!< the whole scenario
    const std::set<std::string>& hosts; //!< every host name (group members included)
    const HostSpec& host;               //!< the host the application runs on
};

/// What one application adds to a run's memory (memory-estimate.h), per host.
struct ApplicationLoad
{
    uint64_t connections{0}; //!< connection attempts (records kept to the end)
    uint64_t alive{0};       //!< sockets open at one time, at most
    uint64_t commands{0};    //!< LAN Manager command records
};

/// A port an application listens on, for the one-listener-per-port check.
struct ListenedPort
{
    uint16_t port;   //!< the port
    std::string key; //!< JSON key that names it ("/port"), or "" if implied by the type
};

/**
 * \brief One application type of the scenario format ("type": "connect", ...):
 * everything the loader, the checks, the resolved scenario.json, the memory
 * estimate and the runner do with it. A new application type is one entry in
 * ApplicationKinds() (application-kinds.cc) plus its part of scenarios/schema.json.
 */
struct ApplicationKind
{
    const char* type; //!< the JSON "type"

    /// Read the application object at \p path into \p app (throws ScenarioError).
    void (*parse)(const nlohmann::json& value, const std::string& path, const std::string& file,
                  AppSpec& app);

    /// Check what the application names (hosts, ...) against the scenario.
    void (*checkReferences)(const ReferenceScope& scope, const AppSpec& app);

    /// The port it listens on, if any.
    std::optional<ListenedPort> (*listens)(const AppSpec& app);

    /// Its object in the resolved scenario.json, every default spelt out.
    nlohmann::ordered_json (*resolved)(const AppSpec& app);

    /// What one host running it holds (memory-estimate.cc).
    ApplicationLoad (*load)(const HostSpec& host, const AppSpec& app);

    /// Install it on one host of the run.
    void (*install)(ApplicationSite& site, const HostInstance& host, const HostSockets& sockets,
                    const AppSpec& app);

    /// Its random workload values, for the check that stream names are unique;
    /// nullptr for a kind that draws none.
    std::vector<const DistributionSpec*> (*draws)(const AppSpec& app) = nullptr;
};

/// Every application type, in the order error messages list them.
const std::vector<const ApplicationKind*>& ApplicationKinds();

/// The kind of "type": \p type, or nullptr.
const ApplicationKind* FindApplicationKind(const std::string& type);

/// The kind of a parsed application (its type was checked by the loader).
const ApplicationKind& KindOf(const AppSpec& app);

/// The entries of ApplicationKinds(), one per kind file.
const ApplicationKind& ConnectApplicationKind();
const ApplicationKind& ServiceApplicationKind();
const ApplicationKind& LanmanRedirectorApplicationKind();
const ApplicationKind& LanmanServerApplicationKind();
const ApplicationKind& CraftedApplicationKind();

} // namespace retrotcp

#endif
