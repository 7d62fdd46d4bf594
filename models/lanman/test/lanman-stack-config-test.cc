// PROTOCOL.INI -> LegacyTcpL4Protocol attributes (Q94246).
#include "lanman-stack-config.h"

#include <catch2/catch.hpp>

using namespace ns3;

namespace
{
std::string
AttributeText(const LanmanStackConfig& c, const std::string& name)
{
    for (const auto& [n, v] : c.ToAttributes())
    {
        if (n == name)
        {
            return v;
        }
    }
    return "";
}
} // namespace

TEST_CASE("lanman-stack-config: TCPCONNECTIONS by version and utilities")
{
    // Q94246: "TCPCONNECTIONS defaults to (NBSESSIONS + 1 + NUMSOCKETS + NSESSIONS)";
    // NBSESSIONS 6; NUMSOCKETS "defaults to 8 in 2.1 and 2.1a, 4 in 2.2"; NSESSIONS 2;
    // both only with the utilities. "Systems without the utilities default to 7".
    struct Case
    {
        const char* version;
        bool utilities;
        uint32_t expected;
    };
    const Case cases[] = {{"2.1", false, 7}, {"2.1a", false, 7}, {"2.2", false, 7},
                          {"2.1", true, 17}, {"2.1a", true, 17}, {"2.2", true, 13}};
    for (const auto& c : cases)
    {
        SECTION(std::string(c.version) + (c.utilities ? " with" : " without") + " utilities")
        {
            LanmanStackConfig config(*LanmanStackConfig::ParseVersion(c.version));
            config.SetUtilities(c.utilities);
            CHECK_FALSE(config.Validate());
            CHECK(config.GetTcpConnections() == c.expected);
            CHECK(AttributeText(config, "ConnectionBlocks") == std::to_string(c.expected));
            CHECK(config.GetNbSessions() == 6);
            CHECK(config.GetNSessions() == (c.utilities ? 2U : 0U));
        }
    }
}

TEST_CASE("lanman-stack-config: explicit TCPCONNECTIONS and other parameters")
{
    // Q94246: "In LAN Manager 2.1, 2.1a, and 2.2, TCPCONNECTIONS itself can be set in
    // PROTOCOL.INI".
    LanmanStackConfig config(LanmanVersion::V2_2);
    SECTION("the override wins over the formula")
    {
        CHECK_FALSE(config.Set("TCPCONNECTIONS", "12"));
        CHECK_FALSE(config.Set("NBSESSIONS", "3"));
        CHECK(config.IsTcpConnectionsOverridden());
        CHECK(config.GetTcpConnections() == 12);
        CHECK(AttributeText(config, "ConnectionBlocks") == "12");
        CHECK(AttributeText(config, "ReceiveWindow") == "1450"); // 12-22 connections
    }
    SECTION("a larger NUMSOCKETS raises the formula (the seed's resolution)")
    {
        CHECK_FALSE(config.Set("TCP_UTILITIES", "true"));
        CHECK_FALSE(config.Set("NUMSOCKETS", "8"));
        CHECK(config.GetTcpConnections() == 6 + 1 + 8 + 2);
        CHECK(AttributeText(config, "ReceiveWindow") == "1450");
    }
    SECTION("window by connections, segment size, MSL")
    {
        CHECK(AttributeText(config, "ReceiveWindow") == "4350"); // 7-8 connections
        CHECK(AttributeText(config, "SegmentSize") == "1450");
        CHECK(AttributeText(config, "Msl") == "2s");
        CHECK_FALSE(config.Set("NBSESSIONS", "4"));
        CHECK(config.GetTcpConnections() == 5);
        CHECK(AttributeText(config, "ReceiveWindow") == "5800"); // <= 6
        CHECK_FALSE(config.Set("TCPWINDOWSIZE", "2048"));
        CHECK_FALSE(config.Set("TCPSEGMENTSIZE", "536"));
        CHECK_FALSE(config.Set("MSL", "500ms"));
        CHECK(AttributeText(config, "ReceiveWindow") == "2048");
        CHECK(AttributeText(config, "SegmentSize") == "536");
        CHECK(AttributeText(config, "Msl") == "500ms");
        CHECK_FALSE(config.Set("MSL", "30"));
        CHECK(config.GetMsl() == Seconds(30));
    }
    SECTION("bad values say what was expected")
    {
        CHECK(config.Set("TCPSEGMENTSIZE", "1460")->find("at most 1450") != std::string::npos);
        CHECK(config.Set("NBSESSIONS", "0")->find("from 1 to 22") != std::string::npos);
        CHECK(config.Set("NBSESSIONS", "six")->find("integer") != std::string::npos);
        CHECK(config.Set("MSL", "-1s")->find("duration") != std::string::npos);
        CHECK(config.Set("TCP_UTILITIES", "yes")->find("true or false") != std::string::npos);
        CHECK(config.Set("NCBS", "4")->find("PROTOCOL.INI") != std::string::npos);
    }
    SECTION("utilities parameters need the utilities")
    {
        CHECK_FALSE(config.Set("NUMSOCKETS", "8"));
        REQUIRE(config.Validate());
        CHECK(config.Validate()->find("TCP_UTILITIES") != std::string::npos);
    }
    SECTION("the formula is limited to 22")
    {
        config.SetUtilities(true);
        CHECK_FALSE(config.Set("NUMSOCKETS", "20"));
        REQUIRE(config.Validate());
        CHECK(config.Validate()->find("it is 29") != std::string::npos);
    }
}
