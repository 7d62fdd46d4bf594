#ifndef SMB_BODY_H
#define SMB_BODY_H

#include "ns3/header.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \brief The two blocks after an SMB header ([MS-CIFS] 2.2.3.2, 2.2.3.3):
 * SMB_Parameters (WordCount, then WordCount 16-bit words) and SMB_Data
 * (ByteCount, then ByteCount bytes), little-endian. WordCount and ByteCount are
 * always the sizes of what is written, so they cannot disagree with the message.
 *
 * Strings are OEM strings ended by a NUL ([MS-CIFS] 2.2.1.1: Flags2 without
 * SMB_FLAGS2_UNICODE).
 */
class SmbBody : public Header
{
  public:
    /** \return the TypeId */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    /// \name Parameter block (Words)
    /// \{
    /** \param v a byte \return *this */
    SmbBody& Param8(uint8_t v);
    /** \param v a 16-bit value \return *this */
    SmbBody& Param16(uint16_t v);
    /** \param v a 32-bit value \return *this */
    SmbBody& Param32(uint32_t v);
    /// \}
    /// \name Data block (Bytes)
    /// \{
    /** \param v a byte \return *this */
    SmbBody& Data8(uint8_t v);
    /** \param bytes raw bytes \return *this */
    SmbBody& DataBytes(const std::vector<uint8_t>& bytes);
    /** \param s a string, written with its terminating NUL \return *this */
    SmbBody& DataString(const std::string& s);
    /// \}

    /** \return WordCount (the parameter block must hold whole words) */
    uint8_t GetWordCount() const;
    /** \return ByteCount */
    uint16_t GetByteCount() const;
    /** \return the parameter words as bytes */
    const std::vector<uint8_t>& GetParams() const;
    /** \return the data bytes */
    const std::vector<uint8_t>& GetData() const;

    /**
     * \brief Whether \p bytes begin with a whole body (WordCount, words,
     * ByteCount, bytes). \param bytes what follows an SMB header
     * \return true if Deserialize() may be called on them
     */
    static bool Fits(const std::vector<uint8_t>& bytes);

  private:
    std::vector<uint8_t> m_params; //!< 2 x WordCount bytes
    std::vector<uint8_t> m_data;   //!< ByteCount bytes
};

/**
 * \brief Reads little-endian fields and NUL-terminated strings from a block of an
 * SmbBody. Every read checks the length; after a short read Ok() is false.
 */
class SmbCursor
{
  public:
    /** \param block the parameter or data block */
    explicit SmbCursor(const std::vector<uint8_t>& block);
    /** \return the next byte (0 after the end) */
    uint8_t U8();
    /** \return the next 16-bit value */
    uint16_t U16();
    /** \return the next 32-bit value */
    uint32_t U32();
    /** \param n bytes \return them */
    std::vector<uint8_t> Bytes(size_t n);
    /** \return the next NUL-terminated string (the NUL consumed) */
    std::string String();
    /** \return true if no read went past the end */
    bool Ok() const;
    /** \return bytes not read yet */
    size_t Remaining() const;

  private:
    const std::vector<uint8_t>& m_block; //!< what is read
    size_t m_pos{0};                     //!< next byte
    bool m_ok{true};                     //!< no short read
};

} // namespace ns3

#endif
