// Redirector commands as written in logon scripts and batch files.
#include "lanman-command.h"

#include <catch2/catch.hpp>

using namespace ns3;

TEST_CASE("lanman-command: the commands of Q94246 parse")
{
    LanmanCommand c;
    std::string error;
    // Q94246: "net logon user password /y".
    REQUIRE(LanmanCommand::Parse("net logon user password /y", c, error));
    CHECK(c.kind == LanmanCommand::LOGON);
    CHECK(c.user == "user");
    CHECK(c.password == "password");
    CHECK(c.yes);
    REQUIRE(LanmanCommand::Parse("NET LOGON alice secret", c, error));
    CHECK_FALSE(c.yes);
    // Q94246: "net logoff" first, wait 5 seconds, then "net logon".
    REQUIRE(LanmanCommand::Parse("net logoff", c, error));
    CHECK(c.kind == LanmanCommand::LOGOFF);
    REQUIRE(LanmanCommand::Parse("wait 5s", c, error));
    CHECK(c.kind == LanmanCommand::WAIT);
    CHECK(c.wait == Seconds(5));
    REQUIRE(LanmanCommand::Parse("net use f: \\\\fs1\\data", c, error));
    CHECK(c.kind == LanmanCommand::USE);
    CHECK(c.drive == "F:");
    CHECK(c.server == "fs1");
    CHECK(c.share == "data");
    REQUIRE(LanmanCommand::Parse("net use F: /delete", c, error));
    CHECK(c.kind == LanmanCommand::USE_DELETE);
}

TEST_CASE("lanman-command: bad commands say what was expected")
{
    LanmanCommand c;
    std::string error;
    CHECK_FALSE(LanmanCommand::Parse("net uze F: \\\\fs1\\data", c, error));
    CHECK(error.find("net logon USER PASSWORD") != std::string::npos);
    CHECK_FALSE(LanmanCommand::Parse("net logon alice", c, error));
    CHECK(error == "net logon USER PASSWORD [/y]");
    CHECK_FALSE(LanmanCommand::Parse("wait 5", c, error));
    CHECK(error.find("with a unit") != std::string::npos);
    CHECK_FALSE(LanmanCommand::Parse("net use FF: \\\\fs1\\data", c, error));
    CHECK_FALSE(LanmanCommand::Parse("net use F: fs1\\data", c, error));
    CHECK(error.find("UNC") != std::string::npos);
    std::vector<LanmanCommand> out;
    size_t index = 99;
    CHECK_FALSE(ParseLanmanCommands({"net logoff", "", "wait 1s"}, out, index, error));
    CHECK(index == 1);
}
