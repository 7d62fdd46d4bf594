#ifndef DEFERRED_RANDOM_VARIABLE_H
#define DEFERRED_RANDOM_VARIABLE_H

#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>

namespace ns3
{

/**
 * \brief A per-host random variable made at its first draw.
 *
 * Either the variable is set (it is used as is), or a template is: then a
 * variable of the template's type and attribute values is made when first needed,
 * with the stream fixed before by SetStream. Its values are those the template's
 * copy would have drawn from that stream, and a host that never draws costs no
 * variable (an ns-3 random variable and its generator state are about 500 bytes
 * and 75,000 instructions to make from an attribute string).
 */
class DeferredRandomVariable
{
  public:
    /** \brief Use this variable. \param variable the variable (null: none) */
    void Set(Ptr<RandomVariableStream> variable);
    /** \brief Make a copy of this variable at the first draw. \param variable the template */
    void SetTemplate(Ptr<RandomVariableStream> variable);
    /** \return the variable, or the template if none was made yet (null if neither) */
    Ptr<RandomVariableStream> Peek() const;
    /**
     * \brief Fix the stream of the variable, or of the one still to be made.
     * \param stream the stream number
     */
    void SetStream(int64_t stream);
    /** \return the variable, made now from the template if need be (null if neither) */
    Ptr<RandomVariableStream> Get();

  private:
    Ptr<RandomVariableStream> m_variable; //!< the variable
    Ptr<RandomVariableStream> m_template; //!< what to make it from
    int64_t m_stream{-1};                 //!< its stream, -1 = ns-3 picks one
};

} // namespace ns3

#endif
