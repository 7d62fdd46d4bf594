#ifndef CLOCK_ISN_GENERATOR_H
#define CLOCK_ISN_GENERATOR_H

#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"
#include "ns3/sequence-number.h"

namespace ns3
{

/**
 * \brief RFC 793 initial-sequence-number clock.
 *
 * RFC 793 p.27: "the ISN generator is bound to a (possibly fictitious) 32 bit
 * clock whose low order bit is incremented roughly every 4 microseconds."
 * ISN = offset + simulated time / 4 us (mod 2^32), where the per-host offset is
 * drawn once, at first use, from a random variable (seeded by the run). In zero
 * mode every ISN is 0, as in stock ns-3.
 */
class ClockIsnGenerator
{
  public:
    /** \brief Choose zero mode. \param zero true: every ISN is 0 */
    void SetZeroMode(bool zero);
    /** \brief Set the offset variable. \param offset drawn once at first use */
    void SetOffsetVariable(Ptr<RandomVariableStream> offset);
    /** \return the offset variable */
    Ptr<RandomVariableStream> GetOffsetVariable() const;
    /**
     * \brief Next ISN. \param now the simulated time \return the ISN
     */
    SequenceNumber32 Next(Time now);

  private:
    bool m_zero{false};                   //!< zero mode
    bool m_drawn{false};                  //!< offset drawn
    uint32_t m_offset{0};                 //!< per-host offset
    Ptr<RandomVariableStream> m_variable; //!< offset variable
};

} // namespace ns3

#endif
