#include "outage-error-model.h"

#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(OutageErrorModel);

TypeId
OutageErrorModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::OutageErrorModel")
            .SetParent<ErrorModel>()
            .SetGroupName("RetroTcp")
            .AddConstructor<OutageErrorModel>()
            .AddAttribute("Inner",
                          "The error model that decides outside the outages (default none: "
                          "every frame outside them arrives).",
                          PointerValue(), MakePointerAccessor(&OutageErrorModel::m_inner),
                          MakePointerChecker<ErrorModel>())
            .AddTraceSource("Lost", "A frame arrived during an outage and was lost (packet).",
                            MakeTraceSourceAccessor(&OutageErrorModel::m_lost),
                            "ns3::Packet::TracedCallback");
    return tid;
}

void
OutageErrorModel::AddWindow(const Window& window)
{
    m_windows.push_back(window);
}

bool
OutageErrorModel::IsDown(Time t) const
{
    for (const auto& w : m_windows)
    {
        if (t >= w.down && (w.up.IsNegative() || t < w.up))
        {
            return true;
        }
    }
    return false;
}

bool
OutageErrorModel::DoCorrupt(Ptr<Packet> p)
{
    if (IsDown(Simulator::Now()))
    {
        m_lost(p);
        return true;
    }
    return m_inner && m_inner->IsCorrupt(p);
}

void
OutageErrorModel::DoReset()
{
    if (m_inner)
    {
        m_inner->Reset();
    }
}

} // namespace ns3
