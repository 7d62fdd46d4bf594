// The crafted-segment sample scenarios: RFC 793 and RFC 1122 rules probed from a
// scenario file, checked in events.csv, connections.csv and the captures.
#include "test-util.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace retrotcp::test;

namespace
{

using Row = std::map<std::string, std::string>;

// "k=v k=v" -> {k: v}
Row
Detail(const std::string& text)
{
    Row out;
    std::istringstream in(text);
    std::string pair;
    while (in >> pair)
    {
        auto eq = pair.find('=');
        out[pair.substr(0, eq)] = eq == std::string::npos ? "" : pair.substr(eq + 1);
    }
    return out;
}

struct Events
{
    std::vector<Row> rows;

    // Rows of \p host's \p event, their details merged in (time in "time_s").
    std::vector<Row>
    Of(const std::string& host, const std::string& event) const
    {
        std::vector<Row> out;
        for (const auto& r : rows)
        {
            if (r.at("host") == host && r.at("event") == event)
            {
                Row d = Detail(r.at("detail"));
                d["time_s"] = r.at("time_s");
                out.push_back(d);
            }
        }
        return out;
    }

    // The probe's reply rows for one step.
    std::vector<Row>
    Replies(const std::string& host, int step) const
    {
        std::vector<Row> out;
        for (const auto& r : Of(host, "crafted_reply"))
        {
            if (std::stoi(r.at("step")) == step)
            {
                out.push_back(r);
            }
        }
        return out;
    }
};

uint64_t
U(const Row& r, const std::string& key)
{
    return std::stoull(r.at(key));
}

// tshark's view of a capture: one line per TCP frame, "time eth.src ip.src flags".
std::vector<std::string>
Frames(const std::string& pcap)
{
    auto r = RunCommand("tshark -n -r '" + pcap +
                            "' -Y tcp -T fields -e frame.time_epoch -e eth.src -e ip.src "
                            "-e tcp.flags.str -e tcp.seq_raw",
                        false);
    REQUIRE(r.status == 0);
    std::vector<std::string> lines;
    std::istringstream in(r.output);
    std::string line;
    while (std::getline(in, line))
    {
        lines.push_back(line);
    }
    return lines;
}

} // namespace

TEST_CASE("crafted: crafted-time-wait: TIME-WAIT ignores a reset, ACKs an old SYN, reopens on a "
          "new one",
          "[crafted][rfc1122]")
{
    // Rules RFC1337-TW-RST, RFC793-UNACCEPTABLE-ACK and RFC1122-TW-REOPEN (4.2.2.13:
    // "assigns its initial sequence number for the new connection to be larger than
    // the largest sequence number it used on the previous connection incarnation").
    std::string out = RunInTempDir("scenarios/crafted-time-wait.json", "crafted-tw", {}, true);
    Events e{ReadCsv(out + "/events.csv")};
    auto client = ReadCsv(out + "/connections.csv");
    REQUIRE(client.size() == 1);
    REQUIRE(e.Of("server", "time_wait_enter").size() == 1);
    CHECK(e.Of("client", "time_wait_enter").empty());

    auto sent = e.Of("prober", "crafted_sent");
    REQUIRE(sent.size() == 3);
    for (const auto& s : sent)
    {
        CHECK(s.at("from_port") == client[0].at("local_port")); // the connection's own port
        CHECK(s.at("to") == "10.1.0.1:80");
    }
    CHECK(sent[0].at("flags") == "RST");
    CHECK(e.Replies("prober", 1).empty());

    auto old = e.Replies("prober", 2);
    REQUIRE(old.size() == 1);
    CHECK(old[0].at("flags") == "ACK");
    CHECK(U(old[0], "ack") == U(sent[1], "seq") + 1); // ACK=RCV.NXT, the SYN one below it
    auto rejected = e.Of("server", "reopen_rejected");
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0].at("reason") == "old_sequence");

    auto reopened = e.Replies("prober", 3);
    REQUIRE_FALSE(reopened.empty());
    CHECK(reopened[0].at("flags") == "SYN|ACK");
    CHECK(U(reopened[0], "ack") == U(sent[2], "seq") + 1);
    CHECK(U(sent[2], "seq") == U(sent[1], "seq") + 64001);
    // The new ISS is above SND.NXT of the old incarnation (the old-SYN ACK's SEQ).
    CHECK(U(reopened[0], "seq") > U(old[0], "seq"));
    CHECK(e.Of("server", "reopen_accepted").size() == 1);
    CHECK(e.Of("server", "reopen_old_duplicate").size() == 1);

    // On the wire at the server: the three probes carry the client's address but the
    // prober's MAC address.
    std::string clientMac;
    int spoofed = 0;
    for (const auto& line : Frames(out + "/pcap/server-1.pcap"))
    {
        std::istringstream f(line);
        double t;
        std::string mac, ip, flags;
        f >> t >> mac >> ip >> flags;
        if (ip == "10.1.0.2" && t < 4)
        {
            clientMac = mac;
        }
        if (ip == "10.1.0.2" && t >= 5 && mac != clientMac && !clientMac.empty())
        {
            ++spoofed;
        }
    }
    CHECK(spoofed == 3);
}

