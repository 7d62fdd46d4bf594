#include "lanman-stack-config.h"

#include "lanman-redirector.h"

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace ns3
{

const char* const LanmanStackConfig::kMslSource =
    "assumption: Q94246 calls it 'a short delay' and its workaround waits 5 s between net "
    "logoff and net logon, so 2 x MSL = 4 s < 5 s";

namespace
{
// Q94246: "NSESSIONS = The number of telnet connections ... defaults to 2."
constexpr uint32_t kDefaultNSessions = 2;
// Assumption (see kMslSource): 2 x MSL = 4 s.
constexpr double kDefaultMslSeconds = 2.0;

/// One row of the TCPWINDOWSIZE table: one window per connection, all of them
/// buffered in one 64 KB segment.
struct WindowSizeRow
{
    uint32_t maxConnections; //!< TCPCONNECTIONS up to this
    uint32_t window;         //!< TCPWINDOWSIZE default, bytes
    const char* connections; //!< the row's TCPCONNECTIONS range, as text
};

const WindowSizeRow&
WindowRow(uint32_t connections)
{
    static const WindowSizeRow rows[] = {
        {6, 5800, "1-6"},
        {8, 4350, "7-8"},
        {11, 2900, "9-11"},
        {LanmanStackConfig::kMaxTcpConnections, 1450, "12-22"},
    };
    for (const auto& row : rows)
    {
        if (connections <= row.maxConnections)
        {
            return row;
        }
    }
    return rows[3];
}

// "2s", "500ms" or "1500000ns": the exact duration, in the largest whole unit.
std::string
DurationText(Time t)
{
    int64_t ns = t.GetNanoSeconds();
    if (ns % 1000000000 == 0)
    {
        return std::to_string(ns / 1000000000) + "s";
    }
    if (ns % 1000000 == 0)
    {
        return std::to_string(ns / 1000000) + "ms";
    }
    return std::to_string(ns) + "ns";
}

bool
AllDigits(const std::string& text, size_t first, size_t last)
{
    if (first >= last)
    {
        return false;
    }
    for (size_t i = first; i < last; ++i)
    {
        if (text[i] < '0' || text[i] > '9')
        {
            return false;
        }
    }
    return true;
}

std::optional<uint32_t>
ParseInteger(const std::string& text, uint32_t min, uint32_t max)
{
    if (text.size() > 9 || !AllDigits(text, 0, text.size()))
    {
        return std::nullopt;
    }
    uint32_t v = static_cast<uint32_t>(std::stoul(text));
    if (v < min || v > max)
    {
        return std::nullopt;
    }
    return v;
}

// "2" (seconds, as PROTOCOL.INI would have it), "2s", "1.5s", "500ms", "2min".
std::optional<Time>
ParseMsl(const std::string& text)
{
    // NUMBER[.FRACTION][ms|s|min], scanned by hand (no regex: linear in the length).
    size_t end = text.find_first_not_of("0123456789.");
    end = end == std::string::npos ? text.size() : end;
    const std::string number = text.substr(0, end);
    const std::string unit = text.substr(end);
    size_t dot = number.find('.');
    bool ok = dot == std::string::npos
                  ? AllDigits(number, 0, number.size())
                  : AllDigits(number, 0, dot) && AllDigits(number, dot + 1, number.size());
    if (!ok || !(unit.empty() || unit == "ms" || unit == "s" || unit == "min") ||
        number.size() > 20)
    {
        return std::nullopt;
    }
    double value = std::strtod(number.c_str(), nullptr);
    double seconds = unit == "ms" ? value / 1000 : unit == "min" ? value * 60 : value;
    if (seconds <= 0 || seconds > 3600)
    {
        return std::nullopt;
    }
    return Seconds(seconds);
}
} // namespace

LanmanStackConfig::LanmanStackConfig(LanmanVersion version)
    : m_version(version)
{
}

std::optional<LanmanVersion>
LanmanStackConfig::ParseVersion(const std::string& text)
{
    if (text == "2.1")
    {
        return LanmanVersion::V2_1;
    }
    if (text == "2.1a")
    {
        return LanmanVersion::V2_1a;
    }
    if (text == "2.2")
    {
        return LanmanVersion::V2_2;
    }
    return std::nullopt;
}

std::string
LanmanStackConfig::VersionName(LanmanVersion version)
{
    switch (version)
    {
    case LanmanVersion::V2_1:
        return "2.1";
    case LanmanVersion::V2_1a:
        return "2.1a";
    default:
        return "2.2";
    }
}

const std::vector<std::string>&
LanmanStackConfig::ParameterNames()
{
    static const std::vector<std::string> names = {
        "NBSESSIONS",    "NUMSOCKETS",     "NSESSIONS", "TCPCONNECTIONS",
        "TCPWINDOWSIZE", "TCPSEGMENTSIZE", "MSL",       "TCP_UTILITIES"};
    return names;
}

bool
LanmanStackConfig::IsParameterName(const std::string& name)
{
    const auto& names = ParameterNames();
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<std::string>
LanmanStackConfig::Set(const std::string& name, const std::string& value)
{
    if (name == "TCP_UTILITIES")
    {
        if (value != "true" && value != "false")
        {
            return std::string("true or false (are the Microsoft TCP/IP Utilities for LAN "
                               "Manager installed?)");
        }
        m_utilities = value == "true";
        return std::nullopt;
    }
    if (name == "MSL")
    {
        auto msl = ParseMsl(value);
        if (!msl)
        {
            return std::string("seconds (a number such as 2) or a duration such as \"2s\" or "
                               "\"500ms\", greater than 0 and at most 1 hour (maximum segment "
                               "lifetime; TIME-WAIT lasts 2 x MSL)");
        }
        m_msl = *msl;
        return std::nullopt;
    }
    struct Range
    {
        const char* name;
        uint32_t min;
        uint32_t max;
        std::optional<uint32_t> LanmanStackConfig::*field;
        const char* meaning;
    };
    static const Range ranges[] = {
        {"NBSESSIONS", 1, kMaxTcpConnections, &LanmanStackConfig::m_nbSessions, "NetBIOS sessions"},
        {"NUMSOCKETS", 0, kMaxTcpConnections, &LanmanStackConfig::m_numSockets,
         "sockets of the TCP/IP Utilities, TCPUTILS.INI"},
        {"NSESSIONS", 0, kMaxTcpConnections, &LanmanStackConfig::m_nSessions,
         "telnet sessions of the TCP/IP Utilities, TCPUTILS.INI"},
        {"TCPCONNECTIONS", 1, kMaxTcpConnections, &LanmanStackConfig::m_tcpConnections,
         "TCP connection blocks; the TCPWINDOWSIZE table ends at 22"},
        {"TCPWINDOWSIZE", 1, 65535, &LanmanStackConfig::m_windowSize, "receive window, bytes"},
        {"TCPSEGMENTSIZE", 1, kMaxSegmentSize, &LanmanStackConfig::m_segmentSize,
         "maximum segment size, bytes; at most 1450"},
    };
    for (const auto& r : ranges)
    {
        if (name == r.name)
        {
            auto v = ParseInteger(value, r.min, r.max);
            if (!v)
            {
                std::ostringstream expected;
                expected << "an integer from " << r.min << " to " << r.max << " (" << r.meaning
                         << ")";
                return expected.str();
            }
            this->*(r.field) = *v;
            return std::nullopt;
        }
    }
    return std::string("a PROTOCOL.INI parameter (NBSESSIONS, NUMSOCKETS, NSESSIONS, "
                       "TCPCONNECTIONS, TCPWINDOWSIZE, TCPSEGMENTSIZE, MSL, TCP_UTILITIES)");
}

std::optional<std::string>
LanmanStackConfig::Validate() const
{
    // Q94246: NUMSOCKETS and NSESSIONS are "only present if Microsoft TCP/IP
    // Utilities for LAN Manager are installed ... set in TCPUTILS.INI".
    if (!m_utilities && (m_numSockets || m_nSessions))
    {
        return std::string("TCP_UTILITIES true when NUMSOCKETS or NSESSIONS is set (they are "
                           "TCPUTILS.INI parameters of the Microsoft TCP/IP Utilities)");
    }
    if (!m_tcpConnections)
    {
        uint32_t sum = GetNbSessions() + 1 + GetNumSockets() + GetNSessions();
        if (sum > kMaxTcpConnections)
        {
            std::ostringstream s;
            s << "NBSESSIONS + 1 + NUMSOCKETS + NSESSIONS at most " << kMaxTcpConnections
              << " (it is " << sum << ")";
            return s.str();
        }
    }
    return std::nullopt;
}

LanmanVersion
LanmanStackConfig::GetVersion() const
{
    return m_version;
}

bool
LanmanStackConfig::HasUtilities() const
{
    return m_utilities;
}

void
LanmanStackConfig::SetUtilities(bool installed)
{
    m_utilities = installed;
}

uint32_t
LanmanStackConfig::GetNbSessions() const
{
    return m_nbSessions.value_or(LanmanRedirector::kDefaultNbSessions);
}

uint32_t
LanmanStackConfig::GetNumSockets() const
{
    if (!m_utilities)
    {
        return 0;
    }
    // Q94246: "defaults to 8 in 2.1 and 2.1a, 4 in 2.2".
    return m_numSockets.value_or(m_version == LanmanVersion::V2_2 ? 4 : 8);
}

uint32_t
LanmanStackConfig::GetNSessions() const
{
    return m_utilities ? m_nSessions.value_or(kDefaultNSessions) : 0;
}

uint32_t
LanmanStackConfig::GetTcpConnections() const
{
    // Q94246: "The parameter TCPCONNECTIONS defaults to (NBSESSIONS + 1 + NUMSOCKETS +
    // NSESSIONS)."
    return m_tcpConnections.value_or(GetNbSessions() + 1 + GetNumSockets() + GetNSessions());
}

bool
LanmanStackConfig::IsTcpConnectionsOverridden() const
{
    return m_tcpConnections.has_value();
}

uint32_t
LanmanStackConfig::GetWindowSize() const
{
    if (m_windowSize)
    {
        return *m_windowSize;
    }
    return WindowRow(GetTcpConnections()).window;
}

uint32_t
LanmanStackConfig::GetSegmentSize() const
{
    return m_segmentSize.value_or(kMaxSegmentSize);
}

Time
LanmanStackConfig::GetMsl() const
{
    return m_msl.value_or(Seconds(kDefaultMslSeconds));
}

std::vector<LegacyTcpProfileValue>
LanmanStackConfig::ToProfileValues() const
{
    std::ostringstream blocks;
    if (m_tcpConnections)
    {
        blocks << "PROTOCOL.INI TCPCONNECTIONS";
    }
    else
    {
        blocks << "Q94246: NBSESSIONS " << GetNbSessions() << " + 1";
        if (m_utilities)
        {
            blocks << " + NUMSOCKETS " << GetNumSockets() << " + NSESSIONS " << GetNSessions();
        }
        else
        {
            blocks << " (no utilities)";
        }
    }
    std::string window = m_windowSize ? std::string("PROTOCOL.INI TCPWINDOWSIZE")
                                      : std::string("TCPWINDOWSIZE for ") +
                                            WindowRow(GetTcpConnections()).connections +
                                            " connections (one 64 KB segment)";
    return {
        {"ConnectionBlocks", std::to_string(GetTcpConnections()), blocks.str()},
        {"ReceiveWindow", std::to_string(GetWindowSize()), window},
        {"SegmentSize", std::to_string(GetSegmentSize()),
         m_segmentSize ? "PROTOCOL.INI TCPSEGMENTSIZE" : "TCPSEGMENTSIZE maximum (Q93444/Q127732)"},
        {"Msl", DurationText(GetMsl()), m_msl ? "PROTOCOL.INI MSL" : kMslSource}};
}

std::vector<std::pair<std::string, std::string>>
LanmanStackConfig::ToAttributes() const
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& v : ToProfileValues())
    {
        out.emplace_back(v.attribute, v.value);
    }
    return out;
}

} // namespace ns3
