#ifndef RETROTCP_PCAP_CAPTURE_H
#define RETROTCP_PCAP_CAPTURE_H

#include "ns3/net-device.h"
#include "ns3/pcap-file-wrapper.h"

#include <string>
#include <vector>

namespace retrotcp
{

class ResultFolder;

/**
 * \brief One PCAP file per device, in a ResultFolder, with every write checked.
 *
 * The same files as ns-3's EnablePcap(file, device, promiscuous=false, explicit
 * name) would write (same trace source, link type and header), but opened here:
 * ns-3's PcapHelper aborts the process when a file cannot be opened and forgets
 * the file object, so write errors (a full disk) were never seen.
 */
class PcapCapture
{
  public:
    /// Capture \p device into NAME in \p folder (CSMA and switched Ethernet: DLT_EN10MB,
    /// "Sniffer"; point-to-point: DLT_PPP, "PromiscSniffer"). Throws std::runtime_error.
    void Add(ResultFolder& folder, const std::string& name, ns3::Ptr<ns3::NetDevice> device);
    /// Throw std::runtime_error if a write has failed so far.
    void Check() const;
    /// Close every file and check it (then fsync it); throws std::runtime_error.
    void Close();

    size_t
    Size() const
    {
        return m_files.size();
    }

  private:
    struct File
    {
        std::string path;
        ns3::Ptr<ns3::PcapFileWrapper> wrapper;
    };

    std::vector<File> m_files;
};

} // namespace retrotcp

#endif
