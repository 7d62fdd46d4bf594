#ifndef NBSS_STREAM_READER_H
#define NBSS_STREAM_READER_H

#include "nbss-header.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "smb-body.h"
#include "smb-header.h"

#include <string>

namespace ns3
{

/**
 * \brief Cuts a TCP byte stream into NetBIOS session service packets (RFC 1002
 * 4.3.1: every packet is a 4-byte header and LENGTH bytes), whatever the segment
 * boundaries were.
 */
class NbssStreamReader
{
  public:
    /** \brief Append received bytes. \param bytes what Recv() returned */
    void Append(Ptr<Packet> bytes);
    /**
     * \brief Take the next complete NBSS packet, header included.
     * \return the packet, or nullptr if none is complete yet
     */
    Ptr<Packet> Next();
    /** \return bytes held */
    uint32_t GetBuffered() const;

  private:
    Ptr<Packet> m_buffer{Create<Packet>()}; //!< bytes not yet taken
};

/**
 * \brief A SESSION REQUEST (RFC 1002 4.3.2) from \p calling to \p called.
 * \param called server name \param calling workstation name \return the packet
 */
Ptr<Packet> MakeNbssSessionRequest(const std::string& called, const std::string& calling);
/**
 * \brief A POSITIVE (error 0) or NEGATIVE SESSION RESPONSE (RFC 1002 4.3.3-4.3.4).
 * \param error 0 for positive, else the error code (0x80 "Not listening on called
 * name", 0x82 "Called name not present", 0x83 insufficient resources)
 * \return the packet
 */
Ptr<Packet> MakeNbssSessionResponse(uint8_t error);
/**
 * \brief A SESSION MESSAGE (RFC 1002 4.3.6) carrying one SMB message.
 * \param smb the SMB header \param body its parameter and data blocks
 * \return the packet
 */
Ptr<Packet> MakeNbssSmbMessage(const SmbHeader& smb, const SmbBody& body);
/**
 * \brief Read the SMB message of a SESSION MESSAGE whose NBSS header was removed.
 * \param message the NBSS payload \param smb receives the header \param body
 * receives the blocks \return false if it is not a whole SMB message (too short,
 * or not 0xFF 'SMB')
 */
bool ReadNbssSmbMessage(Ptr<Packet> message, SmbHeader& smb, SmbBody& body);

} // namespace ns3

#endif
