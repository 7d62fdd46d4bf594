#include "capture-reader.h"

#include <numeric>
#include <pcap/pcap.h>

namespace retrotcp::fit
{

struct CaptureReader::Handle
{
    pcap_t* pcap{nullptr};
    ~Handle()
    {
        if (pcap)
        {
            pcap_close(pcap);
        }
    }
};

namespace
{
// Open through libpcap with nanosecond timestamps (libpcap scales microsecond
// files up); the link type is read from the file.
pcap_t*
Open(const std::string& path)
{
    char error[PCAP_ERRBUF_SIZE] = {0};
    pcap_t* p =
        pcap_open_offline_with_tstamp_precision(path.c_str(), PCAP_TSTAMP_PRECISION_NANO, error);
    if (!p)
    {
        std::string why = error;
        if (why.find("unknown file format") != std::string::npos)
        {
            why += " (expected a pcap or pcapng file as tcpdump, tshark or Wireshark write)";
        }
        throw CaptureError(path + ": cannot read the capture: " + why);
    }
    return p;
}
} // namespace

CaptureReader::CaptureReader(const std::string& path)
    : m_handle(std::make_unique<Handle>())
    , m_decoder(0)
{
    m_handle->pcap = Open(path);
    m_decoder = PacketDecoder(pcap_datalink(m_handle->pcap));
    m_info.path = path;
    m_info.dlt = pcap_datalink(m_handle->pcap);
    m_info.linkType = m_decoder.LinkName();
    if (!m_decoder.Supported())
    {
        const char* name = pcap_datalink_val_to_name(m_info.dlt);
        throw CaptureError(path + ": link type " + std::to_string(m_info.dlt) +
                           (name ? std::string(" (") + name + ")" : std::string()) +
                           " is not supported (Ethernet, raw IP, Linux cooked SLL/SLL2, BSD "
                           "loopback and PPP are)");
    }
}

CaptureReader::~CaptureReader() = default;

void
CaptureReader::NoteTime(int64_t ns)
{
    if (m_info.frames == 1)
    {
        m_info.firstNs = ns;
    }
    m_info.lastNs = std::max(m_info.lastNs, ns);
    m_resolutionGcd = std::gcd(m_resolutionGcd, ns % 1000000000);
    // The coarsest power of ten that divides every timestamp.
    int64_t resolution = 1000000000;
    while (resolution > 1 && m_resolutionGcd % resolution != 0)
    {
        resolution /= 10;
    }
    m_info.resolutionNs = resolution;
}

bool
CaptureReader::Next(TcpSegment& segment)
{
    while (!m_done)
    {
        struct pcap_pkthdr* header = nullptr;
        const u_char* data = nullptr;
        int rc = pcap_next_ex(m_handle->pcap, &header, &data);
        if (rc == PCAP_ERROR_BREAK)
        {
            m_done = true;
            break;
        }
        if (rc != 1)
        {
            // A record cut short: keep what came before it.
            m_info.truncation = pcap_geterr(m_handle->pcap);
            m_done = true;
            break;
        }
        ++m_info.frames;
        int64_t ns = int64_t(header->ts.tv_sec) * 1000000000 + int64_t(header->ts.tv_usec);
        NoteTime(ns);
        switch (m_decoder.Decode(data, header->caplen, segment))
        {
        case PacketDecoder::Kind::Tcp:
            ++m_info.tcpSegments;
            segment.frame = m_info.frames;
            segment.timeNs = ns;
            return true;
        case PacketDecoder::Kind::Other:
            ++m_info.otherFrames;
            break;
        case PacketDecoder::Kind::Fragment:
            ++m_info.fragments;
            break;
        case PacketDecoder::Kind::Truncated:
            ++m_info.shortFrames;
            break;
        }
    }
    return false;
}

const CaptureInfo&
CaptureReader::Info() const
{
    return m_info;
}

std::vector<TcpSegment>
CaptureReader::ReadAll(const std::string& path, CaptureInfo* info)
{
    CaptureReader reader(path);
    std::vector<TcpSegment> segments;
    TcpSegment s;
    while (reader.Next(s))
    {
        segments.push_back(s);
    }
    if (info)
    {
        *info = reader.Info();
    }
    return segments;
}

} // namespace retrotcp::fit
