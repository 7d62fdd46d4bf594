#ifndef LINUX_SYSCTL_CONFIG_H
#define LINUX_SYSCTL_CONFIG_H

#include "ns3/nstime.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/// One Linux sysctl (net.ipv4.NAME) LinuxSysctlConfig understands.
struct LinuxSysctl
{
    std::string name;        //!< without "net.ipv4."
    std::string kernelValue; //!< the kernel's default, as `sysctl` prints it
    std::string meaning;     //!< what it sets
    std::string source;      //!< where the kernel defines it
    bool modelled{true};     //!< false: named so that a scenario gets a clear error
};

/**
 * \brief A Linux host's TCP settings under their sysctl names, and the
 * LegacyTcpL4Protocol attribute values that follow from them with the kernel's
 * semantics (net/ipv4/tcp_timer.c):
 *
 * - tcp_write_timeout(): in SYN_SENT the connect gives up when the SYN's
 *   retransmissions reach tcp_syn_retries + tcp_syn_linear_timeouts, or when the
 *   retransmit timer fires and retransmits_timed_out() finds that
 *   tcp_model_timeout(tcp_syn_retries, TCP_TIMEOUT_INIT) has passed since the
 *   first SYN: MaxConnectRetransmissions and SynExpiryTime.
 * - tcp_retransmit_timer(): in SYN_SENT the RTO doubles only once more than
 *   tcp_syn_linear_timeouts retransmissions have left: SynLinearRetries.
 * - ip_local_port_range "LOW HIGH": EphemeralPortMin and EphemeralPortMax.
 *
 * Settings not given keep the kernel's defaults (tcp_syn_retries 6,
 * tcp_syn_linear_timeouts 4, 32768 60999), which are the linux profile's values.
 */
class LinuxSysctlConfig
{
  public:
    /// An attribute name and its value, in the attribute's own syntax ("127s").
    typedef std::pair<std::string, std::string> Assignment;

    /// Largest tcp_syn_retries and tcp_syn_linear_timeouts (MAX_TCP_SYNCNT).
    static constexpr uint32_t kMaxSynCount = 127;

    /// \return the sysctls, in the order `retrotcp profiles linux` lists them
    static const std::vector<LinuxSysctl>& GetAll();

    /// \return the sysctl called \p name (with or without "net.ipv4."), or nullptr
    static const LinuxSysctl* Find(const std::string& name);

    /**
     * \brief tcp_model_timeout() for a SYN: (2^(boundary+1) - 1) x 1 s while the
     * doubled RTO stays below TCP_RTO_MAX (120 s, so up to 6), then 120 s per
     * further retransmission. \param boundary retransmissions \return the time
     */
    static Time ModelTimeout(uint32_t boundary);

    /**
     * \brief Set one sysctl from its text, as `sysctl -w` takes it.
     * \param name a GetAll() name \param value its text ("3", "40000 40007")
     * \return what was expected if the value is not acceptable, nothing if it is
     */
    std::optional<std::string> Set(const std::string& name, const std::string& value);

    /// \return true if \p name was Set()
    bool IsSet(const std::string& name) const;

    /// \return tcp_syn_retries
    uint32_t GetSynRetries() const;
    /// \return tcp_syn_linear_timeouts
    uint32_t GetSynLinearTimeouts() const;

    /**
     * \brief The attributes the sysctls set: for tcp_syn_retries or
     * tcp_syn_linear_timeouts, MaxConnectRetransmissions, SynLinearRetries and
     * SynExpiryTime; for ip_local_port_range, EphemeralPortMin and EphemeralPortMax.
     * \return the assignments (only for the sysctls set)
     */
    std::vector<Assignment> ToAttributes() const;

  private:
    uint32_t m_synRetries{6};        //!< tcp_syn_retries
    uint32_t m_synLinearTimeouts{4}; //!< tcp_syn_linear_timeouts
    uint16_t m_portLow{32768};       //!< ip_local_port_range
    uint16_t m_portHigh{60999};      //!< ip_local_port_range
    std::vector<std::string> m_set;  //!< names set, bare
};

} // namespace ns3

#endif
