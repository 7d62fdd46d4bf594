#ifndef RETROTCP_RUN_REPORT_H
#define RETROTCP_RUN_REPORT_H

#include "runner.h"

#include <iosfwd>
#include <string>

namespace retrotcp
{

/**
 * \brief The summary `retrotcp run` prints after a run: connection outcomes, LAN
 * Manager command results, time and events, the files written (captures counted,
 * not listed, when there are many).
 */
void PrintRunReport(const RunResult& result, const std::string& outDir, std::ostream& out);

} // namespace retrotcp

#endif
