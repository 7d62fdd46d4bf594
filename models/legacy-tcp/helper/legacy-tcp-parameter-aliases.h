#ifndef LEGACY_TCP_PARAMETER_ALIASES_H
#define LEGACY_TCP_PARAMETER_ALIASES_H

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \brief A setting under the name a real system gives it (a Windows registry
 * value, ...), and the LegacyTcpL4Protocol attributes it sets.
 */
struct LegacyTcpParameterAlias
{
    std::string name;    //!< e.g. "TcpMaxConnectRetransmissions"
    std::string system;  //!< where the name lives, e.g. "Windows NT registry"
    std::string meaning; //!< what it sets, e.g. "MaxConnectRetransmissions (integer)"
    std::string source;  //!< the document that names and defines it
};

/**
 * \brief The real systems' names of the stack's settings, translated into
 * LegacyTcpL4Protocol attribute assignments with the systems' units.
 *
 * Windows NT keeps its TCP settings under
 * HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters and
 * Windows 95 under ...\VxD\MSTCP; the values and their units are those of the
 * Knowledge Base articles cited with each.
 */
class LegacyTcpParameterAliases
{
  public:
    /// An attribute name and its value, in the attribute's own syntax ("3s").
    typedef std::pair<std::string, std::string> Assignment;

    /// \return every alias, in the order `retrotcp profiles` lists them
    static const std::vector<LegacyTcpParameterAlias>& GetAll();

    /// \return the alias called \p name, or nullptr
    static const LegacyTcpParameterAlias* Find(const std::string& name);

    /**
     * \brief Translate `name = value` into attribute assignments.
     * \param name an alias (Find() must know it) \param value its value, as the
     * system writes it (a decimal integer for the registry values)
     * \param out the assignments, appended on success
     * \return std::nullopt on success, else what the value should be
     */
    static std::optional<std::string> Translate(const std::string& name, const std::string& value,
                                                std::vector<Assignment>& out);
};

} // namespace ns3

#endif
