#ifndef NBSS_SESSION_REQUEST_HEADER_H
#define NBSS_SESSION_REQUEST_HEADER_H

#include "ns3/header.h"

#include <string>

namespace ns3
{

/**
 * \brief Body of an NBSS SESSION REQUEST (RFC 1002 4.3.2): CALLED NAME then
 * CALLING NAME, each a length byte (32), the RFC 1001 first-level encoded name and
 * an empty scope (a 0 byte): 68 bytes. Follows an NbssHeader of type 0x81.
 */
class NbssSessionRequestHeader : public Header
{
  public:
    /// Size on the wire.
    static constexpr uint32_t kSize = 68;

    /** \return the TypeId */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    /** \param name the server's NetBIOS name (suffix 0x20 is added) */
    void SetCalledName(const std::string& name);
    /** \return the called name, trailing spaces removed ("" if malformed) */
    std::string GetCalledName() const;
    /** \param name the workstation's NetBIOS name (suffix 0x00 is added) */
    void SetCallingName(const std::string& name);
    /** \return the calling name, trailing spaces removed */
    std::string GetCallingName() const;

  private:
    std::string m_called;  //!< 32 encoded characters
    std::string m_calling; //!< 32 encoded characters
};

} // namespace ns3

#endif
