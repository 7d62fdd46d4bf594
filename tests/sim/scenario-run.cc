#include "scenario-run.h"

#include "capture-reader.h"
#include "runner.h"
#include "scenario-loader.h"
#include "test-util.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace retrotcp
{
namespace test
{

ScenarioRun
ScenarioRun::Of(const std::string& scenario, const std::vector<std::string>& overrides)
{
    Scenario s = LoadScenario(SourcePath(scenario), overrides);
    RunOptions options;
    options.outDir = TempDir(s.name);
    options.progress = false;
    options.pcap = true;
    std::ostringstream log;
    RunScenario(s, options, log);
    ScenarioRun run;
    run.folder = options.outDir;
    run.connections = ReadCsv(options.outDir + "/connections.csv");
    run.events = ReadCsv(options.outDir + "/events.csv");
    return run;
}

std::vector<Row>
ScenarioRun::Calls(const std::string& host, uint16_t port) const
{
    std::vector<Row> rows;
    for (const auto& r : connections)
    {
        if (r.at("host") == host && r.at("remote_port") == std::to_string(port))
        {
            rows.push_back(r);
        }
    }
    return rows;
}

Row
ScenarioRun::Call(const std::string& host, uint16_t port) const
{
    auto rows = Calls(host, port);
    REQUIRE(rows.size() == 1);
    return rows[0];
}

std::vector<Row>
ScenarioRun::Events(const std::string& host, const std::string& event,
                    const std::string& connId) const
{
    std::vector<Row> rows;
    for (const auto& e : events)
    {
        if (e.at("host") == host && (event.empty() || e.at("event") == event) &&
            (connId.empty() || e.at("conn_id") == connId))
        {
            rows.push_back(e);
        }
    }
    return rows;
}

std::vector<double>
ScenarioRun::SynOffsets(const Row& call) const
{
    std::vector<double> out;
    for (const auto& e : Events(call.at("host"), "", call.at("conn_id")))
    {
        if (e.at("event") == "syn_sent" || e.at("event") == "syn_retransmit")
        {
            out.push_back(Number(e, "time_s") - Number(call, "start_s"));
        }
    }
    return out;
}

std::vector<fit::TcpSegment>
ScenarioRun::Segments(const std::string& host) const
{
    return fit::CaptureReader::ReadAll(folder + "/pcap/" + host + "-1.pcap");
}

double
Number(const Row& row, const std::string& column)
{
    return std::stod(row.at(column));
}

double
TimeToOutcome(const Row& call)
{
    return Number(call, "end_s") - Number(call, "start_s");
}

double
Seconds(const fit::TcpSegment& segment)
{
    return static_cast<double>(segment.timeNs) * 1e-9;
}

} // namespace test
} // namespace retrotcp
