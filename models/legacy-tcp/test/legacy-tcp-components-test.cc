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
    pool.Enqueue(7);
    pool.Enqueue(8);
    CHECK(pool.Release() == 7); // passes straight to the first waiter
    CHECK(pool.GetInUse() == 2);
    CHECK(pool.Dequeue(8));
    CHECK(pool.Release() == 0);
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
    // RFC 793 p.27: "the low order bit is incremented roughly every 4 microseconds"
    SequenceNumber32 a = isn.Next(Seconds(0));
    SequenceNumber32 b = isn.Next(Seconds(1));
    CHECK(a.GetValue() == 4294967000u);
    CHECK(uint32_t(b - a) == 250000u);
    CHECK(b.GetValue() == uint32_t(4294967000u + 250000u)); // wrapped
    isn.SetZeroMode(true);
    CHECK(isn.Next(Seconds(5)).GetValue() == 0);
}
