#ifndef RETROTCP_LANMAN_NAME_TABLE_H
#define RETROTCP_LANMAN_NAME_TABLE_H

#include "ns3/ipv4-address.h"
#include "ns3/simple-ref-count.h"

#include <string>
#include <unordered_map>

namespace ns3
{

/**
 * \brief Static NetBIOS name resolution (an LMHOSTS file): host names, compared
 * without regard to case, and their addresses.
 *
 * One table can serve every redirector of a simulation: the workstations of a
 * scenario share one LMHOSTS, so the memory is per host, not per host squared.
 */
class LanmanNameTable : public SimpleRefCount<LanmanNameTable>
{
  public:
    /// A resolved name.
    struct Entry
    {
        std::string name;    //!< as given
        Ipv4Address address; //!< its address
    };

    /**
     * \brief Add or replace a name.
     * \param name host name \param address its address
     */
    void Add(const std::string& name, Ipv4Address address);
    /**
     * \param name a host name, any case
     * \return its entry, or nullptr if unknown
     */
    const Entry* Find(const std::string& name) const;
    /** \return the number of names */
    size_t GetSize() const;
    /** \param name a host name \return the case-insensitive key it is stored under */
    static std::string Key(const std::string& name);

  private:
    std::unordered_map<std::string, Entry> m_entries; //!< key -> entry
};

} // namespace ns3

#endif
