#include "time-registry.h"

#include "ns3/simulator.h"

namespace ns3
{

bool
EndTimeRegistry()
{
    // Only before anything ran or was scheduled: IsFinished() is also true when a
    // run was stopped with events pending, and a run now would resume them.
    if (!Simulator::IsFinished() || !Simulator::Now().IsZero())
    {
        return false;
    }
    // Simulator::Run() clears the registry before its first event; with nothing
    // scheduled it returns at once, and the clock stays at 0.
    Simulator::Run();
    return true;
}

} // namespace ns3