TEST_CASE("crafted: crafted-resets: closed-port resets, and resets and SYNs in and out of the "
          "window",
          "[crafted][rfc793]")
{
    // Rules RFC793-RST-CLOSED (p.36), RFC793-RST-WINDOW (p.37), RFC793-UNACCEPTABLE-ACK
    // (p.69) and RFC793-SYN-IN-WINDOW (p.71).
    std::string out = RunInTempDir("scenarios/crafted-resets.json", "crafted-resets", {}, true);
    Events e{ReadCsv(out + "/events.csv")};

    auto syn = e.Replies("scanner", 1);
    REQUIRE(syn.size() == 1);
    CHECK(syn[0].at("flags") == "RST|ACK");
    CHECK(U(syn[0], "seq") == 0);
    CHECK(U(syn[0], "ack") == 1001);
    auto ack = e.Replies("scanner", 2);
    REQUIRE(ack.size() == 1);
    CHECK(ack[0].at("flags") == "RST");
    CHECK(U(ack[0], "seq") == 777);

    auto sent = e.Of("injector", "crafted_sent");
    REQUIRE(sent.size() == 3);
    CHECK(e.Replies("injector", 1).empty()); // the reset outside the window is dropped
    auto outside = e.Replies("injector", 2);
    REQUIRE(outside.size() == 1);
    CHECK(outside[0].at("flags") == "ACK");
    CHECK(U(outside[0], "ack") == U(sent[2], "seq")); // RCV.NXT, where the in-window SYN goes
    auto inside = e.Replies("injector", 3);
    REQUIRE_FALSE(inside.empty());
    CHECK(inside[0].at("flags") == "RST|ACK");
    auto closed = e.Of("server", "closed");
    REQUIRE(closed.size() == 1);
    CHECK(closed[0].at("reason") == "syn_in_window");
    CHECK(closed[0].at("time_s") == inside[0].at("time_s"));

    // The client learns of it from the server's reset.
    auto connections = ReadCsv(out + "/connections.csv");
    REQUIRE(connections.size() == 1);
    CHECK(connections[0].at("outcome") == "reset");
    CHECK(connections[0].at("error_code") == "10054");
    CHECK(std::stod(connections[0].at("closed_s")) > 7.0);
    CHECK(std::stod(connections[0].at("closed_s")) < 7.001);
}

TEST_CASE("crafted: crafted-close: data after a half-duplex close is reset; a reset in "
          "SYN-RECEIVED drops the half-open connection, one in FIN-WAIT-1 the connection",
          "[crafted][rfc1122][rfc793]")
{
    // Rule LT-CLOSE (RFC 1122 4.2.2.13: a host that "receives data after CLOSE
    // ... should send an RST to show that data was lost") and RFC793-RST-SYN-RCVD
    // (p.70: "If this connection was initiated with a passive OPEN (i.e., came
    // from the LISTEN state), then return this connection to LISTEN state").
    std::string out = RunInTempDir("scenarios/crafted-close.json", "crafted-close", {}, true);
    Events e{ReadCsv(out + "/events.csv")};

    // (1) The handshake by hand, the request, the response and the server's FIN.
    auto request = e.Replies("talker", 3);
    REQUIRE(request.size() >= 2);
    CHECK(request[0].at("flags") == "PSH|ACK");
    CHECK(U(request[0], "len") == 200);
    CHECK(U(request[0], "ack") == 1101);
    CHECK(request[1].at("flags").find("FIN") != std::string::npos);
    // Data after the application's close: RST|ACK, SEQ = the segment's ACK.
    auto sent = e.Of("talker", "crafted_sent");
    REQUIRE(sent.size() == 4);
    auto reset = e.Replies("talker", 4);
    REQUIRE(reset.size() == 1);
    CHECK(reset[0].at("flags") == "RST|ACK");
    CHECK(U(reset[0], "seq") == U(sent[3], "ack"));
    auto closed = e.Of("server", "closed");
    REQUIRE(closed.size() >= 2);
    CHECK(closed[0].at("reason") == "data_after_close_half_duplex");
    CHECK(closed[0].at("time_s") == reset[0].at("time_s"));

    // (2) The reset in the window of a SYN-RECEIVED connection drops it silently.
    CHECK(e.Replies("opener", 2).empty());
    CHECK(closed[1].at("reason") == "rst_passive_open_abandoned");
    double rstSent = std::stod(e.Of("opener", "crafted_sent")[1].at("time_s"));
    double dropped = std::stod(closed[1].at("time_s"));
    CHECK(dropped > rstSent);
    CHECK(dropped < rstSent + 0.001); // as the reset arrives
    // The listener stays: a new SYN from the same port gets a new SYN|ACK.
    auto again = e.Replies("opener", 3);
    REQUIRE_FALSE(again.empty());
    CHECK(again[0].at("flags") == "SYN|ACK");
    CHECK(U(again[0], "ack") == 9001);
    CHECK(U(again[0], "seq") != U(e.Replies("opener", 1)[0], "seq"));

    // (3) A reset in the window of a connection in FIN-WAIT-1 (RFC 793 p.70:
    // "enter the CLOSED state"), no reply.
    CHECK(e.Replies("resetter", 4).empty());
    auto received = e.Of("server", "rst_received");
    REQUIRE(received.size() == 2);
    CHECK(received[1].at("state") == "FIN_WAIT_1");
    REQUIRE(closed.size() == 3);
    CHECK(closed[2].at("reason") == "rst_connection_reset");
    CHECK(closed[2].at("time_s") == received[1].at("time_s"));
}
