#include "pcap-capture.h"

#include "ns3/boolean.h"
#include "ns3/csma-net-device.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"
#include "ns3/trace-helper.h"
#include "output-file.h"
#include "result-folder.h"
#include "switched-ethernet-net-device.h"

#include <cerrno>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <sys/statvfs.h>

namespace retrotcp
{

using namespace ns3;

namespace
{
// PcapHelper::DefaultSink's job: one record per packet, stamped with the time.
void
WritePacket(Ptr<PcapFileWrapper> file, Ptr<const Packet> packet)
{
    file->Write(Simulator::Now(), packet);
}
} // namespace

void
PcapCapture::Add(ResultFolder& folder, const std::string& name, Ptr<NetDevice> device)
{
    PcapHelper::DataLinkType link = PcapHelper::DLT_EN10MB;
    const char* trace = "Sniffer";
    if (DynamicCast<PointToPointNetDevice>(device))
    {
        link = PcapHelper::DLT_PPP;
        trace = "PromiscSniffer";
    }
    else if (!DynamicCast<CsmaNetDevice>(device) && !DynamicCast<SwitchedEthernetNetDevice>(device))
    {
        return; // no capture for other devices
    }
    File f;
    f.path = folder.Reserve(name);
    f.wrapper = CreateObject<PcapFileWrapper>();
    // Nanosecond timestamps, as in the CSV files, so that times can be joined.
    f.wrapper->SetAttribute("NanosecMode", BooleanValue(true));
    errno = 0;
    f.wrapper->Open(f.path, std::ios::out);
    if (!f.wrapper->Fail())
    {
        // As PcapHelper::CreateFile: no snap length limit, UTC.
        f.wrapper->Init(link, std::numeric_limits<uint32_t>::max(), 0);
    }
    if (f.wrapper->Fail())
    {
        throw std::runtime_error("cannot write " + f.path + ": " +
                                 (errno ? std::strerror(errno) : "open failed"));
    }
    if (!device->TraceConnectWithoutContext(trace, MakeBoundCallback(&WritePacket, f.wrapper)))
    {
        throw std::logic_error(std::string("no trace source ") + trace);
    }
    m_files.push_back(f);
}

void
PcapCapture::Check() const
{
    for (const auto& f : m_files)
    {
        if (f.wrapper->Fail())
        {
            struct statvfs fs;
            bool full = ::statvfs(f.path.c_str(), &fs) == 0 && fs.f_bavail == 0;
            throw std::runtime_error("cannot write " + f.path + ": " +
                                     (full ? std::strerror(ENOSPC) : "a write failed"));
        }
    }
}

void
PcapCapture::Close()
{
    Check();
    for (auto& f : m_files)
    {
        errno = 0;
        f.wrapper->Close();
        if (f.wrapper->Fail())
        {
            throw std::runtime_error("cannot write " + f.path + ": " +
                                     (errno ? std::strerror(errno) : "close failed"));
        }
        SyncPath(f.path);
    }
    m_files.clear();
}

} // namespace retrotcp
