// The capture reader: every supported link type and both timestamp precisions,
// written through libpcap itself; cut files and files that are not captures.
#include "capture-reader.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <pcap/pcap.h>
#include <vector>

using namespace retrotcp::fit;

namespace
{
using Bytes = std::vector<uint8_t>;

void
Put16(Bytes& b, uint16_t v)
{
    b.push_back(uint8_t(v >> 8));
    b.push_back(uint8_t(v));
}

void
Put32(Bytes& b, uint32_t v)
{
    Put16(b, uint16_t(v >> 16));
    Put16(b, uint16_t(v));
}

// IPv4 + TCP SYN 10.0.0.2:1025 -> 10.0.0.1:139, ISN 1000, window 8760, MSS 1460.
Bytes
SynPacket(uint8_t flags = kSyn)
{
    Bytes b = {0x45, 0, 0, 44, 0, 1, 0, 0, 128, 6, 0, 0};
    Put32(b, 0x0a000002);
    Put32(b, 0x0a000001);
    Put16(b, 1025);
    Put16(b, 139);
    Put32(b, 1000);
    Put32(b, 0);
    b.push_back(0x60); // data offset 6 words
    b.push_back(flags);
    Put16(b, 8760);
    Put32(b, 0);
    b.insert(b.end(), {2, 4, 0x05, 0xb4}); // MSS 1460
    return b;
}

Bytes
Framed(int dlt, const Bytes& ip)
{
    Bytes b;
    switch (dlt)
    {
    case DLT_EN10MB:
        b.assign(12, 0xaa);
        Put16(b, 0x8100); // one 802.1Q tag
        Put16(b, 7);
        Put16(b, 0x0800);
        break;
    case DLT_LINUX_SLL:
        b.assign(14, 0);
        Put16(b, 0x0800);
        break;
    case 276: // DLT_LINUX_SLL2
        Put16(b, 0x0800);
        b.resize(20, 0);
        break;
    case DLT_NULL:
        b = {2, 0, 0, 0}; // AF_INET, little-endian host
        break;
    case DLT_LOOP:
        b = {0, 0, 0, 2};
        break;
    case DLT_PPP:
        Put16(b, 0x0021);
        break;
    default:
        break;
    }
    b.insert(b.end(), ip.begin(), ip.end());
    return b;
}

std::string
TempFile(const std::string& name)
{
    auto dir = std::filesystem::temp_directory_path() / "retrotcp-fit-reader-test";
    std::filesystem::create_directories(dir);
    return (dir / name).string();
}

// Write frames at the given times (ns since the epoch) with libpcap.
void
WriteCapture(const std::string& path, int dlt, bool nano, const std::vector<Bytes>& frames,
             const std::vector<int64_t>& times)
{
    pcap_t* dead = pcap_open_dead_with_tstamp_precision(
        dlt, 65535, nano ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO);
    pcap_dumper_t* dumper = pcap_dump_open(dead, path.c_str());
    REQUIRE(dumper);
    for (size_t i = 0; i < frames.size(); ++i)
    {
        pcap_pkthdr h{};
        h.ts.tv_sec = times[i] / 1000000000;
        h.ts.tv_usec = (times[i] % 1000000000) / (nano ? 1 : 1000);
        h.caplen = h.len = uint32_t(frames[i].size());
        pcap_dump(reinterpret_cast<u_char*>(dumper), &h, frames[i].data());
    }
    pcap_dump_close(dumper);
    pcap_close(dead);
}
} // namespace

