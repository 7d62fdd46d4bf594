#ifndef FIT_FIT_REPORT_H
#define FIT_FIT_REPORT_H

#include "capture-fitter.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace retrotcp::fit
{

/**
 * \brief Writes a CaptureFit for people (tables of calls, evidence, ranked
 * profiles, parameters, what the capture cannot tell) and for programs (JSON,
 * the same content; times in seconds from the capture's first frame).
 */
class FitReport
{
  public:
    explicit FitReport(const CaptureFit& fit);

    /// The tables.
    void WriteText(std::ostream& out) const;
    /// The JSON document.
    nlohmann::json Json() const;

  private:
    void WriteCalls(const ClientFit& client, std::ostream& out) const;
    void WriteRanking(const ClientFit& client, std::ostream& out) const;
    void WriteParameters(const ClientFit& client, std::ostream& out) const;
    nlohmann::json ClientJson(const ClientFit& client) const;
    double Rel(int64_t ns) const;

    const CaptureFit& m_fit;
};

} // namespace retrotcp::fit

#endif
