#include "run-progress.h"

#include <iomanip>
#include <ostream>

namespace retrotcp
{

RunProgress::RunProgress(std::ostream& log, ns3::Time end, bool enabled)
    : m_log(log)
    , m_end(end)
    , m_enabled(enabled)
    , m_start(std::chrono::steady_clock::now())
    , m_last(m_start)
{
}

double
RunProgress::WallSeconds() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
}

void
RunProgress::Report(ns3::Time now, uint64_t events)
{
    double share = now.GetSeconds() / m_end.GetSeconds();
    double wall = WallSeconds();
    m_log << "  " << std::fixed << std::setprecision(0) << 100.0 * share << "% simulated "
          << std::setprecision(1) << now.GetSeconds() << " s of " << m_end.GetSeconds()
          << " s, wall " << wall << " s";
    if (share < 1.0)
    {
        // The rest at the pace so far (a storm that ends early finishes sooner).
        m_log << ", about " << (share > 0 ? wall / share * (1.0 - share) : 0.0) << " s left";
    }
    m_log << ", " << events << " events" << std::endl;
    m_reported = true;
}

void
RunProgress::Update(ns3::Time now, uint64_t events)
{
    auto t = std::chrono::steady_clock::now();
    if (m_enabled && t - m_last >= std::chrono::seconds(1))
    {
        m_last = t;
        Report(now, events);
    }
}

void
RunProgress::Finish(ns3::Time now, uint64_t events)
{
    if (m_enabled && m_reported)
    {
        Report(now, events);
        m_log << "  writing the result files" << std::endl;
    }
}

} // namespace retrotcp
