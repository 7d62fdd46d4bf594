#include "lanman-server-helper.h"

namespace ns3
{

LanmanServerHelper::LanmanServerHelper()
    : SocketApplicationHelper(LanmanServerApplication::GetTypeId())
{
}

} // namespace ns3
