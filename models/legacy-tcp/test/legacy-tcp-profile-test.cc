// Profiles as ns-3 users install them: LegacyTcpStackHelper::SetProfile.
#include "legacy-tcp-parameter-aliases.h"
#include "legacy-tcp-profile-registry.h"
#include "legacy-tcp-test-network.h"
#include "ns3-fixture.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/object-factory.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <catch2/catch.hpp>
#include <set>

using namespace ns3;
using namespace retrotcp::test;

namespace
{

// The attribute's value on \p stack, and \p text as the same attribute reads it.
std::pair<std::string, std::string>
Compare(Ptr<LegacyTcpL4Protocol> stack, const std::string& attribute, const std::string& text)
{
    TypeId::AttributeInformation info;
    REQUIRE(LegacyTcpL4Protocol::GetTypeId().LookupAttributeByName(attribute, &info));
    Ptr<AttributeValue> actual = info.checker->Create();
    stack->GetAttribute(attribute, *actual);
    Ptr<AttributeValue> expected = info.checker->CreateValidValue(StringValue(text));
    REQUIRE(expected);
    return {actual->SerializeToString(info.checker), expected->SerializeToString(info.checker)};
}

} // namespace

TEST_CASE("legacy-tcp: SetProfile presets every value of each built-in profile", "[profile]")
{
    for (const auto& profile : LegacyTcpProfileRegistry::GetAll())
    {
        SECTION(profile.GetName())
        {
            Ns3Fixture fixture;
            LegacyTcpStackHelper stack;
            stack.SetProfile(profile.GetName());
            TestNetwork net(stack, LegacyTcpStackHelper());
            REQUIRE_FALSE(profile.GetValues().empty());
            for (const auto& v : profile.GetValues())
            {
                INFO(v.attribute << " = " << v.value);
                CHECK_FALSE(v.source.empty());
                auto [actual, expected] = Compare(net.tcp[0], v.attribute, v.value);
                CHECK(actual == expected);
            }
        }
    }
}

TEST_CASE("legacy-tcp: SetAttribute after SetProfile overrides it; SetProfile starts afresh",
          "[profile]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper stack;
    stack.SetAttribute("SegmentSize", UintegerValue(536));
    stack.SetProfile("winnt-4.0");
    stack.SetAttribute("MaxConnectRetransmissions", UintegerValue(5));
    LegacyTcpStackHelper plain;
    TestNetwork net(stack, plain);
    CHECK(Compare(net.tcp[0], "MaxConnectRetransmissions", "5").first == "5");
    // The SegmentSize set before SetProfile is gone: the model default again.
    UintegerValue segment;
    net.tcp[0]->GetAttribute("SegmentSize", segment);
    UintegerValue defaultSegment;
    net.tcp[1]->GetAttribute("SegmentSize", defaultSegment);
    CHECK(segment.Get() == defaultSegment.Get());
    CHECK(LegacyTcpProfileRegistry::Find("no-such-stack") == nullptr);
    CHECK_THAT(LegacyTcpProfileRegistry::ListNames(), Catch::Contains("winnt-4.0"));
}

TEST_CASE("legacy-tcp: SetProfile(\"winnt-4.0\") gives Q175523's refused-connect timeline",
          "[profile]")
{
    // Q175523: after a RST|ACK "the pending connection will wait for the base
    // connection's time-out value and reissue another SYN packet ... until the
    // maximum retry value is reached" (TcpMaxConnectRetransmissions 3), then
    // WSAECONNREFUSED. The profile's RstRetryInterval is 500 ms.
    Ns3Fixture fixture;
    LegacyTcpStackHelper client;
    client.SetProfile("winnt-4.0");
    TestNetwork net(client, LegacyTcpStackHelper());
    Ptr<LegacyTcpSocket> s = net.NewSocket(0);
    ConnectProbe probe;
    probe.Watch(s);
    Simulator::Schedule(Seconds(1), [&]() { s->Connect(net.Server(80)); });
    Simulator::Run();
    INFO(net.wire.Dump());
    auto syns = net.wire.From("client", TcpHeader::SYN);
    REQUIRE(syns.size() == 4);
    for (size_t i = 0; i < syns.size(); ++i)
    {
        CHECK((syns[i].time - Seconds(1)).GetSeconds() == Approx(0.5 * i).margin(1e-4));
    }
    CHECK(probe.failed);
    CHECK(s->GetErrorCode().number == 10061);
    CHECK(std::string(s->GetErrorCode().name) == "WSAECONNREFUSED");
}

