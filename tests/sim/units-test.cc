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

TEST_CASE("units: durations are exact integers and refuse what ns-3 time cannot hold")
{
    QuantityProblem why;
    CHECK(ParseDuration("100000h")->GetNanoSeconds() == kMaxDurationNs);
    CHECK(ParseDuration("0.000000001s")->GetNanoSeconds() == 1);
    CHECK(ParseDuration("1.500000000000000000000s")->GetNanoSeconds() == 1500000000LL);
    CHECK(ParseDuration("000000000000000000000000000003s")->GetNanoSeconds() == 3000000000LL);
    // The old parser wrapped: 9300000000 s * 10^9 is beyond 2^64 (became ~0.1 s).
    for (const char* text : {"9300000000s", "1000000000h", "100001h", "6000001min",
                             "18446744073709551616ns", "99999999999999999999999999h"})
    {
        INFO(text);
        CHECK_FALSE(ParseDuration(text, &why));
        CHECK(why == QuantityProblem::kTooLarge);
    }
    CHECK_FALSE(ParseDuration("100000.000000000001h", &why));
    CHECK(why == QuantityProblem::kPrecision);
    CHECK_FALSE(ParseDuration("0.0000000001s", &why));
    CHECK(why == QuantityProblem::kPrecision);
    CHECK_FALSE(ParseDuration("3.s", &why));
    CHECK(why == QuantityProblem::kSyntax);
    CHECK_FALSE(ParseDuration(".5s", &why));
    CHECK(why == QuantityProblem::kSyntax);
    // Linear in the length, no recursion: 10^6 digits are read and refused.
    CHECK_FALSE(ParseDuration(std::string(1000000, '9') + "s", &why));
    CHECK(why == QuantityProblem::kTooLarge);
    CHECK_FALSE(ParseDuration(std::string(1000000, '9'), &why));
    CHECK(why == QuantityProblem::kSyntax);
    CHECK(ParseDuration("0." + std::string(1000000, '0') + "s")->GetNanoSeconds() == 0);
}

TEST_CASE("units: data rates are exact and at most 1000Gbps")
{
    QuantityProblem why;
    CHECK(*ParseDataRate("1000Gbps") == kMaxDataRateBps);
    CHECK(*ParseDataRate("0.001kbps") == 1);
    // The old parser wrapped 18446744074 Gbps to about 290 Mbps.
    CHECK_FALSE(ParseDataRate("18446744074Gbps", &why));
    CHECK(why == QuantityProblem::kTooLarge);
    CHECK_FALSE(ParseDataRate("1000.000000001Gbps", &why));
    CHECK(why == QuantityProblem::kTooLarge);
    CHECK_FALSE(ParseDataRate("0.5bps", &why));
    CHECK(why == QuantityProblem::kPrecision);
    CHECK_FALSE(ParseDataRate("0Mbps", &why));
    CHECK(why == QuantityProblem::kZero);
    CHECK_FALSE(ParseDataRate(std::string(1000000, '1') + "bps", &why));
    CHECK(why == QuantityProblem::kTooLarge);
}

TEST_CASE("units: decimal integers")
{
    CHECK(*ParseDecimal("0", 3) == 0);
    CHECK(*ParseDecimal("4294944442", 10) == 4294944442ULL);
    CHECK(*ParseDecimal("9999999999999999999", 19) == 9999999999999999999ULL);
    CHECK_FALSE(ParseDecimal("", 3));
    CHECK_FALSE(ParseDecimal("1000", 3));
    CHECK_FALSE(ParseDecimal("-1", 3));
    CHECK_FALSE(ParseDecimal("+1", 3));
    CHECK_FALSE(ParseDecimal(" 1", 3));
    CHECK_FALSE(ParseDecimal("99999999999999999999", 30)); // never more than 19 digits
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
