// Attempt extraction, parameter estimates and profile scores on hand-made
// segment lists: each case a wire timeline of a known stack.
#include "attempt-extractor.h"
#include "capture-fitter.h"

#include <catch2/catch.hpp>

using namespace retrotcp::fit;

namespace
{
constexpr Ipv4 kClient = 0x0a000002;
constexpr Ipv4 kServer = 0x0a000001;

TcpSegment
Segment(double t, bool fromClient, uint16_t clientPort, uint16_t serverPort, uint8_t flags,
        uint32_t seq, uint32_t ack)
{
    TcpSegment s;
    s.timeNs = int64_t(t * 1e9 + 0.5);
    s.source = fromClient ? kClient : kServer;
    s.destination = fromClient ? kServer : kClient;
    s.sourcePort = fromClient ? clientPort : serverPort;
    s.destinationPort = fromClient ? serverPort : clientPort;
    s.flags = flags;
    s.sequence = seq;
    s.acknowledgement = ack;
    s.window = 8760;
    s.ttl = 128;
    if (flags & kSyn)
    {
        s.options.mss = 1460;
        s.options.order = "M";
    }
    return s;
}

// SYNs at the given offsets from \p start; each answered by RST|ACK after rtt if
// \p rst.
void
AddCall(std::vector<TcpSegment>& out, double start, uint16_t port, uint16_t serverPort,
        uint32_t isn, const std::vector<double>& offsets, bool rst, double rtt = 0.001)
{
    for (double o : offsets)
    {
        out.push_back(Segment(start + o, true, port, serverPort, kSyn, isn, 0));
        if (rst)
        {
            out.push_back(
                Segment(start + o + rtt, false, port, serverPort, kRst | kAck, 0, isn + 1));
        }
    }
}

StackCandidate
Winsock(const std::string& name, uint32_t resends)
{
    StackCandidate c;
    c.name = name;
    c.rstReaction = RstReaction::Retry;
    c.maxRetransmissions = resends;
    c.mss = 1460;
    c.synWindow = 8760;
    return c;
}

std::vector<StackCandidate>
Candidates()
{
    StackCandidate linux;
    linux.name = "linux";
    linux.rstReaction = RstReaction::Fail;
    linux.synInitialTimeout = 1;
    linux.synLinearRetries = 4;
    linux.maxRetransmissions = 10;
    linux.synTimeoutCap = 120;
    linux.portMin = 1025;
    linux.portMax = 60999;
    linux.mss = 1460;
    StackCandidate bsd;
    bsd.name = "bsd";
    bsd.rstReaction = RstReaction::Fail;
    bsd.maxRetransmissions = 12;
    bsd.connectTimeout = 75;
    bsd.mss = 1460;
    return {Winsock("nt", 3), Winsock("w2k", 2), linux, bsd};
}

ClientFit
FitSegments(std::vector<TcpSegment> segments, double endSeconds)
{
    AttemptExtractor extractor;
    auto calls = extractor.Extract(std::move(segments));
    REQUIRE_FALSE(calls.empty());
    CaptureFitter fitter(Candidates());
    return fitter.FitClient(kClient, calls, int64_t(endSeconds * 1e9), 1000);
}

const Estimate&
Get(const ClientFit& fit, const std::string& name)
{
    const Estimate* e = fit.estimates.Find(name);
    REQUIRE(e);
    return *e;
}
} // namespace

TEST_CASE("attempt extractor: a call is one port and one ISN; duplicates and stray resets "
          "are left out",
          "[fit]")
{
    std::vector<TcpSegment> s;
    AddCall(s, 0, 1025, 139, 1000, {0, 0.5}, true);
    s.push_back(Segment(0.50001, true, 1025, 139, kSyn, 1000, 0));  // the same frame twice
    s.push_back(Segment(0.7, false, 1025, 139, kRst | kAck, 0, 7)); // acknowledges nothing
    AddCall(s, 5, 1025, 139, 900000, {0}, false);                   // new ISN: a new call
    AttemptExtractor extractor;
    auto calls = extractor.Extract(s);
    REQUIRE(calls.size() == 2);
    CHECK(extractor.Duplicates() == 1);
    CHECK(calls[0].syns.size() == 2);
    CHECK(calls[0].syns[1].answer == SynAnswer::Rst);
    CHECK(calls[1].isn == 900000);
    CHECK(calls[1].syns[0].answer == SynAnswer::None);
}

