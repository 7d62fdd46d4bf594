#ifndef FIT_CAPTURE_READER_H
#define FIT_CAPTURE_READER_H

#include "packet-decoder.h"
#include "tcp-segment.h"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace retrotcp::fit
{

/// A capture that cannot be read: the message says which file and why.
class CaptureError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

/// What a capture file holds besides its TCP segments.
struct CaptureInfo
{
    std::string path;        //!< the file
    std::string linkType;    //!< e.g. "Ethernet", "Linux cooked (SLL2)"
    int dlt{0};              //!< libpcap link type
    uint64_t frames{0};      //!< frames read
    uint64_t tcpSegments{0}; //!< of which TCP/IPv4 segments
    uint64_t otherFrames{0}; //!< not TCP/IPv4
    uint64_t fragments{0};   //!< IPv4 fragments (not decoded)
    uint64_t shortFrames{0}; //!< cut by the snap length before the TCP header
    int64_t firstNs{0};      //!< first frame's time (ns since the epoch)
    int64_t lastNs{0};       //!< last frame's time
    int64_t resolutionNs{1}; //!< timestamp resolution the times show (1 ns .. 1 s)
    std::string truncation;  //!< why reading stopped early, empty if it did not
};

/**
 * \brief Reads the TCP/IPv4 segments of a capture file through libpcap: pcap
 * with micro- or nanosecond timestamps and pcapng, in any link type that
 * PacketDecoder knows. Times are read at nanosecond precision.
 *
 * A file libpcap cannot open, or in a link type not supported, throws
 * CaptureError. A file cut short (a truncated last record) is read up to the
 * cut and says so in CaptureInfo::truncation.
 */
class CaptureReader
{
  public:
    /// \param path capture file; throws CaptureError if it cannot be opened
    explicit CaptureReader(const std::string& path);
    ~CaptureReader();
    CaptureReader(const CaptureReader&) = delete;
    CaptureReader& operator=(const CaptureReader&) = delete;

    /// The next TCP segment; false at the end of the file (or at a cut).
    bool Next(TcpSegment& segment);

    /// Counts and times so far (complete after Next() returned false).
    const CaptureInfo& Info() const;

    /// Read every TCP segment of \p path; \p info receives the counts.
    static std::vector<TcpSegment> ReadAll(const std::string& path, CaptureInfo* info = nullptr);

  private:
    void NoteTime(int64_t ns);

    struct Handle;
    std::unique_ptr<Handle> m_handle;
    PacketDecoder m_decoder;
    CaptureInfo m_info;
    bool m_done{false};
    int64_t m_resolutionGcd{0}; //!< gcd of every timestamp's sub-second ns
};

} // namespace retrotcp::fit

#endif
