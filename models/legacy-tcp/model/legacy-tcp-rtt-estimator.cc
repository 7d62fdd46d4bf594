#include "legacy-tcp-rtt-estimator.h"

#include <algorithm>

namespace ns3
{

void
LegacyTcpRttEstimator::Reset(Time initialRto)
{
    m_rto = initialRto;
    m_valid = false;
    m_timing = false;
}

Time
LegacyTcpRttEstimator::GetRto() const
{
    return m_rto;
}

void
LegacyTcpRttEstimator::Sample(Time rtt, Time minRto, Time maxRto)
{
    if (!m_valid)
    {
        m_srtt = rtt;
        m_rttVar = rtt / 2;
        m_valid = true;
    }
    else
    {
        Time err = rtt > m_srtt ? rtt - m_srtt : m_srtt - rtt;
        m_rttVar = (m_rttVar * 3 + err) / 4;
        m_srtt = (m_srtt * 7 + rtt) / 8;
    }
    Time rto = m_srtt + m_rttVar * 4;
    rto = std::max(rto, minRto);
    m_rto = std::min(rto, maxRto);
}

void
LegacyTcpRttEstimator::Backoff(Time maxRto)
{
    m_rto = std::min(m_rto * 2, maxRto);
}

bool
LegacyTcpRttEstimator::IsTiming() const
{
    return m_timing;
}

void
LegacyTcpRttEstimator::StartTiming(SequenceNumber32 seq, Time now)
{
    m_timing = true;
    m_seq = seq;
    m_start = now;
}

void
LegacyTcpRttEstimator::StopTiming()
{
    m_timing = false;
}

void
LegacyTcpRttEstimator::OnAck(SequenceNumber32 ack, Time now, Time minRto, Time maxRto)
{
    if (m_timing && ack > m_seq)
    {
        Sample(now - m_start, minRto, maxRto);
        m_timing = false;
    }
}

} // namespace ns3
