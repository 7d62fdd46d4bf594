#include "lanman-name-table.h"

#include <algorithm>
#include <cctype>

namespace ns3
{

std::string
LanmanNameTable::Key(const std::string& name)
{
    std::string key = name;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return key;
}

void
LanmanNameTable::Add(const std::string& name, Ipv4Address address)
{
    m_entries[Key(name)] = Entry{name, address};
}

const LanmanNameTable::Entry*
LanmanNameTable::Find(const std::string& name) const
{
    auto it = m_entries.find(Key(name));
    return it == m_entries.end() ? nullptr : &it->second;
}

size_t
LanmanNameTable::GetSize() const
{
    return m_entries.size();
}

} // namespace ns3
