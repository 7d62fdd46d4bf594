#include "client-traits-analyzer.h"

#include <algorithm>
#include <map>

namespace retrotcp::fit
{

namespace
{
// The most frequent value and how often it occurs.
template<typename T>
std::pair<T, uint32_t>
MostFrequent(const std::vector<T>& values)
{
    std::map<T, uint32_t> counts;
    for (const auto& v : values)
    {
        ++counts[v];
    }
    auto best = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it)
    {
        if (it->second > best->second)
        {
            best = it;
        }
    }
    return {best->first, best->second};
}

Estimate
Count(const std::string& name, double value, uint32_t samples, const std::string& unit,
      const std::string& note)
{
    return {name, Certainty::Measured, value, 0, unit, "", samples, note};
}
} // namespace

ClientTraitsAnalyzer::ClientTraitsAnalyzer(const std::vector<ConnectCall>& calls)
    : m_calls(calls)
{
    if (!m_calls.empty())
    {
        SynFields();
        Ports();
        TimeWait();
    }
}

void
ClientTraitsAnalyzer::SynFields()
{
    std::vector<int> mss;
    std::vector<uint16_t> windows;
    std::vector<int> scales;
    std::vector<std::string> orders;
    std::vector<int> ttls;
    for (const auto& call : m_calls)
    {
        const SynRecord& syn = call.syns.front();
        mss.push_back(syn.options.mss ? int(*syn.options.mss) : -1);
        windows.push_back(syn.window);
        scales.push_back(syn.options.windowScale ? int(*syn.options.windowScale) : -1);
        orders.push_back(syn.options.order.empty() ? "none" : syn.options.order);
        // The initial TTL: the next of 32, 64, 128, 255 at or above the one seen.
        int ttl = syn.ttl;
        ttls.push_back(ttl <= 32 ? 32 : ttl <= 64 ? 64 : ttl <= 128 ? 128 : 255);
    }
    uint32_t n = uint32_t(m_calls.size());
    auto [m, mc] = MostFrequent(mss);
    if (m >= 0)
    {
        m_estimates.Set(Count("SegmentSize", m, mc, "bytes", "MSS option of the SYN"));
    }
    else
    {
        Estimate e{"SegmentSize", Certainty::Unknown, 0, 0, "bytes", "", mc, ""};
        e.note = "the SYNs carry no MSS option";
        m_estimates.Set(e);
    }
    auto [w, wc] = MostFrequent(windows);
    m_estimates.Set(Count("ReceiveWindow", w, wc, "bytes", "window field of the SYN (unscaled)"));
    auto [s, sc] = MostFrequent(scales);
    Estimate scale{"WindowScale",
                   s >= 0 ? Certainty::Measured : Certainty::Unknown,
                   double(std::max(s, 0)),
                   0,
                   "count",
                   "",
                   sc,
                   ""};
    scale.note = s >= 0 ? "window scale option of the SYN" : "no window scale option";
    m_estimates.Set(scale);
    auto [o, oc] = MostFrequent(orders);
    Estimate options{"SynOptions", Certainty::Measured, 0, 0, "", o, oc, ""};
    options.note = "option kinds in wire order (M MSS, N NOP, W window scale, S SACK "
                   "permitted, T timestamps)";
    m_estimates.Set(options);
    auto [t, tc] = MostFrequent(ttls);
    m_estimates.Set(Count("InitialTtl", t, tc, "count", "IPv4 TTL of the SYNs, rounded up"));
    std::string line = "SYN: window " + std::to_string(w) +
                       (m >= 0 ? ", MSS " + std::to_string(m) : std::string(", no MSS option")) +
                       ", options " + o + ", initial TTL " + std::to_string(t);
    if (mc < n || wc < n)
    {
        line += " (most calls; the SYNs differ)";
    }
    m_evidence.push_back({"syn", line});
}