TEST_CASE("fit: Winsock re-sends after RST|ACK tell NT (3 re-sends) from 2000 (2)", "[fit]")
{
    std::vector<TcpSegment> s;
    AddCall(s, 0, 1025, 7, 1000, {0, 0.5, 1.0, 1.5}, true);
    AddCall(s, 3, 1026, 9, 5000, {0, 0.5, 1.0, 1.5}, true);
    ClientFit fit = FitSegments(s, 10);
    CHECK(fit.best == "nt");
    CHECK(Get(fit, "ConnectRetryPolicy").text == "retry");
    CHECK(Get(fit, "RstRetryInterval").value == Approx(0.5).margin(1e-6));
    CHECK(Get(fit, "MaxConnectRetransmissions").value == 3);
    CHECK(fit.outcomes[0].word == "refused");
    CHECK(fit.overrides.empty());
    REQUIRE(fit.groups.size() >= 2);
    CHECK(fit.groups[0].members == std::vector<std::string>{"nt"});
    // 2000 tuned to 3 re-sends explains the wire too, at the cost of one override
    // (e^-2) and its window: odds e^2 : 1.
    CHECK(fit.groups[0].probability == Approx(0.8808).margin(0.001));
    CHECK(fit.groups[1].members == std::vector<std::string>{"w2k"});
    CHECK(fit.groups[1].score->overrides ==
          std::vector<std::string>{"MaxConnectRetransmissions=3"});
}

TEST_CASE("fit: Linux linear SYN timeouts and a lowered tcp_syn_retries", "[fit]")
{
    std::vector<TcpSegment> s;
    AddCall(s, 0, 40000, 80, 77, {0, 1, 2, 3, 4, 5, 7}, false);
    s.push_back(Segment(20, true, 40001, 22, kSyn, 99, 0)); // a later refused call
    s.push_back(Segment(20.0001, false, 40001, 22, kRst | kAck, 0, 100));
    ClientFit fit = FitSegments(s, 25);
    CHECK(fit.best == "linux");
    CHECK(Get(fit, "SynInitialTimeout").value == Approx(1).margin(1e-6));
    CHECK(Get(fit, "SynLinearRetries").value == 4);
    CHECK(Get(fit, "SynLinearRetries").certainty == Certainty::Measured);
    CHECK(Get(fit, "MaxConnectRetransmissions").value == 6);
    CHECK(Get(fit, "ConnectRetryPolicy").text == "fail");
    REQUIRE(fit.overrides.size() == 1);
    CHECK(fit.overrides[0].name == "MaxConnectRetransmissions");
    CHECK(fit.overrides[0].value == "6");
    CHECK(fit.adjusted.asIs == Approx(-ProfileScorer::kMismatch).margin(0.01));
    CHECK(fit.adjusted.logLikelihood == Approx(-CaptureFitter::kTuningCost).margin(0.01));
}

TEST_CASE("fit: BSD's 75 s deadline explains 4 re-sends without an override", "[fit]")
{
    std::vector<TcpSegment> s;
    AddCall(s, 0, 1030, 80, 5, {0, 3, 9, 21, 45}, false);
    s.push_back(Segment(100, true, 1031, 22, kSyn, 9, 0));
    s.push_back(Segment(100.001, false, 1031, 22, kRst | kAck, 0, 10));
    ClientFit fit = FitSegments(s, 110);
    CHECK(fit.best == "bsd");
    CHECK(fit.overrides.empty());
    CHECK(fit.outcomes[0].word == "timed_out");
}

TEST_CASE("fit: a capture that ends early cannot tell NT from 2000", "[fit]")
{
    std::vector<TcpSegment> s;
    AddCall(s, 0, 1025, 139, 1000, {0, 3, 9}, false);
    ClientFit fit = FitSegments(s, 12);
    REQUIRE_FALSE(fit.groups.empty());
    // bsd too: its next SYN (at 21 s) would also come after the end.
    CHECK(fit.groups[0].members == std::vector<std::string>{"nt", "w2k", "bsd"});
    CHECK(fit.outcomes[0].word == "unfinished");
    CHECK(Get(fit, "MaxConnectRetransmissions").certainty == Certainty::LowerBound);
    CHECK(Get(fit, "MaxConnectRetransmissions").value == 2);
    bool said = false;
    for (const auto& line : fit.cannotTell)
    {
        said = said || line.find("MaxConnectRetransmissions") != std::string::npos;
    }
    CHECK(said);
    bool rst = false;
    for (const auto& line : fit.cannotTell)
    {
        rst = rst || line.find("no refused connect seen") != std::string::npos;
    }
    CHECK(rst);
}
