#ifndef RETROTCP_SCHEDULER_CHOICE_H
#define RETROTCP_SCHEDULER_CHOICE_H

#include <string>
#include <vector>

namespace retrotcp
{

/// The scheduler retrotcp runs with unless told otherwise (docs/performance.md).
extern const char* const kDefaultScheduler;

/** \return the names --scheduler accepts: map, heap, calendar, list, priority */
const std::vector<std::string>& SchedulerNames();

/**
 * \param name one of SchedulerNames()
 * \return the ns-3 TypeId name, e.g. "ns3::MapScheduler"
 * \throw std::invalid_argument for an unknown name
 */
std::string SchedulerTypeName(const std::string& name);

/**
 * \brief Make ns-3 use this scheduler (before any event is scheduled). All
 * schedulers run events in the same order (time, then scheduling order), so
 * results do not depend on the choice; speed does.
 * \param name one of SchedulerNames()
 */
void UseScheduler(const std::string& name);

} // namespace retrotcp

#endif
