#ifndef LANMAN_STACK_CONFIG_H
#define LANMAN_STACK_CONFIG_H

#include "legacy-tcp-profile.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/// LAN Manager for MS-DOS versions with a TCP/IP transport (Q94246).
enum class LanmanVersion
{
    V2_1,  //!< LAN Manager 2.1
    V2_1a, //!< LAN Manager 2.1a
    V2_2   //!< LAN Manager 2.2
};

/**
 * \brief The TCP/IP stack of a LAN Manager 2.x MS-DOS workstation as the user
 * writes it in PROTOCOL.INI (and TCPUTILS.INI), and the LegacyTcpL4Protocol
 * attribute values that follow from it.
 *
 * Q94246: "The parameter TCPCONNECTIONS defaults to (NBSESSIONS + 1 + NUMSOCKETS +
 * NSESSIONS)", NBSESSIONS 6; NUMSOCKETS 8 in 2.1 and 2.1a, 4 in 2.2, and NSESSIONS
 * 2, both "only present if Microsoft TCP/IP Utilities for LAN Manager are
 * installed"; "In LAN Manager 2.1, 2.1a, and 2.2, TCPCONNECTIONS itself can be set
 * in PROTOCOL.INI". Values not set take their documented defaults.
 */
class LanmanStackConfig
{
  public:
    /// Largest TCPCONNECTIONS: the TCPWINDOWSIZE table ends at 22 connections.
    static constexpr uint32_t kMaxTcpConnections = 22;
    /// Largest TCPSEGMENTSIZE (Q93444/Q127732: at most 1450).
    static constexpr uint32_t kMaxSegmentSize = 1450;

    /** \param version the LAN Manager version */
    explicit LanmanStackConfig(LanmanVersion version = LanmanVersion::V2_2);

    /**
     * \brief Parse "2.1", "2.1a" or "2.2". \param text the version
     * \return the version, or nothing if unknown
     */
    static std::optional<LanmanVersion> ParseVersion(const std::string& text);
    /** \param version a version \return "2.1", "2.1a" or "2.2" */
    static std::string VersionName(LanmanVersion version);

    /**
     * \brief The PROTOCOL.INI / TCPUTILS.INI names Set() understands: NBSESSIONS,
     * NUMSOCKETS, NSESSIONS, TCPCONNECTIONS, TCPWINDOWSIZE, TCPSEGMENTSIZE, MSL,
     * TCP_UTILITIES.
     */
    static const std::vector<std::string>& ParameterNames();
    /** \param name a name \return true if it is one of ParameterNames() */
    static bool IsParameterName(const std::string& name);

    /**
     * \brief Set one parameter from its text. MSL is seconds ("2") or a duration
     * ("2s", "500ms"); TCP_UTILITIES is true or false; the rest are integers.
     * \param name a ParameterNames() name \param value its text
     * \return what was expected if the value is not acceptable, nothing if it is
     */
    std::optional<std::string> Set(const std::string& name, const std::string& value);

    /**
     * \brief Check the combination (NUMSOCKETS/NSESSIONS need the utilities,
     * TCPCONNECTIONS within 1..22). \return a problem, or nothing
     */
    std::optional<std::string> Validate() const;

    /** \return the version */
    LanmanVersion GetVersion() const;
    /** \return true if the TCP/IP Utilities are installed */
    bool HasUtilities() const;
    /** \return NBSESSIONS (default LanmanRedirector::kDefaultNbSessions, Q94246) */
    uint32_t GetNbSessions() const;
    /** \return NUMSOCKETS: 0 without the utilities, else default 8 (2.1, 2.1a) or 4 (2.2) */
    uint32_t GetNumSockets() const;
    /** \return NSESSIONS: 0 without the utilities, else default 2 */
    uint32_t GetNSessions() const;
    /** \return TCPCONNECTIONS: the explicit value, or the formula */
    uint32_t GetTcpConnections() const;
    /** \return true if TCPCONNECTIONS was set explicitly */
    bool IsTcpConnectionsOverridden() const;
    /**
     * \return TCPWINDOWSIZE: the explicit value, or by TCPCONNECTIONS: <= 6: 5800;
     * 7-8: 4350; 9-11: 2900; 12-22: 1450 (one window per connection in one 64 KB
     * segment)
     */
    uint32_t GetWindowSize() const;
    /** \return TCPSEGMENTSIZE (default and maximum 1450) */
    uint32_t GetSegmentSize() const;
    /** \return MSL (default 2 s: assumption, see Msl source) */
    Time GetMsl() const;

    /** \brief Set TCP_UTILITIES. \param installed whether installed */
    void SetUtilities(bool installed);

    /**
     * \return the LegacyTcpL4Protocol attribute values that follow from the
     * configuration, each with its source (the Q94246 formula, the TCPWINDOWSIZE
     * table, the MSL assumption, or the PROTOCOL.INI line that set it):
     * ConnectionBlocks, ReceiveWindow, SegmentSize, Msl
     */
    std::vector<LegacyTcpProfileValue> ToProfileValues() const;

    /**
     * \return the same values as attribute assignments (name, value text)
     */
    std::vector<std::pair<std::string, std::string>> ToAttributes() const;

    /// Source of the MSL default.
    static const char* const kMslSource;

  private:
    LanmanVersion m_version;                  //!< version
    bool m_utilities{false};                  //!< TCP/IP Utilities installed
    std::optional<uint32_t> m_nbSessions;     //!< NBSESSIONS if set
    std::optional<uint32_t> m_numSockets;     //!< NUMSOCKETS if set
    std::optional<uint32_t> m_nSessions;      //!< NSESSIONS if set
    std::optional<uint32_t> m_tcpConnections; //!< TCPCONNECTIONS if set
    std::optional<uint32_t> m_windowSize;     //!< TCPWINDOWSIZE if set
    std::optional<uint32_t> m_segmentSize;    //!< TCPSEGMENTSIZE if set
    std::optional<Time> m_msl;                //!< MSL if set
};

} // namespace ns3

#endif
