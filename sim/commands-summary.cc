#include "commands-summary.h"

#include "lanman-command.h"

#include <algorithm>
#include <cmath>

namespace retrotcp
{

namespace
{
std::string
KindName(const std::string& command)
{
    ns3::LanmanCommand c;
    std::string error;
    if (!ns3::LanmanCommand::Parse(command, c, error))
    {
        return "other";
    }
    switch (c.kind)
    {
    case ns3::LanmanCommand::LOGON:
        return "net logon";
    case ns3::LanmanCommand::LOGOFF:
        return "net logoff";
    case ns3::LanmanCommand::USE:
        return "net use";
    case ns3::LanmanCommand::USE_DELETE:
        return "net use /d";
    default:
        return "wait";
    }
}

void
Count(RelogonCount& count, const std::string& result)
{
    ++count.commands;
    if (result == "pending")
    {
        ++count.pending;
    }
    else if (result != "ok")
    {
        ++count.failed;
    }
}

nlohmann::ordered_json
RelogonJson(const RelogonCount& c)
{
    double rate = c.FailureRate();
    return {{"commands", c.commands},
            {"failed", c.failed},
            {"pending", c.pending},
            {"failure_rate", rate < 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(rate)}};
}
} // namespace

double
RelogonCount::FailureRate() const
{
    uint64_t finished = commands - pending;
    return finished == 0 ? -1.0 : static_cast<double>(failed) / static_cast<double>(finished);
}

const std::vector<std::string>&
CommandsSummary::ResultWords()
{
    static const std::vector<std::string> words = {
        "ok",           "dos_error_53",   "bad_username_or_password", "dos_error_69",
        "dos_error_85", "net_error_2250", "already_logged_on",        "not_logged_on",
        "pending"};
    return words;
}

const std::vector<std::string>&
CommandsSummary::Kinds()
{
    static const std::vector<std::string> kinds = {"net logon", "net logoff", "net use",
                                                   "net use /d", "wait"};
    return kinds;
}

CommandsSummary
CommandsSummary::Of(const std::vector<ns3::LanmanCommandRecord>& records,
                    const std::function<std::string(const std::string&)>& groupOf,
                    const std::vector<std::string>& groups)
{
    CommandsSummary s;
    for (const auto& g : groups)
    {
        s.relogonByGroup[g] = RelogonCount();
    }
    for (const auto& word : ResultWords())
    {
        s.results[word] = 0;
    }
    for (const auto& kind : Kinds())
    {
        for (const auto& word : ResultWords())
        {
            s.byKind[kind][word] = 0;
        }
    }
    // Per workstation in command order: a `net logon` from "commands" after the
    // first starts a re-logon; the logon_script rows that follow are its script.
    std::vector<const ns3::LanmanCommandRecord*> ordered;
    for (const auto& r : records)
    {
        ordered.push_back(&r);
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
        return a->host != b->host ? a->host < b->host : a->seq < b->seq;
    });
    std::string host;
    uint32_t logons = 0;
    bool inRelogon = false;
    for (const auto* r : ordered)
    {
        if (r->host != host)
        {
            host = r->host;
            logons = 0;
            inRelogon = false;
        }
        std::string kind = KindName(r->command);
        ++s.commands;
        ++s.results[r->result];
        ++s.byKind[kind][r->result];
        if (r->source == "commands")
        {
            inRelogon = kind == "net logon" && ++logons > 1;
        }
        if (inRelogon && kind != "wait")
        {
            Count(s.relogon, r->result);
            Count(s.relogonByGroup[groupOf(r->host)], r->result);
        }
    }
    return s;
}

nlohmann::ordered_json
CommandsSummary::ToJson() const
{
    nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
    for (const auto& kind : Kinds())
    {
        kinds[kind] = byKind.at(kind);
    }
    if (byKind.count("other"))
    {
        kinds["other"] = byKind.at("other");
    }
    nlohmann::ordered_json groups = nlohmann::ordered_json::object();
    for (const auto& [group, count] : relogonByGroup)
    {
        groups[group] = RelogonJson(count);
    }
    nlohmann::ordered_json words = nlohmann::ordered_json::object();
    for (const auto& word : ResultWords())
    {
        words[word] = results.at(word);
    }
    for (const auto& [word, n] : results)
    {
        if (!words.contains(word))
        {
            words[word] = n;
        }
    }
    return {{"commands", commands},
            {"results", words},
            {"by_kind", kinds},
            {"relogon", RelogonJson(relogon)},
            {"relogon_by_group", groups}};
}

} // namespace retrotcp
