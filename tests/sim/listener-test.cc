// End-to-end: a listener that cannot bind its port.
#include "ns3-fixture.h"
#include "test-util.h"

#include <catch2/catch.hpp>

using namespace retrotcp;
using namespace retrotcp::test;

// bind() of a listener fails while a connection still holds its port (Winsock:
// WSAEADDRINUSE without SO_REUSEADDR; the legacy stack refuses a port in use). The
// service reports it and stays down for that window; the run goes on.
TEST_CASE("listener: a service window that cannot bind its port reports service_failed")
{
    Ns3Fixture fixture;
    std::string out = RunInTempDir("tests/data/valid/service-reopen.json", "service-reopen");
    std::vector<std::string> srvEvents;
    for (const auto& r : ReadCsv(out + "/events.csv"))
    {
        if (r.at("host") == "srv" && r.at("event").rfind("service_", 0) == 0)
        {
            srvEvents.push_back(r.at("time_s") + " " + r.at("event") + " " + r.at("detail"));
        }
    }
    CHECK(srvEvents == std::vector<std::string>{
                           "0.000000000 service_up port=139",
                           "5.000000000 service_down port=139",
                           "5.001000000 service_failed port=139 reason=address_in_use",
                       });
    auto rows = ReadCsv(out + "/connections.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].at("outcome") == "established");
    CHECK(rows[0].at("bytes_received") == "10");
    // Nothing listens after the failed bind: the second connect is refused.
    CHECK(rows[1].at("outcome") == "refused");
}
