#include "service-helper.h"

#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

ServiceHelper::ServiceHelper(const std::string& socketFactory, uint16_t port)
    : SocketApplicationHelper(ServiceApplication::GetTypeId())
{
    SetAttribute("SocketFactory", StringValue(socketFactory));
    SetAttribute("Port", UintegerValue(port));
}

} // namespace ns3
