#ifndef FIT_CONNECT_CALL_H
#define FIT_CONNECT_CALL_H

#include "tcp-segment.h"

#include <cstdint>
#include <string>
#include <vector>

namespace retrotcp::fit
{

/// How the server side answered one SYN.
enum class SynAnswer
{
    None,   //!< nothing before the next SYN of the call (or the end of the capture)
    Rst,    //!< RST|ACK acknowledging the SYN (port closed: "refused")
    SynAck, //!< SYN|ACK acknowledging the SYN (port listening)
};

/// Name of an answer: "none", "rst", "synack".
const char* SynAnswerName(SynAnswer answer);

/// One SYN of a connect() call and its answer.
struct SynRecord
{
    uint64_t frame{0};
    int64_t timeNs{0}; //!< when the SYN passed the capture point
    SynAnswer answer{SynAnswer::None};
    int64_t answerNs{0};   //!< when the answer passed, if any
    uint16_t window{0};    //!< SYN window field
    uint8_t ttl{0};        //!< SYN IPv4 TTL
    TcpSynOptions options; //!< SYN options
};

/**
 * \brief One connect() call as the wire shows it: the SYNs a client sent from
 * one local port with one ISN (the first SYN and its re-sends), and their
 * answers. A SYN from the same port with another ISN is another call.
 */
struct ConnectCall
{
    Ipv4 client{0};
    Ipv4 server{0};
    uint16_t clientPort{0};
    uint16_t serverPort{0};
    uint32_t isn{0};
    std::vector<SynRecord> syns;   //!< in time order, at least one
    bool established{false};       //!< a SYN|ACK came and the client acknowledged it
    bool clientReset{false};       //!< the client answered the SYN|ACK with a RST
    bool clientFin{false};         //!< the client sent a FIN (after establishment)
    bool serverFin{false};         //!< the server sent a FIN (after establishment)
    bool clientClosedFirst{false}; //!< the client's FIN came before the server's
    int64_t lastSegmentNs{0};      //!< the last segment of this connection seen
    bool closed{false};            //!< both FINs seen, or a RST after establishment

    /// The first SYN's time.
    int64_t
    StartNs() const
    {
        return syns.front().timeNs;
    }
    /// The last SYN.
    const SynRecord&
    LastSyn() const
    {
        return syns.back();
    }
    /// "client:port -> server:port".
    std::string Label() const;
};

} // namespace retrotcp::fit

#endif
