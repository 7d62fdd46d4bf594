#include "workload-draw.h"

#include <cmath>
#include <limits>

namespace ns3
{

Time
DrawWorkloadTime(const Ptr<RandomVariableStream>& variable, Time fixed)
{
    if (!variable)
    {
        return fixed;
    }
    double seconds = variable->GetValue();
    return seconds > 0 ? Seconds(seconds) : Time(0);
}

uint32_t
DrawWorkloadBytes(const Ptr<RandomVariableStream>& variable, uint32_t fixed)
{
    if (!variable)
    {
        return fixed;
    }
    double bytes = std::round(variable->GetValue());
    if (!(bytes > 0))
    {
        return 0;
    }
    constexpr double kMax = std::numeric_limits<uint32_t>::max();
    return bytes >= kMax ? std::numeric_limits<uint32_t>::max() : static_cast<uint32_t>(bytes);
}

int64_t
AssignWorkloadStream(const Ptr<RandomVariableStream>& variable, int64_t stream)
{
    if (!variable)
    {
        return 0;
    }
    variable->SetStream(stream);
    return 1;
}

} // namespace ns3
