#ifndef LEGACY_TCP_PROFILE_H
#define LEGACY_TCP_PROFILE_H

#include <string>
#include <vector>

namespace ns3
{

/// One LegacyTcpL4Protocol attribute value of a profile, with where it comes from.
struct LegacyTcpProfileValue
{
    std::string attribute; //!< LegacyTcpL4Protocol attribute name
    std::string value;     //!< value text as ns-3 reads it, with its unit ("3s", "500ms")
    std::string source;    //!< document, or "assumption: ..." and why
};

/**
 * \brief A named operating-system stack: the LegacyTcpL4Protocol attribute values
 * that make the model behave as that stack did, each with its source.
 *
 * Attributes a profile does not name keep the model's defaults. Install one with
 * LegacyTcpStackHelper::SetProfile(); the built-in profiles are in
 * LegacyTcpProfileRegistry, the LAN Manager ones in LanmanProfileRegistry.
 */
class LegacyTcpProfile
{
  public:
    /**
     * \param name profile name ("winnt-4.0") \param description one paragraph: the
     * stack and what it does \param values the attribute values, in listing order
     */
    LegacyTcpProfile(std::string name, std::string description,
                     std::vector<LegacyTcpProfileValue> values);

    /** \return the profile name */
    const std::string& GetName() const;
    /** \return what the stack is and does */
    const std::string& GetDescription() const;
    /** \return the attribute values, in listing order */
    const std::vector<LegacyTcpProfileValue>& GetValues() const;
    /**
     * \param attribute an attribute name
     * \return the value the profile sets for it, or nullptr if it keeps the default
     */
    const LegacyTcpProfileValue* Find(const std::string& attribute) const;

    /**
     * \brief A profile derived from this one: \p changes replace the values of the
     * same attributes (in place) or are appended.
     * \param name the new name \param description the new description
     * \param changes the values that differ
     * \return the derived profile
     */
    LegacyTcpProfile Derive(std::string name, std::string description,
                            const std::vector<LegacyTcpProfileValue>& changes) const;

    /**
     * \param profiles a list of profiles \param name a profile name
     * \return the profile of that name in \p profiles, or nullptr
     */
    static const LegacyTcpProfile* FindIn(const std::vector<LegacyTcpProfile>& profiles,
                                          const std::string& name);

  private:
    std::string m_name;                          //!< profile name
    std::string m_description;                   //!< description
    std::vector<LegacyTcpProfileValue> m_values; //!< attribute values
};

} // namespace ns3

#endif
