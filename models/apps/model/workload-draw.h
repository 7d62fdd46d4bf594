#ifndef RETROTCP_WORKLOAD_DRAW_H
#define RETROTCP_WORKLOAD_DRAW_H

#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>

namespace ns3
{

/**
 * \brief A duration of a workload: drawn from \p variable (a value in seconds,
 * negative values taken as 0) when one is set, else \p fixed.
 * \param variable the variable, or null \param fixed the constant \return the duration
 */
Time DrawWorkloadTime(const Ptr<RandomVariableStream>& variable, Time fixed);

/**
 * \brief A size of a workload: drawn from \p variable (rounded to the nearest
 * byte, within 0 to 2^32 - 1) when one is set, else \p fixed.
 * \param variable the variable, or null \param fixed the constant \return the size
 */
uint32_t DrawWorkloadBytes(const Ptr<RandomVariableStream>& variable, uint32_t fixed);

/**
 * \brief Fix the stream of \p variable, if set (ns-3's AssignStreams convention).
 * \param variable the variable, or null \param stream the stream number
 * \return the streams used: 1 if set, else 0
 */
int64_t AssignWorkloadStream(const Ptr<RandomVariableStream>& variable, int64_t stream);

} // namespace ns3

#endif
