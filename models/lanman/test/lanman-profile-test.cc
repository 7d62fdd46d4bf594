// The LAN Manager profiles follow from PROTOCOL.INI, one copy of each number.
#include "lanman-profile-registry.h"
#include "lanman-redirector.h"
#include "ns3/uinteger.h"

#include <catch2/catch.hpp>

using namespace ns3;

namespace
{
std::string
ValueOf(const LegacyTcpProfile& p, const std::string& attribute)
{
    const LegacyTcpProfileValue* v = p.Find(attribute);
    return v ? v->value : "";
}
} // namespace

TEST_CASE("lanman: the default profiles are the default PROTOCOL.INI's", "[profile]")
{
    // Q94246: "The parameter TCPCONNECTIONS defaults to (NBSESSIONS + 1 + NUMSOCKETS +
    // NSESSIONS)", NBSESSIONS "defaults to 6", the utilities' names only with the
    // utilities: 7 blocks; TCPWINDOWSIZE 4350 for 7-8 connections; TCPSEGMENTSIZE
    // 1450; 2 x MSL = 4 s (assumption).
    REQUIRE(LanmanProfileRegistry::GetAll().size() == 3);
    for (const char* version : {"2.1", "2.1a", "2.2"})
    {
        SECTION(version)
        {
            const LegacyTcpProfile* p =
                LanmanProfileRegistry::Find(std::string("lanman-dos-") + version);
            REQUIRE(p);
            CHECK(ValueOf(*p, "ConnectionBlocks") == "7");
            CHECK(ValueOf(*p, "ReceiveWindow") == "4350");
            CHECK(ValueOf(*p, "SegmentSize") == "1450");
            CHECK(ValueOf(*p, "Msl") == "2s");
            CHECK(p->Find("Msl")->source == LanmanStackConfig::kMslSource);
            CHECK(p->Find("ConnectionBlocks")->source == "Q94246: NBSESSIONS 6 + 1 (no utilities)");
            CHECK_THAT(p->GetDescription(), Catch::Contains("NBSESSIONS + 1 = 7 connection"));
            LanmanStackConfig config(*LanmanProfileRegistry::VersionOf(p->GetName()));
            for (const auto& [attribute, value] : config.ToAttributes())
            {
                CHECK(ValueOf(*p, attribute) == value);
            }
        }
    }
    CHECK_FALSE(LanmanProfileRegistry::VersionOf("winnt-4.0"));
    CHECK_FALSE(LanmanProfileRegistry::VersionOf("lanman-dos-3.0"));
}

TEST_CASE("lanman: NBSESSIONS has one default, the redirector's and PROTOCOL.INI's", "[profile]")
{
    TypeId::AttributeInformation info;
    REQUIRE(LanmanRedirector::GetTypeId().LookupAttributeByName("NbSessions", &info));
    const auto& initial = dynamic_cast<const UintegerValue&>(*info.initialValue);
    CHECK(initial.Get() == LanmanStackConfig().GetNbSessions());
    CHECK(LanmanStackConfig().GetNbSessions() == 6); // Q94246: "defaults to 6"
}

TEST_CASE("lanman: a profile made from a workstation's PROTOCOL.INI", "[profile]")
{
    LanmanStackConfig config(LanmanVersion::V2_2);
    SECTION("NBSESSIONS 10: TCPCONNECTIONS 11, window for 9-11 connections")
    {
        REQUIRE_FALSE(config.Set("NBSESSIONS", "10"));
        LegacyTcpProfile p = LanmanProfileRegistry::Make(config);
        CHECK(p.GetName() == "lanman-dos-2.2");
        CHECK(ValueOf(p, "ConnectionBlocks") == "11");
        CHECK(p.Find("ConnectionBlocks")->source == "Q94246: NBSESSIONS 10 + 1 (no utilities)");
        CHECK(ValueOf(p, "ReceiveWindow") == "2900");
        CHECK(p.Find("ReceiveWindow")->source ==
              "TCPWINDOWSIZE for 9-11 connections (one 64 KB segment)");
        CHECK_THAT(p.GetDescription(), Catch::Contains("= 11 connection blocks"));
    }
    SECTION("with the utilities and explicit values")
    {
        config.SetUtilities(true);
        REQUIRE_FALSE(config.Set("TCPSEGMENTSIZE", "536"));
        REQUIRE_FALSE(config.Set("MSL", "1.5s"));
        LegacyTcpProfile p = LanmanProfileRegistry::Make(config);
        CHECK(ValueOf(p, "ConnectionBlocks") == "13"); // 6 + 1 + NUMSOCKETS 4 + NSESSIONS 2
        CHECK(p.Find("ConnectionBlocks")->source ==
              "Q94246: NBSESSIONS 6 + 1 + NUMSOCKETS 4 + NSESSIONS 2");
        CHECK(ValueOf(p, "SegmentSize") == "536");
        CHECK(p.Find("SegmentSize")->source == "PROTOCOL.INI TCPSEGMENTSIZE");
        CHECK(ValueOf(p, "Msl") == "1500ms");
        CHECK_THAT(p.GetDescription(), Catch::Contains("with the TCP/IP Utilities"));
    }
}
