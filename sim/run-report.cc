#include "run-report.h"

#include <iomanip>
#include <ostream>

namespace retrotcp
{

namespace
{
// Captures beyond this many are counted, not listed.
constexpr size_t kListedCaptures = 6;

void
PrintFiles(const RunResult& result, const std::string& outDir, std::ostream& out)
{
    out << "  results in " << outDir << "/:";
    size_t captures = 0;
    for (const auto& f : result.files)
    {
        captures += f.rfind("pcap/", 0) == 0 ? 1 : 0;
    }
    for (const auto& f : result.files)
    {
        if (f.rfind("pcap/", 0) != 0 || captures <= kListedCaptures)
        {
            out << " " << f;
        }
    }
    if (captures > kListedCaptures)
    {
        out << " pcap/ (" << captures << " captures, one per interface)";
    }
    out << "\n";
}
} // namespace

void
PrintRunReport(const RunResult& result, const std::string& outDir, std::ostream& out)
{
    out << "  connections: " << result.connections;
    std::string sep = "  (";
    for (const auto& [word, count] : result.outcomes)
    {
        if (count > 0)
        {
            out << sep << word << " " << count;
            sep = ", ";
        }
    }
    out << (sep == ", " ? ")" : "") << "\n";
    out << std::fixed << std::setprecision(3) << "  simulated " << result.simulatedSeconds
        << " s in " << result.wallSeconds << " s wall; " << result.eventsExecuted
        << " simulator events, " << result.events << " traced events\n";
    PrintFiles(result, outDir, out);
    out << std::flush;
}

} // namespace retrotcp