TEST_CASE("legacy-tcp: Windows registry names translate into attributes with their units",
          "[profile][aliases]")
{
    // Registry values are DWORDs in the units the system documents: TcpTimedWaitDelay
    // in seconds, TcpInitialRtt in milliseconds (both the SYN's and the data RTO).
    std::vector<LegacyTcpParameterAliases::Assignment> out;
    CHECK_FALSE(LegacyTcpParameterAliases::Translate("TcpTimedWaitDelay", "60", out));
    CHECK_FALSE(LegacyTcpParameterAliases::Translate("TcpInitialRtt", "1500", out));
    CHECK_FALSE(LegacyTcpParameterAliases::Translate("MaxConnectRetries", "5", out));
    using A = LegacyTcpParameterAliases::Assignment;
    CHECK(out == std::vector<A>{{"TimeWaitDelay", "60s"},
                                {"SynInitialTimeout", "1500ms"},
                                {"InitialRto", "1500ms"},
                                {"MaxConnectRetransmissions", "5"}});
    // Every translation names an attribute of the stack that accepts the value.
    Ptr<LegacyTcpL4Protocol> stack = CreateObject<LegacyTcpL4Protocol>();
    for (const auto& alias : LegacyTcpParameterAliases::GetAll())
    {
        INFO(alias.name);
        CHECK_FALSE(alias.source.empty());
        std::vector<A> one;
        REQUIRE_FALSE(LegacyTcpParameterAliases::Translate(alias.name, "7", one));
        REQUIRE_FALSE(one.empty());
        for (const auto& [attribute, value] : one)
        {
            CHECK(stack->SetAttributeFailSafe(attribute, StringValue(value)));
        }
    }
    // A value that is not a registry integer says what it should be.
    std::vector<A> bad;
    auto problem = LegacyTcpParameterAliases::Translate("TcpTimedWaitDelay", "4min", bad);
    REQUIRE(problem);
    CHECK(*problem == "a non-negative integer (registry value TcpTimedWaitDelay)");
    CHECK(bad.empty());
    CHECK(LegacyTcpParameterAliases::Find("tcp_syn_retries") == nullptr);
}

