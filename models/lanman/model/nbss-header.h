#ifndef NBSS_HEADER_H
#define NBSS_HEADER_H

#include "ns3/header.h"

namespace ns3
{

/**
 * \brief The 4-byte header of every NetBIOS session service packet (RFC 1002
 * 4.3.1): TYPE (1 byte), FLAGS (1 byte, bit 0 = length extension), LENGTH (16
 * bits, network order): the number of bytes that follow the header.
 */
class NbssHeader : public Header
{
  public:
    /// RFC 1002 4.3.1 packet types.
    enum Type : uint8_t
    {
        SESSION_MESSAGE = 0x00,           //!< carries an SMB
        SESSION_REQUEST = 0x81,           //!< called and calling names
        POSITIVE_SESSION_RESPONSE = 0x82, //!< session established
        NEGATIVE_SESSION_RESPONSE = 0x83, //!< one error-code byte follows
        RETARGET_SESSION_RESPONSE = 0x84, //!< not used
        SESSION_KEEP_ALIVE = 0x85         //!< no body
    };

    /// Size on the wire.
    static constexpr uint32_t kSize = 4;

    /** \return the TypeId */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    /** \param type the packet type */
    void SetType(Type type);
    /** \return the packet type */
    Type GetType() const;
    /** \param length bytes after the header (up to 131071) */
    void SetLength(uint32_t length);
    /** \return bytes after the header */
    uint32_t GetLength() const;

    /** \param type a type \return its name, e.g. "SESSION REQUEST" */
    static const char* TypeName(Type type);

  private:
    Type m_type{SESSION_MESSAGE}; //!< TYPE
    uint32_t m_length{0};         //!< LENGTH with the extension bit
};

} // namespace ns3

#endif
