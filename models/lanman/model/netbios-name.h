#ifndef NETBIOS_NAME_H
#define NETBIOS_NAME_H

#include <cstdint>
#include <string>

namespace ns3
{

/// NetBIOS name suffix of a workstation (redirector) name.
constexpr uint8_t kNetbiosWorkstationSuffix = 0x00;
/// NetBIOS name suffix of a server service name.
constexpr uint8_t kNetbiosServerSuffix = 0x20;

/**
 * \brief RFC 1001 14.1 first-level encoding of a NetBIOS name: the name is
 * upper-cased, padded with spaces to 15 characters, followed by \p suffix; each of
 * the 16 bytes is split into two nibbles, each written as 'A' + nibble.
 * \param name the name (at most 15 characters are used) \param suffix 16th byte
 * \return the 32 encoded characters
 */
std::string NetbiosEncodeName(const std::string& name, uint8_t suffix);

/**
 * \brief Decode 32 first-level encoded characters.
 * \param encoded 32 characters 'A'..'P' \param suffix receives the 16th byte
 * \return the name without trailing spaces, or "" if \p encoded is malformed
 */
std::string NetbiosDecodeName(const std::string& encoded, uint8_t* suffix = nullptr);

} // namespace ns3

#endif