TEST_CASE("legacy-tcp: the helper's stacks, copies of one prototype, equal stacks made by the "
          "attribute system, random variables included",
          "[profile]")
{
    Ns3Fixture fixture;
    LegacyTcpStackHelper helper;
    helper.SetProfile("win95");
    helper.SetAttribute("IsnOffset", StringValue("ns3::UniformRandomVariable[Min=5|Max=9000]"));
    helper.SetAttribute("ConnectionBlocks", UintegerValue(1));
    helper.SetAttribute("EphemeralPortMin", UintegerValue(2000));
    NodeContainer nodes;
    nodes.Create(3);
    InternetStackHelper().Install(nodes);
    helper.Install(nodes);
    helper.AssignStreams(nodes, 40);
    // The same through the attribute system, one ObjectFactory::Create per stack.
    ObjectFactory factory("ns3::LegacyTcpL4Protocol");
    for (const auto& v : LegacyTcpProfileRegistry::Find("win95")->GetValues())
    {
        factory.Set(v.attribute, StringValue(v.value));
    }
    factory.Set("IsnOffset", StringValue("ns3::UniformRandomVariable[Min=5|Max=9000]"));
    factory.Set("ConnectionBlocks", UintegerValue(1));
    factory.Set("EphemeralPortMin", UintegerValue(2000));
    const LegacyTcpFourTuple key =
        LegacyTcpFourTuple::Make(Ipv4Address("10.0.0.1"), 1025, Ipv4Address("10.0.0.2"), 139);
    std::set<uint32_t> isns;
    for (uint32_t i = 0; i < nodes.GetN(); ++i)
    {
        INFO("node " << i);
        Ptr<LegacyTcpL4Protocol> copy = nodes.Get(i)->GetObject<LegacyTcpL4Protocol>();
        Ptr<LegacyTcpL4Protocol> made = factory.Create<LegacyTcpL4Protocol>();
        made->AssignStreams(40 + 2 * i);
        TypeId tid = LegacyTcpL4Protocol::GetTypeId();
        for (uint32_t a = 0; a < tid.GetAttributeN(); ++a)
        {
            TypeId::AttributeInformation info = tid.GetAttribute(a);
            if (info.checker->GetValueTypeName() == "ns3::PointerValue")
            {
                continue; // objects: compared by what they draw
            }
            INFO(info.name);
            Ptr<AttributeValue> x = info.checker->Create();
            Ptr<AttributeValue> y = info.checker->Create();
            copy->GetAttribute(info.name, *x);
            made->GetAttribute(info.name, *y);
            CHECK(x->SerializeToString(info.checker) == y->SerializeToString(info.checker));
        }
        // Each stack has its own offset variable, drawing what the factory's draws.
        uint32_t isn = copy->NextIsn(key).GetValue();
        CHECK(isn == made->NextIsn(key).GetValue());
        CHECK(isn >= 5);
        CHECK(isn <= 9000);
        isns.insert(isn);
        // The setters' work was done too: one block, ports from 2000.
        CHECK(copy->TakeBlock(1, key));
        CHECK_FALSE(copy->TakeBlock(2, key));
        CHECK(copy->AllocatePort() == 2000);
        CHECK(copy->TimerDelay(Seconds(1), MilliSeconds(500)) ==
              made->TimerDelay(Seconds(1), MilliSeconds(500)));
    }
    CHECK(isns.size() == 3);
}

TEST_CASE("legacy-tcp: stacks copied from one prototype share its values until one of them is "
          "set",
          "[profile]")
{
    // The copies share one Config (216 bytes a host less); setting an attribute on
    // one stack gives that stack its own copy and leaves the others as they were.
    Ns3Fixture fixture;
    LegacyTcpStackHelper helper;
    helper.SetProfile("winnt-4.0");
    NodeContainer nodes;
    nodes.Create(3);
    InternetStackHelper().Install(nodes);
    helper.Install(nodes);
    auto stack = [&nodes](uint32_t i) { return nodes.Get(i)->GetObject<LegacyTcpL4Protocol>(); };
    auto minRto = [&stack](uint32_t i) { return stack(i)->GetConfig().minRto; };
    const Time before = minRto(0);
    CHECK(&stack(0)->GetConfig() == &stack(2)->GetConfig());
    stack(1)->SetAttribute("MinRto", TimeValue(MilliSeconds(777)));
    CHECK(minRto(1) == MilliSeconds(777));
    CHECK(minRto(0) == before);
    CHECK(minRto(2) == before);
    CHECK(&stack(0)->GetConfig() != &stack(1)->GetConfig());
    TimeValue read;
    stack(1)->GetAttribute("MinRto", read);
    CHECK(read.Get() == MilliSeconds(777));
    stack(0)->GetAttribute("MinRto", read);
    CHECK(read.Get() == before);
    // A stack without copies (the prototype's own values) is set in place.
    stack(1)->SetAttribute("ReceiveWindow", UintegerValue(4321));
    CHECK(stack(1)->GetConfig().receiveWindow == 4321);
    CHECK(minRto(1) == MilliSeconds(777));
    CHECK(stack(0)->GetConfig().receiveWindow != 4321);
}
