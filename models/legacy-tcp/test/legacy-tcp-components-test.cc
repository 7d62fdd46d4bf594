// Unit tests of the stack's small components.
#include "clock-isn-generator.h"
#include "connection-block-pool.h"
#include "ephemeral-port-allocator.h"
#include "ns3-fixture.h"
#include "ns3/double.h"

#include <catch2/catch.hpp>

using namespace ns3;
using namespace retrotcp::test;

TEST_CASE("legacy-tcp: connection-block pool hands freed blocks to waiters in FIFO order",
          "[components]")
{
    ConnectionBlockPool pool;
    pool.SetCapacity(2);
    CHECK(pool.TryTake());
    CHECK(pool.TryTake());
    CHECK_FALSE(pool.TryTake());
    std::vector<uint64_t> granted;
    pool.Enqueue(7, Callback<void>([&]() { granted.push_back(7); }));
    pool.Enqueue(8, Callback<void>([&]() { granted.push_back(8); }));
    Callback<void> grant = pool.Release(); // passes straight to the first waiter
    REQUIRE_FALSE(grant.IsNull());
    grant();
    CHECK(granted == std::vector<uint64_t>{7});
    CHECK(pool.GetInUse() == 2);
    CHECK(pool.Dequeue(8));
    CHECK(pool.Release().IsNull());
    CHECK(pool.GetInUse() == 1);
}

TEST_CASE("legacy-tcp: ephemeral ports cycle and skip ports still referenced", "[components]")
{
    EphemeralPortAllocator ports;
    ports.SetRange(1025, 1027);
    CHECK(ports.Allocate() == 1025);
    CHECK(ports.Allocate() == 1026);
    ports.Release(1025);
    CHECK(ports.Allocate() == 1027); // cycles on like BSD
    CHECK(ports.Allocate() == 1025);
    CHECK(ports.Allocate() == 0); // exhausted
    ports.Acquire(1026);          // e.g. a TIME-WAIT record
    ports.Release(1026);
    CHECK(ports.Allocate() == 0);
}

TEST_CASE("legacy-tcp: the ISN clock ticks every 4 microseconds from a seeded offset",
          "[components]")
{
    Ns3Fixture fixture;
    ClockIsnGenerator isn;
    Ptr<ConstantRandomVariable> offset = CreateObject<ConstantRandomVariable>();
    offset->SetAttribute("Constant", DoubleValue(4294967000.0));
    isn.SetOffsetVariable(offset);
    LegacyTcpFourTuple key =
        LegacyTcpFourTuple::Make(Ipv4Address("10.1.0.2"), 1025, Ipv4Address("10.1.0.1"), 139);
    // RFC 793 p.27: "the low order bit is incremented roughly every 4 microseconds"
    SequenceNumber32 a = isn.Next(Seconds(0), key);
    SequenceNumber32 b = isn.Next(Seconds(1), key);
    CHECK(a.GetValue() == 4294967000u);
    CHECK(uint32_t(b - a) == 250000u);
    CHECK(b.GetValue() == uint32_t(4294967000u + 250000u)); // wrapped
    isn.SetMode(ClockIsnGenerator::ZERO);
    CHECK(isn.Next(Seconds(5), key).GetValue() == 0);
}

TEST_CASE("legacy-tcp: connections opened at one instant get different ISNs", "[components]")
{
    // Rule LT-ISN-DISTINCT. 4.4BSD tcp_input/tcp_usrreq: "tcp_iss += TCP_ISSINCR/2"
    // at every connection, so two connects in the same clock tick differ by 64,000.
    Ns3Fixture fixture;
    ClockIsnGenerator isn;
    Ptr<ConstantRandomVariable> offset = CreateObject<ConstantRandomVariable>();
    offset->SetAttribute("Constant", DoubleValue(1000.0));
    isn.SetOffsetVariable(offset);
    isn.SetIncrement(64000);
    LegacyTcpFourTuple one =
        LegacyTcpFourTuple::Make(Ipv4Address("10.1.0.2"), 1025, Ipv4Address("10.1.0.1"), 139);
    LegacyTcpFourTuple two =
        LegacyTcpFourTuple::Make(Ipv4Address("10.1.0.2"), 1026, Ipv4Address("10.1.0.1"), 139);
    SequenceNumber32 a = isn.Next(Seconds(2), one);
    SequenceNumber32 b = isn.Next(Seconds(2), two);
    CHECK(a.GetValue() == 1000u + 500000u);
    CHECK(uint32_t(b - a) == 64000u);

    SECTION("RFC 6528: the clock plus a keyed hash of the 4-tuple")
    {
        // RFC 6528 section 3: "ISN = M + F(localip, localport, remoteip, remoteport,
        // secretkey)", M the 4-microsecond timer.
        isn.SetMode(ClockIsnGenerator::HASHED);
        SequenceNumber32 h1 = isn.Next(Seconds(2), one);
        SequenceNumber32 h2 = isn.Next(Seconds(2), two);
        SequenceNumber32 h1Later = isn.Next(Seconds(3), one);
        CHECK(h1 != h2);
        CHECK(uint32_t(h1Later - h1) == 250000u); // same 4-tuple: only the clock moved
        CHECK(uint32_t(h2 - h1) != 64000u);
    }
}
