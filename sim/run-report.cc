#include "run-report.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <ostream>
#include <sstream>

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
// "ok 19, dos_error_53 6": the words with a count, in \p order.
std::string
Counts(const std::map<std::string, uint64_t>& counts, const std::vector<std::string>& order)
{
    std::string text;
    auto add = [&](const std::string& word, uint64_t n) {
        if (n > 0)
        {
            text += (text.empty() ? "" : ", ") + word + " " + std::to_string(n);
        }
    };
    for (const auto& word : order)
    {
        auto it = counts.find(word);
        add(word, it == counts.end() ? 0 : it->second);
    }
    for (const auto& [word, n] : counts)
    {
        if (std::find(order.begin(), order.end(), word) == order.end())
        {
            add(word, n);
        }
    }
    return text;
}

// "refused 1 (1.5 s, 4 SYNs)": count, mean time to outcome, mean SYNs sent.
void
PrintProfiles(const RunResult& result, std::ostream& out)
{
    size_t width = 0;
    for (const auto& [profile, outcomes] : result.byProfile)
    {
        width = std::max(width, profile.size());
    }
    out << "  connect() by profile: outcome count (mean time to outcome, mean SYNs sent)\n";
    for (const auto& [profile, outcomes] : result.byProfile)
    {
        out << "    " << std::left << std::setw(static_cast<int>(width)) << profile << std::right;
        std::string sep = "  ";
        for (const auto& [word, s] : outcomes)
        {
            std::ostringstream text;
            text << word << " " << s.count << " (";
            if (s.timed > 0)
            {
                text << std::setprecision(4) << s.secondsToOutcome / static_cast<double>(s.timed)
                     << " s, ";
            }
            double syns = static_cast<double>(s.synsSent) / static_cast<double>(s.count);
            text << std::setprecision(3) << syns << (syns == 1.0 ? " SYN)" : " SYNs)");
            out << sep << text.str();
            sep = ", ";
        }
        out << "\n";
    }
}

void
PrintCommands(const CommandsSummary& c, std::ostream& out)
{
    const auto& words = CommandsSummary::ResultWords();
    out << "  LAN Manager commands: " << c.commands << "  (" << Counts(c.results, words) << ")\n";
    std::string kinds;
    for (const auto& [kind, counts] : c.byKind)
    {
        std::string text = Counts(counts, words);
        if (!text.empty())
        {
            kinds += (kinds.empty() ? "" : "; ") + kind + ": " + text;
        }
    }
    out << "    " << kinds << "\n";
    if (c.relogon.commands == 0)
    {
        return;
    }
    out << "  re-logon: failed net commands (re-logon and its script):";
    std::string sep = " ";
    for (const auto& [group, count] : c.relogonByGroup)
    {
        if (count.commands == 0)
        {
            continue;
        }
        out << sep << group << " " << count.failed << " of " << count.commands - count.pending;
        if (count.FailureRate() >= 0)
        {
            out << " (" << std::lround(100 * count.FailureRate()) << "%)";
        }
        sep = ", ";
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
    if (!result.byProfile.empty())
    {
        PrintProfiles(result, out);
    }
    if (result.commands)
    {
        PrintCommands(*result.commands, out);
    }
    out << std::fixed << std::setprecision(3) << "  simulated " << result.simulatedSeconds
        << " s in " << result.wallSeconds << " s wall; " << result.eventsExecuted
        << " simulator events, " << result.events << " traced events\n";
    PrintFiles(result, outDir, out);
    out << std::flush;
}

} // namespace retrotcp
