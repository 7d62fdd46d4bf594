#include "units.h"

#include <catch2/catch.hpp>

using namespace retrotcp;

TEST_CASE("units: durations need a unit and are exact")
{
    CHECK(ParseDuration("3s")->GetNanoSeconds() == 3000000000LL);
    CHECK(ParseDuration("500ms")->GetNanoSeconds() == 500000000LL);
    CHECK(ParseDuration("0.1s")->GetNanoSeconds() == 100000000LL);
    CHECK(ParseDuration("2min")->GetNanoSeconds() == 120000000000LL);
    CHECK(ParseDuration("1h")->GetNanoSeconds() == 3600000000000LL);
    CHECK(ParseDuration("10us")->GetNanoSeconds() == 10000LL);
    CHECK(ParseDuration("7ns")->GetNanoSeconds() == 7LL);
    CHECK_FALSE(ParseDuration("3"));
    CHECK_FALSE(ParseDuration("3 s"));
    CHECK_FALSE(ParseDuration("-3s"));
    CHECK_FALSE(ParseDuration("1.5ns"));
    CHECK_FALSE(ParseDuration("3fortnights"));
    CHECK_FALSE(ParseDuration(""));
}

TEST_CASE("units: data rates need a unit")
{
    CHECK(*ParseDataRate("10Mbps") == 10000000ULL);
    CHECK(*ParseDataRate("64kbps") == 64000ULL);
    CHECK(*ParseDataRate("1.544Mbps") == 1544000ULL);
    CHECK(*ParseDataRate("9600bps") == 9600ULL);
    CHECK_FALSE(ParseDataRate("10"));
    CHECK_FALSE(ParseDataRate("0bps"));
    CHECK_FALSE(ParseDataRate("fast"));
}

TEST_CASE("units: seconds are printed with nanosecond resolution")
{
    CHECK(FormatSeconds(ns3::Seconds(3)) == "3.000000000");
    CHECK(FormatSeconds(ns3::NanoSeconds(1500000001)) == "1.500000001");
    CHECK(FormatSeconds(ns3::NanoSeconds(-250000000)) == "-0.250000000");
}

TEST_CASE("units: durations are printed in the largest exact unit")
{
    CHECK(FormatDuration(ns3::Seconds(240)) == "240s");
    CHECK(FormatDuration(ns3::MilliSeconds(500)) == "500ms");
    CHECK(FormatDuration(ns3::MicroSeconds(5)) == "5us");
    CHECK(FormatDuration(ns3::Time(0)) == "0s");
}
