// scenarios/reference-linux-client.json: the experiments a user runs against one
// Linux server on one LAN to compare a profile with a real kernel — a connect
// loop bound to an 8-port range, a dropped port with and without the
// application's own deadline, a closed port, a late listener — checked on the
// wire and in the traces.
#include "ns3-fixture.h"
#include "scenario-run.h"

#include <catch2/catch.hpp>

using namespace retrotcp;
using namespace retrotcp::test;

namespace
{

const ScenarioRun&
Reference()
{
    static const ScenarioRun run = [] {
        Ns3Fixture fixture;
        return ScenarioRun::Of("scenarios/reference-linux-client.json");
    }();
    return run;
}

} // namespace

TEST_CASE("reference-client: a close-then-next loop through an 8-port local range",
          "[loop][scenario]")
{
    // Rule APP-LOOP: "a connect mode that starts the next call after the previous
    // connection has closed (optionally after a think time)". Rule APP-PORT-RANGE:
    // each call bound to the next free port of the application's own range; a port
    // in TIME-WAIT (the client closed first: 60 s on linux) is not free, so with
    // every port held the call fails at once (EADDRNOTAVAIL).
    const ScenarioRun& run = Reference();
    auto calls = run.Calls("client", 80);
    REQUIRE(calls.size() == 12);
    for (size_t i = 0; i < 8; ++i)
    {
        CAPTURE(i);
        CHECK(calls[i].at("outcome") == "established");
        CHECK(calls[i].at("local_port") == std::to_string(40000 + i));
        CHECK(calls[i].at("bytes_sent") == "100");
        CHECK(calls[i].at("bytes_received") == "1000");
        if (i > 0)
        {
            // The next call starts 10 ms (think_time) after the previous app_close.
            auto closes = run.Events("client", "app_close", calls[i - 1].at("conn_id"));
            REQUIRE(closes.size() == 1);
            CHECK(Number(calls[i], "start_s") - Number(closes[0], "time_s") ==
                  Approx(0.010).margin(1e-9));
            // ... before the previous connection's FIN exchange is over: the loop
            // waits for close(), not for the connection to leave the wire.
            CHECK(Number(calls[i], "start_s") > Number(calls[i - 1], "closed_s"));
        }
        auto tw = run.Events("client", "time_wait_enter", calls[i].at("conn_id"));
        REQUIRE(tw.size() == 1);
        CHECK(tw[0].at("detail") == "duration=60.000000");
    }
    for (size_t i = 8; i < 12; ++i)
    {
        CAPTURE(i);
        CHECK(calls[i].at("outcome") == "no_port");
        CHECK(calls[i].at("errno") == "EADDRNOTAVAIL");
        CHECK(calls[i].at("syns_sent") == "0");
        // 10 ms after the previous call was over: closed by the application
        // (call 8) or failed (calls 9 to 11).
        double over =
            i == 8
                ? Number(run.Events("client", "app_close", calls[i - 1].at("conn_id"))[0], "time_s")
                : Number(calls[i - 1], "end_s");
        CHECK(Number(calls[i], "start_s") - over == Approx(0.010).margin(1e-9));
    }
    // The wire: exactly 8 SYNs to port 80, from 40000 .. 40007 in that order.
    std::vector<uint16_t> ports;
    for (const auto& s : run.Segments("client"))
    {
        if (s.destinationPort == 80 && s.Has(fit::kSyn))
        {
            ports.push_back(s.sourcePort);
        }
    }
    CHECK(ports == std::vector<uint16_t>{40000, 40001, 40002, 40003, 40004, 40005, 40006, 40007});
}

TEST_CASE("reference-client: the application's connect deadline ends the SYNs", "[loop][scenario]")
{
    // Rule APP-CONNECT-DEADLINE: a call not connected connect_deadline after it
    // started is abandoned (the socket closed, outcome timed_out); the stack's own
    // schedule goes on for a call without one.
    const ScenarioRun& run = Reference();
    auto calls = run.Calls("client", 81);
    REQUIRE(calls.size() == 2);
    const Row& full = calls[0];
    const Row& bounded = calls[1];
    CHECK(run.SynOffsets(full) == std::vector<double>{0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67});
    CHECK(TimeToOutcome(full) == Approx(131).margin(1e-9));
    CHECK(run.SynOffsets(bounded) == std::vector<double>{0, 1, 2});
    CHECK(bounded.at("outcome") == "timed_out");
    CHECK(bounded.at("errno") == "ETIMEDOUT");
    CHECK(TimeToOutcome(bounded) == Approx(3).margin(1e-9));
    auto deadline = run.Events("client", "app_connect_deadline", bounded.at("conn_id"));
    REQUIRE(deadline.size() == 1);
    CHECK(deadline[0].at("detail") == "after=3.000000");
    // No SYN of the abandoned call after 3 s, on the wire.
    int late = 0;
    for (const auto& s : run.Segments("client"))
    {
        late += s.sourcePort == std::stoi(bounded.at("local_port")) && Seconds(s) > 5.0;
    }
    CHECK(late == 0);
}

TEST_CASE("reference-client: closed port and late listener on the same server", "[loop][scenario]")
{
    // RFC 793 p.66: in SYN-SENT "If the ACK was acceptable then signal the user
    // 'error: connection reset', drop the segment, enter CLOSED" (linux refuses on
    // the first RST|ACK).
    const ScenarioRun& run = Reference();
    Row closed = run.Call("client", 82);
    CHECK(closed.at("outcome") == "refused");
    CHECK(closed.at("syns_sent") == "1");
    CHECK(closed.at("rsts_received") == "1");
    auto polls = run.Calls("client", 84);
    REQUIRE(polls.size() == 5);
    for (size_t i = 0; i < 4; ++i)
    {
        CHECK(polls[i].at("outcome") == "refused");
        CHECK(Number(polls[i], "start_s") == Approx(2.0 + 2.0 * i).margin(0.001));
    }
    CHECK(polls[4].at("outcome") == "established");
    CHECK(Number(polls[4], "start_s") == Approx(10.0).margin(0.001));
}
