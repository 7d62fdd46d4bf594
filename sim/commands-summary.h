#ifndef RETROTCP_COMMANDS_SUMMARY_H
#define RETROTCP_COMMANDS_SUMMARY_H

#include "lanman-redirector.h"

#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace retrotcp
{

/// Failed and total `net` commands of the re-logons (every `net logon` of a
/// workstation after its first) and of the logon scripts they ran.
struct RelogonCount
{
    uint64_t commands{0}; //!< net commands, pending ones included
    uint64_t failed{0};   //!< result neither ok nor pending
    uint64_t pending{0};  //!< still running when the run ended

    /// failed / (commands - pending); -1 when there is no finished command.
    double FailureRate() const;
};

/**
 * \brief The outcome of every LAN Manager command of a run (commands.csv): counts
 * per result word, per command kind and result word, and the re-logon failure rate
 * overall and per host group (docs/results-format.md defines each).
 */
struct CommandsSummary
{
    uint64_t commands{0};                                          //!< rows of commands.csv
    std::map<std::string, uint64_t> results;                       //!< result word -> commands
    std::map<std::string, std::map<std::string, uint64_t>> byKind; //!< kind -> word -> commands
    RelogonCount relogon;                                          //!< all workstations
    std::map<std::string, RelogonCount> relogonByGroup;            //!< host group -> counts

    /// The result words a redirector reports, "ok" first.
    static const std::vector<std::string>& ResultWords();
    /// The command kinds: "net logon", "net logoff", "net use", "net use /d", "wait".
    static const std::vector<std::string>& Kinds();

    /**
     * \brief Count \p records; \p groupOf names the host group of a host;
     * \p groups (the groups running a redirector) are listed even without a re-logon.
     */
    static CommandsSummary Of(const std::vector<ns3::LanmanCommandRecord>& records,
                              const std::function<std::string(const std::string&)>& groupOf,
                              const std::vector<std::string>& groups);

    /// As summary.json's "lanman_commands".
    nlohmann::ordered_json ToJson() const;
};

} // namespace retrotcp

#endif