void
ClientTraitsAnalyzer::Ports()
{
    std::vector<uint16_t> ports;
    for (const auto& call : m_calls)
    {
        ports.push_back(call.clientPort);
    }
    auto [lo, hi] = std::minmax_element(ports.begin(), ports.end());
    uint32_t n = uint32_t(ports.size());
    Estimate min{"EphemeralPortMin", Certainty::UpperBound, double(*lo), 0, "port", "", n, ""};
    min.note = "lowest local port seen: the range starts at or below it";
    Estimate max{"EphemeralPortMax", Certainty::LowerBound, double(*hi), 0, "port", "", n, ""};
    max.note = "highest local port seen: the range ends at or above it";
    m_estimates.Set(min);
    m_estimates.Set(max);
    Estimate order{"PortOrder", Certainty::Unknown, 0, 0, "", "", n, ""};
    if (n < 3)
    {
        order.note = "fewer than 3 calls";
        m_cannotTell.push_back("the order of ephemeral ports: fewer than 3 calls");
    }
    else
    {
        std::vector<int> steps;
        for (size_t i = 1; i < ports.size(); ++i)
        {
            steps.push_back(int(ports[i]) - int(ports[i - 1]));
        }
        auto [step, count] = MostFrequent(steps);
        order.certainty = Certainty::Measured;
        if (count * 10 >= steps.size() * 8 && step > 0 && step <= 2)
        {
            order.text = step == 1 ? "sequential" : "sequential, step " + std::to_string(step);
            order.value = step;
        }
        else
        {
            order.text = "random";
            order.note = "no common step between successive calls";
        }
        if (order.note.empty())
        {
            order.note = std::to_string(count) + " of " + std::to_string(steps.size()) +
                         " successive calls step by " + std::to_string(step);
        }
    }
    m_estimates.Set(order);
    m_evidence.push_back({"ports", "local ports " + std::to_string(*lo) + "-" +
                                       std::to_string(*hi) +
                                       (order.text.empty() ? std::string() : ", " + order.text)});
}

void
ClientTraitsAnalyzer::TimeWait()
{
    // A local port used again to the same server port after this client closed
    // first: its TIME-WAIT had ended by then (TIME-WAIT <= the gap). Without
    // that, the capture bounds TIME-WAIT from neither side.
    double bound = -1;
    uint32_t samples = 0;
    for (size_t i = 0; i < m_calls.size(); ++i)
    {
        const ConnectCall& a = m_calls[i];
        if (!a.established || !a.clientClosedFirst)
        {
            continue;
        }
        for (size_t j = i + 1; j < m_calls.size(); ++j)
        {
            const ConnectCall& b = m_calls[j];
            if (b.clientPort == a.clientPort && b.server == a.server &&
                b.serverPort == a.serverPort)
            {
                double gap = double(b.StartNs() - a.lastSegmentNs) * 1e-9;
                bound = bound < 0 ? gap : std::min(bound, gap);
                ++samples;
                break;
            }
        }
    }
    Estimate tw{"TimeWaitDelay", Certainty::Unknown, 0, 0, "s", "", samples, ""};
    if (bound >= 0)
    {
        tw.certainty = Certainty::UpperBound;
        tw.value = bound;
        tw.note = "a local port reused to the same server port after an active close";
        m_evidence.push_back(
            {"time-wait", "a local port is used again " + std::to_string(bound) +
                              " s after the client closed it first: TIME-WAIT at most that"});
    }
    else
    {
        tw.note = "no local port reused to the same server port after an active close";
        m_cannotTell.push_back("TIME-WAIT: no local port reused after an active close");
    }
    m_estimates.Set(tw);
}

const EstimateSet&
ClientTraitsAnalyzer::Estimates() const
{
    return m_estimates;
}

const std::vector<EvidenceLine>&
ClientTraitsAnalyzer::Evidence() const
{
    return m_evidence;
}

const std::vector<std::string>&
ClientTraitsAnalyzer::CannotTell() const
{
    return m_cannotTell;
}

} // namespace retrotcp::fit
