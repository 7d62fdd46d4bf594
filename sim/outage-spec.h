#ifndef RETROTCP_OUTAGE_SPEC_H
#define RETROTCP_OUTAGE_SPEC_H

#include "outage-error-model.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace retrotcp
{

class JsonReader;

/// Outage windows: a host switched off ("off" .. "on"), a WAN link down ("down" .. "up").
using OutageWindows = std::vector<ns3::OutageErrorModel::Window>;

/**
 * \brief Read \p key of \p r: an array of {startKey: duration, endKey: duration}
 * windows in time order, each end after its start and before the next start; only
 * the last may leave out its end (to the end of the run). Throws ScenarioError.
 */
OutageWindows ReadOutageWindows(const JsonReader& r, const char* key, const char* startKey,
                                const char* endKey);

/// The windows as scenario.json writes them.
nlohmann::ordered_json OutageWindowsJson(const OutageWindows& windows, const char* startKey,
                                         const char* endKey);

/**
 * \brief The times a host is on: the complement of its off windows within [0, end).
 * \param off the off windows \param end the end of the run \return [on, off) windows
 * (an off time below zero: to the end)
 */
OutageWindows PoweredWindows(const OutageWindows& off, ns3::Time end);

} // namespace retrotcp

#endif
