#ifndef CLOCK_ISN_GENERATOR_H
#define CLOCK_ISN_GENERATOR_H

#include "deferred-random-variable.h"
#include "legacy-tcp-four-tuple.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"
#include "ns3/sequence-number.h"

namespace ns3
{

/**
 * \brief Initial sequence numbers: RFC 793's clock, stepped per connection, or
 * RFC 6528's clock plus a keyed hash of the 4-tuple.
 *
 * RFC 793 p.27: "the ISN generator is bound to a (possibly fictitious) 32 bit
 * clock whose low order bit is incremented roughly every 4 microseconds."
 * Clock mode: ISN = offset + time / 4 us + n x increment (mod 2^32), n being the
 * number of ISNs handed out before; with an increment, two connections opened at
 * the same instant get different ISNs (4.4BSD adds TCP_ISSINCR / 2 = 64,000 to
 * its ISN variable at every connection). Hashed mode (RFC 6528 section 3): ISN =
 * time / 4 us + F(4-tuple, secret); F is a keyed 64-bit mixing function (the RFC
 * suggests a cryptographic hash; for a simulation only the wire shape matters: a
 * different, unpredictable ISN space per 4-tuple). Zero mode: always 0 (stock
 * ns-3). The per-host offset, which is also the secret, is drawn once at first use.
 */
class ClockIsnGenerator
{
  public:
    /// How ISNs are chosen.
    enum Mode
    {
        CLOCK,  //!< RFC 793 clock plus the per-connection increment
        HASHED, //!< RFC 6528: clock plus a keyed hash of the 4-tuple
        ZERO    //!< always 0 (stock ns-3)
    };

    /** \brief Choose the mode. \param mode the mode */
    void SetMode(Mode mode);
    /** \brief Set the per-connection increment. \param increment added per ISN */
    void SetIncrement(uint32_t increment);
    /** \brief Set the offset variable. \param offset drawn once at first use */
    void SetOffsetVariable(Ptr<RandomVariableStream> offset);
    /**
     * \brief Draw the offset from a copy of this variable, made at first use.
     * \param offset the template
     */
    void SetOffsetTemplate(Ptr<RandomVariableStream> offset);
    /** \return the offset variable (or its template) */
    Ptr<RandomVariableStream> GetOffsetVariable() const;
    /** \brief Fix the offset variable's stream. \param stream the stream number */
    void SetStream(int64_t stream);
    /** \return the per-host secret (the offset), drawn now if not yet */
    uint32_t GetSecret();
    /**
     * \brief Next ISN. \param now the simulated time \param key the connection
     * \return the ISN
     */
    SequenceNumber32 Next(Time now, const LegacyTcpFourTuple& key);

  private:
    Mode m_mode{CLOCK};                //!< mode
    uint32_t m_increment{0};           //!< per-connection increment
    uint32_t m_issued{0};              //!< ISNs handed out (clock mode)
    bool m_drawn{false};               //!< offset drawn
    uint32_t m_offset{0};              //!< per-host offset and secret
    DeferredRandomVariable m_variable; //!< offset variable
};

} // namespace ns3

#endif
