#ifndef LEGACY_TCP_RTT_ESTIMATOR_H
#define LEGACY_TCP_RTT_ESTIMATOR_H

#include "ns3/nstime.h"
#include "ns3/sequence-number.h"

namespace ns3
{

/**
 * \brief A connection's retransmission timeout: Jacobson/Karels smoothing (RFC
 * 6298 2.2-2.3, clock granularity ignored), bounded by MinRto and MaxRto,
 * doubled on each retransmission, and Karn's rule (time only new data, one
 * segment at a time).
 */
class LegacyTcpRttEstimator
{
  public:
    /** \brief Forget every sample. \param initialRto RTO before the first sample */
    void Reset(Time initialRto);
    /** \return the current RTO */
    Time GetRto() const;
    /**
     * \brief Take a sample. \param rtt the sample
     * \param minRto lower bound \param maxRto upper bound
     */
    void Sample(Time rtt, Time minRto, Time maxRto);
    /** \brief Double the RTO (a retransmission or probe). \param maxRto upper bound */
    void Backoff(Time maxRto);

    /** \return true if a segment is being timed */
    bool IsTiming() const;
    /**
     * \brief Time a segment (Karn: new data only). \param seq its first byte
     * \param now when it left
     */
    void StartTiming(SequenceNumber32 seq, Time now);
    /** \brief Stop timing (a retransmission makes the sample ambiguous). */
    void StopTiming();
    /**
     * \brief An ACK arrived: if it covers the timed segment, take the sample.
     * \param ack SEG.ACK \param now arrival \param minRto bound \param maxRto bound
     */
    void OnAck(SequenceNumber32 ack, Time now, Time minRto, Time maxRto);

  private:
    Time m_rto;             //!< current RTO
    Time m_srtt;            //!< smoothed RTT
    Time m_rttVar;          //!< RTT variation
    bool m_valid{false};    //!< have a sample
    bool m_timing{false};   //!< timing a segment
    SequenceNumber32 m_seq; //!< the timed sequence number
    Time m_start;           //!< when it was sent
};

} // namespace ns3

#endif
