#include "scheduler-choice.h"

#include "ns3/object-factory.h"
#include "ns3/simulator.h"

#include <map>
#include <stdexcept>

namespace retrotcp
{

const char* const kDefaultScheduler = "priority";

const std::vector<std::string>&
SchedulerNames()
{
    static const std::vector<std::string> names{"map", "heap", "calendar", "list", "priority"};
    return names;
}

std::string
SchedulerTypeName(const std::string& name)
{
    static const std::map<std::string, std::string> types = {
        {"map", "ns3::MapScheduler"},
        {"heap", "ns3::HeapScheduler"},
        {"calendar", "ns3::CalendarScheduler"},
        {"list", "ns3::ListScheduler"},
        {"priority", "ns3::PriorityQueueScheduler"},
    };
    auto it = types.find(name);
    if (it == types.end())
    {
        throw std::invalid_argument("unknown scheduler \"" + name +
                                    "\" (map, heap, calendar, list, priority)");
    }
    return it->second;
}

void
UseScheduler(const std::string& name)
{
    ns3::ObjectFactory factory;
    factory.SetTypeId(SchedulerTypeName(name));
    ns3::Simulator::SetScheduler(factory);
}

} // namespace retrotcp
