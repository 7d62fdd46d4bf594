#ifndef LANMAN_TEST_PACKET_BYTES_H
#define LANMAN_TEST_PACKET_BYTES_H

#include "ns3/packet.h"

#include <vector>

namespace ns3
{

/** \param p a packet \return its bytes, as they go on the wire */
inline std::vector<uint8_t>
PacketBytes(Ptr<Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

} // namespace ns3

#endif