TEST_CASE("capture reader: every supported link type decodes the same SYN", "[fit]")
{
    for (int dlt : {DLT_EN10MB, DLT_RAW, DLT_LINUX_SLL, 276, DLT_NULL, DLT_LOOP, DLT_PPP})
    {
        CAPTURE(dlt);
        std::string path = TempFile("link-" + std::to_string(dlt) + ".pcap");
        WriteCapture(path, dlt, false, {Framed(dlt, SynPacket())}, {1700000000123456000});
        CaptureInfo info;
        auto segments = CaptureReader::ReadAll(path, &info);
        REQUIRE(segments.size() == 1);
        const TcpSegment& s = segments[0];
        CHECK(FormatIpv4(s.source) == "10.0.0.2");
        CHECK(FormatIpv4(s.destination) == "10.0.0.1");
        CHECK(s.sourcePort == 1025);
        CHECK(s.destinationPort == 139);
        CHECK(s.sequence == 1000);
        CHECK(s.flags == kSyn);
        CHECK(s.window == 8760);
        CHECK(s.ttl == 128);
        REQUIRE(s.options.mss);
        CHECK(*s.options.mss == 1460);
        CHECK(s.options.order == "M");
        CHECK(s.timeNs == 1700000000123456000);
        CHECK(info.frames == 1);
        CHECK(info.tcpSegments == 1);
    }
}

TEST_CASE("capture reader: nanosecond and microsecond timestamps", "[fit]")
{
    std::string nano = TempFile("nano.pcap");
    WriteCapture(nano, DLT_RAW, true, {SynPacket(), SynPacket()},
                 {1700000000000000001, 1700000000500000007});
    CaptureInfo info;
    auto segments = CaptureReader::ReadAll(nano, &info);
    REQUIRE(segments.size() == 2);
    CHECK(segments[1].timeNs - segments[0].timeNs == 500000006);
    CHECK(info.resolutionNs == 1);
    std::string micro = TempFile("micro.pcap");
    WriteCapture(micro, DLT_RAW, false, {SynPacket(), SynPacket()},
                 {1700000000000001000, 1700000000500002000});
    segments = CaptureReader::ReadAll(micro, &info);
    REQUIRE(segments.size() == 2);
    CHECK(segments[1].timeNs - segments[0].timeNs == 500001000);
    CHECK(info.resolutionNs == 1000);
}

TEST_CASE("capture reader: non-TCP frames are counted, not decoded", "[fit]")
{
    Bytes arp(12, 0xff);
    Put16(arp, 0x0806);
    arp.resize(42, 0);
    Bytes udp = SynPacket();
    udp[9] = 17;
    std::string path = TempFile("mixed.pcap");
    WriteCapture(path, DLT_EN10MB, false,
                 {arp, Framed(DLT_EN10MB, udp), Framed(DLT_EN10MB, SynPacket())},
                 {1000000000, 2000000000, 3000000000});
    CaptureInfo info;
    auto segments = CaptureReader::ReadAll(path, &info);
    CHECK(segments.size() == 1);
    CHECK(info.frames == 3);
    CHECK(info.otherFrames == 2);
    CHECK(info.lastNs == 3000000000);
}

TEST_CASE("capture reader: a cut file is read up to the cut", "[fit]")
{
    std::string path = TempFile("cut.pcap");
    WriteCapture(path, DLT_RAW, false, {SynPacket(), SynPacket(), SynPacket()},
                 {1000000000, 2000000000, 3000000000});
    std::filesystem::resize_file(path, std::filesystem::file_size(path) - 10);
    CaptureInfo info;
    auto segments = CaptureReader::ReadAll(path, &info);
    CHECK(segments.size() == 2);
    CHECK_FALSE(info.truncation.empty());
}

TEST_CASE("capture reader: files that are not captures give one clear error", "[fit]")
{
    std::string text = TempFile("not-a-capture.pcap");
    std::ofstream(text) << "this is not a capture\n";
    CHECK_THROWS_WITH(CaptureReader(text), Catch::Contains(text) &&
                                               Catch::Contains("cannot read the capture") &&
                                               Catch::Contains("pcap or pcapng"));
    CHECK_THROWS_AS(CaptureReader(TempFile("missing.pcap")), CaptureError);
    std::string wifi = TempFile("wifi.pcap");
    WriteCapture(wifi, DLT_IEEE802_11, false, {SynPacket()}, {1000000000});
    CHECK_THROWS_WITH(CaptureReader(wifi), Catch::Contains("link type 105"));
}
