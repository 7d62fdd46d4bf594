#include "connector-helper.h"

#include "ns3/string.h"

namespace ns3
{

ConnectorHelper::ConnectorHelper(const std::string& socketFactory, const Address& remote)
    : SocketApplicationHelper(ConnectorApplication::GetTypeId())
{
    SetAttribute("SocketFactory", StringValue(socketFactory));
    SetAttribute("Remote", AddressValue(remote));
}

} // namespace ns3
