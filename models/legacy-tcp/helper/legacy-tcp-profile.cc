#include "legacy-tcp-profile.h"

namespace ns3
{

LegacyTcpProfile::LegacyTcpProfile(std::string name, std::string description,
                                   std::vector<LegacyTcpProfileValue> values)
    : m_name(std::move(name))
    , m_description(std::move(description))
    , m_values(std::move(values))
{
}

const std::string&
LegacyTcpProfile::GetName() const
{
    return m_name;
}

const std::string&
LegacyTcpProfile::GetDescription() const
{
    return m_description;
}

const std::vector<LegacyTcpProfileValue>&
LegacyTcpProfile::GetValues() const
{
    return m_values;
}

const LegacyTcpProfileValue*
LegacyTcpProfile::Find(const std::string& attribute) const
{
    for (const auto& v : m_values)
    {
        if (v.attribute == attribute)
        {
            return &v;
        }
    }
    return nullptr;
}

LegacyTcpProfile
LegacyTcpProfile::Derive(std::string name, std::string description,
                         const std::vector<LegacyTcpProfileValue>& changes) const
{
    LegacyTcpProfile derived(std::move(name), std::move(description), m_values);
    for (const auto& change : changes)
    {
        bool replaced = false;
        for (auto& v : derived.m_values)
        {
            if (v.attribute == change.attribute)
            {
                v = change;
                replaced = true;
            }
        }
        if (!replaced)
        {
            derived.m_values.push_back(change);
        }
    }
    return derived;
}

const LegacyTcpProfile*
LegacyTcpProfile::FindIn(const std::vector<LegacyTcpProfile>& profiles, const std::string& name)
{
    for (const auto& p : profiles)
    {
        if (p.GetName() == name)
        {
            return &p;
        }
    }
    return nullptr;
}

} // namespace ns3
