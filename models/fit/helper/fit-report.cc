#include "fit-report.h"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace retrotcp::fit
{

namespace
{
std::string
Fixed(double v, int digits)
{
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << v;
    return out.str();
}

std::string
ValueText(const Estimate& e)
{
    if (!e.text.empty())
    {
        return e.text;
    }
    if (e.certainty == Certainty::Unknown)
    {
        return "?";
    }
    std::string prefix = e.certainty == Certainty::LowerBound   ? ">= "
                         : e.certainty == Certainty::UpperBound ? "<= "
                                                                : "";
    if (e.unit == "s")
    {
        return prefix + Fixed(e.value, 3) + " s";
    }
    if (e.unit == "bytes")
    {
        return prefix + Fixed(e.value, 0) + " bytes";
    }
    return prefix + (std::fabs(e.value - std::round(e.value)) < 1e-9 ? Fixed(e.value, 0)
                                                                     : Fixed(e.value, 3));
}

std::string
UncertaintyText(const Estimate& e)
{
    if (e.certainty != Certainty::Measured || e.uncertainty <= 0)
    {
        return "";
    }
    return e.unit == "s" ? "+-" + Fixed(e.uncertainty * 1000, 3) + " ms"
                         : "+-" + Fixed(e.uncertainty, 3);
}

std::string
Join(const std::vector<std::string>& items, const std::string& sep)
{
    std::string out;
    for (const auto& i : items)
    {
        out += (out.empty() ? "" : sep) + i;
    }
    return out;
}
} // namespace

FitReport::FitReport(const CaptureFit& fit)
    : m_fit(fit)
{
}

double
FitReport::Rel(int64_t ns) const
{
    return double(ns - m_fit.info.firstNs) * 1e-9;
}

void
FitReport::WriteText(std::ostream& out) const
{
    const CaptureInfo& i = m_fit.info;
    out << "capture " << i.path << ": " << i.linkType << ", " << i.frames << " frames, "
        << i.tcpSegments << " TCP segments, " << Fixed(Rel(i.lastNs), 3) << " s, timestamps to "
        << i.resolutionNs << " ns\n";
    for (const auto& w : m_fit.warnings)
    {
        out << "warning: " << w << "\n";
    }
    for (const auto& c : m_fit.clients)
    {
        out << "\nclient " << FormatIpv4(c.client) << ": " << c.calls.size() << " connect calls\n";
        WriteCalls(c, out);
        out << "\n  evidence:\n";
        for (const auto& e : c.evidence)
        {
            out << "    - " << e.text << "\n";
        }
        WriteRanking(c, out);
        WriteParameters(c, out);
        out << "\n  the capture cannot tell:\n";
        for (const auto& line : c.cannotTell)
        {
            out << "    - " << line << "\n";
        }
        if (c.cannotTell.empty())
        {
            out << "    - (nothing the profiles differ in)\n";
        }
        out << "\n  best fit: " << c.best;
        if (c.groups.front().members.size() > 1)
        {
            out << " (its group: " << Join(c.groups.front().members, ", ") << ")";
        }
        std::vector<std::string> o;
        for (const auto& p : c.overrides)
        {
            o.push_back(p.name + "=" + p.value);
        }
        out << (o.empty() ? " as it is" : " with " + Join(o, ", ")) << " (score "
            << Fixed(c.adjusted.logLikelihood, 2) << ", " << c.adjusted.gapsMatched << "/"
            << c.adjusted.gapsCompared << " SYN gaps as predicted)\n";
    }
}

void
FitReport::WriteCalls(const ClientFit& c, std::ostream& out) const
{
    out << "  " << std::left << std::setw(4) << "#" << std::setw(11) << "start_s" << std::setw(7)
        << "local" << std::setw(22) << "server" << std::setw(6) << "SYNs" << std::setw(10)
        << "rtt_ms"
        << "outcome\n";
    for (size_t k = 0; k < c.calls.size(); ++k)
    {
        const ConnectCall& call = c.calls[k];
        double rtt = -1;
        std::vector<std::string> at;
        std::vector<std::string> answers;
        for (const auto& s : call.syns)
        {
            at.push_back(Fixed(double(s.timeNs - call.StartNs()) * 1e-9, 3));
            answers.push_back(SynAnswerName(s.answer));
            if (s.answer != SynAnswer::None && rtt < 0)
            {
                rtt = double(s.answerNs - s.timeNs) * 1e-6;
            }
        }
        out << "  " << std::setw(4) << k + 1 << std::setw(11) << Fixed(Rel(call.StartNs()), 3)
            << std::setw(7) << call.clientPort << std::setw(22)
            << FormatIpv4(call.server) + ":" + std::to_string(call.serverPort) << std::setw(6)
            << call.syns.size() << std::setw(10) << (rtt < 0 ? "-" : Fixed(rtt, 3))
            << c.outcomes[k].word << ": " << c.outcomes[k].detail << "\n"
            << "      SYNs at +" << Join(at, ", ") << " s (answers " << Join(answers, " ")
            << "), ISN " << call.isn << "\n";
    }
}

void
FitReport::WriteRanking(const ClientFit& c, std::ostream& out) const
{
    out << "\n  profiles, best first (a row is a group the capture cannot tell apart; scores are "
           "log-likelihoods, tuned: with the overrides the wire asks for, at 2 each):\n";
    out << "    " << std::left << std::setw(6) << "rank" << std::setw(13) << "probability"
        << std::setw(9) << "tuned" << std::setw(9) << "as is" << std::setw(10) << "gaps ok"
        << "profiles\n";
    int rank = 1;
    for (const auto& g : c.groups)
    {
        out << "    " << std::setw(6) << rank++ << std::setw(13) << Fixed(g.probability, 3)
            << std::setw(9) << Fixed(g.logLikelihood, 2) << std::setw(9) << Fixed(g.score->asIs, 2)
            << std::setw(10)
            << std::to_string(g.score->gapsMatched) + "/" + std::to_string(g.score->gapsCompared)
            << Join(g.members, ", ") << "\n";
        for (const auto& line : g.score->contradictions)
        {
            out << "          x " << line << "\n";
        }
        if (!g.score->overrides.empty())
        {
            out << "          tuned: " << Join(g.score->overrides, ", ") << "\n";
        }
    }
}

void
FitReport::WriteParameters(const ClientFit& c, std::ostream& out) const
{
    out << "\n  parameters from the wire:\n";
    out << "    " << std::left << std::setw(27) << "parameter" << std::setw(16) << "value"
        << std::setw(16) << "uncertainty" << std::setw(13) << "certainty"
        << "note\n";
    for (const auto& e : c.estimates.items)
    {
        out << "    " << std::setw(27) << e.name << std::setw(16) << ValueText(e) << std::setw(16)
            << UncertaintyText(e) << std::setw(13) << CertaintyName(e.certainty) << e.note << "\n";
    }
}

nlohmann::json
FitReport::ClientJson(const ClientFit& c) const
{
    nlohmann::json calls = nlohmann::json::array();
    for (size_t k = 0; k < c.calls.size(); ++k)
    {
        const ConnectCall& call = c.calls[k];
        nlohmann::json syns = nlohmann::json::array();
        for (const auto& s : call.syns)
        {
            nlohmann::json syn = {
                {"time_s", Rel(s.timeNs)}, {"frame", s.frame}, {"answer", SynAnswerName(s.answer)},
                {"window", s.window},      {"ttl", s.ttl},     {"options", s.options.order}};
            if (s.answer != SynAnswer::None)
            {
                syn["answer_delay_s"] = double(s.answerNs - s.timeNs) * 1e-9;
            }
            if (s.options.mss)
            {
                syn["mss"] = *s.options.mss;
            }
            syns.push_back(syn);
        }
        calls.push_back({{"server", FormatIpv4(call.server)},
                         {"server_port", call.serverPort},
                         {"local_port", call.clientPort},
                         {"isn", call.isn},
                         {"start_s", Rel(call.StartNs())},
                         {"syns", syns},
                         {"outcome", c.outcomes[k].word},
                         {"outcome_detail", c.outcomes[k].detail}});
    }
    nlohmann::json params = nlohmann::json::array();
    for (const auto& e : c.estimates.items)
    {
        nlohmann::json p = {{"name", e.name},
                            {"certainty", CertaintyName(e.certainty)},
                            {"unit", e.unit},
                            {"samples", e.samples},
                            {"note", e.note}};
        if (!e.text.empty())
        {
            p["text"] = e.text;
        }
        if (e.certainty != Certainty::Unknown && e.text.empty())
        {
            p["value"] = e.value;
            p["uncertainty"] = e.uncertainty;
        }
        params.push_back(p);
    }
    nlohmann::json ranking = nlohmann::json::array();
    for (const auto& g : c.groups)
    {
        ranking.push_back({{"profiles", g.members},
                           {"probability", g.probability},
                           {"score", g.logLikelihood},
                           {"score_as_is", g.score->asIs},
                           {"overrides", g.score->overrides},
                           {"gaps_compared", g.score->gapsCompared},
                           {"gaps_matched", g.score->gapsMatched},
                           {"extra_syns", g.score->extraSyns},
                           {"missing_syns", g.score->missingSyns},
                           {"contradictions", g.score->contradictions},
                           {"differences", g.differences}});
    }
    nlohmann::json evidence = nlohmann::json::array();
    for (const auto& e : c.evidence)
    {
        evidence.push_back({{"aspect", e.aspect}, {"text", e.text}});
    }
    nlohmann::json overrides = nlohmann::json::object();
    for (const auto& o : c.overrides)
    {
        overrides[o.name] = o.value;
    }
    nlohmann::json rtt = nlohmann::json::object();
    for (const auto& [server, value] : c.serverRtt)
    {
        rtt[FormatIpv4(server)] = value;
    }
    return {{"client", FormatIpv4(c.client)},
            {"calls", calls},
            {"evidence", evidence},
            {"ranking", ranking},
            {"parameters", params},
            {"cannot_tell", c.cannotTell},
            {"jitter_s", c.jitter},
            {"server_rtt_s", rtt},
            {"best",
             {{"profile", c.best},
              {"overrides", overrides},
              {"score", c.adjusted.logLikelihood},
              {"gaps_compared", c.adjusted.gapsCompared},
              {"gaps_matched", c.adjusted.gapsMatched}}}};
}

nlohmann::json
FitReport::Json() const
{
    const CaptureInfo& i = m_fit.info;
    nlohmann::json clients = nlohmann::json::array();
    for (const auto& c : m_fit.clients)
    {
        clients.push_back(ClientJson(c));
    }
    return {{"capture",
             {{"path", i.path},
              {"link_type", i.linkType},
              {"frames", i.frames},
              {"tcp_segments", i.tcpSegments},
              {"other_frames", i.otherFrames},
              {"duration_s", Rel(i.lastNs)},
              {"first_frame_epoch_s", double(i.firstNs) * 1e-9},
              {"timestamp_resolution_ns", i.resolutionNs},
              {"duplicate_syns", m_fit.duplicates},
              {"truncated", !i.truncation.empty()}}},
            {"warnings", m_fit.warnings},
            {"clients", clients}};
}

} // namespace retrotcp::fit
