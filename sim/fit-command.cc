#include "fit-command.h"

#include "atomic-file.h"
#include "capture-fitter.h"
#include "cli.h"
#include "fit-profiles.h"
#include "fit-replay-check.h"
#include "fit-replay-writer.h"
#include "fit-report.h"
#include "runner.h"
#include "scenario-error.h"
#include "scenario-loader.h"

#include <boost/program_options.hpp>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace retrotcp
{

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace
{
fit::AttemptFilter
Filter(const po::variables_map& vm)
{
    fit::AttemptFilter filter;
    if (vm.count("client"))
    {
        std::string text = vm["client"].as<std::string>();
        filter.client = fit::ParseIpv4(text);
        if (!filter.client)
        {
            throw po::error("--client expects an IPv4 address such as 10.1.0.3, found \"" + text +
                            "\"");
        }
    }
    if (vm.count("server"))
    {
        std::string text = vm["server"].as<std::string>();
        std::string address = text.substr(0, text.find(':'));
        filter.server = fit::ParseIpv4(address);
        bool ok = filter.server.has_value();
        if (ok && address.size() < text.size())
        {
            std::string port = text.substr(address.size() + 1);
            ok = !port.empty() && port.size() <= 5 &&
                 port.find_first_not_of("0123456789") == std::string::npos &&
                 std::stoul(port) >= 1 && std::stoul(port) <= 65535;
            if (ok)
            {
                filter.serverPort = uint16_t(std::stoul(port));
            }
        }
        if (!ok)
        {
            throw po::error("--server expects ADDRESS or ADDRESS:PORT such as 10.1.0.1:139, "
                            "found \"" +
                            text + "\"");
        }
    }
    return filter;
}

std::string
Ms(double seconds)
{
    std::ostringstream out;
    out << std::fixed << std::setprecision(3) << seconds * 1000 << " ms";
    return out.str();
}

// Write the replay scenario into \p dir, run it, and compare.
nlohmann::json
Replay(const fit::CaptureFit& fit, const std::string& dir, std::ostream& out)
{
    ReplayScenarioWriter writer(fit, ReplayScenarioWriter::NameFor(fit.info.path));
    ReplayPlan plan = writer.Plan();
    std::string scenarioFile = (fs::path(dir) / "scenario.json").string();
    {
        AtomicFile file(scenarioFile);
        file.Stream() << plan.scenario.dump(2) << "\n";
        file.Commit();
    }
    out << "\nreplay scenario: " << scenarioFile << "\n";
    for (const auto& note : plan.notes)
    {
        out << "  note: " << note << "\n";
    }
    Scenario scenario = LoadScenario(scenarioFile, {});
    RunOptions options;
    options.outDir = (fs::path(dir) / "replay").string();
    options.pcap = true;
    options.progress = false;
    std::ostringstream log;
    RunScenario(scenario, options, log);
    ReplayDifference d = ReplayComparison::Compare(fit, plan, options.outDir);
    std::ostringstream line;
    line << "replay vs capture: " << d.calls << " calls, " << d.syns
         << " SYN times compared, largest time difference " << Ms(d.largest);
    if (!d.where.empty())
    {
        line << " (" << d.where << ")";
    }
    line << "; " << d.missing << " SYNs missing, " << d.extra << " extra, " << d.unmatched
         << " calls unmatched";
    out << "  simulated in " << options.outDir << "/ (retrotcp run " << scenarioFile << " --pcap)\n"
        << line.str() << "\n";
    return {{"scenario", scenarioFile},
            {"results", options.outDir},
            {"notes", plan.notes},
            {"calls", d.calls},
            {"unmatched_calls", d.unmatched},
            {"syns_compared", d.syns},
            {"missing_syns", d.missing},
            {"extra_syns", d.extra},
            {"largest_difference_s", d.largest},
            {"largest_difference_at", d.where}};
}
} // namespace

int
FitCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    po::options_description options("retrotcp fit CAPTURE [options]");
    options.add_options()("help,h", "this help")("client", po::value<std::string>(),
                                                 "only connect attempts from this IPv4 address")(
        "server", po::value<std::string>(), "only attempts to ADDRESS or ADDRESS:PORT")(
        "out,o", po::value<std::string>(),
        "write DIR/fit.json and DIR/scenario.json (the replay), run the replay into "
        "DIR/replay/ and compare its timeline with the capture's")(
        "json", po::value<std::string>(), "also write the result as JSON to this file")(
        "capture", po::value<std::string>(), "capture file (pcap or pcapng)");
    po::positional_options_description positional;
    positional.add("capture", 1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help"))
    {
        out << options
            << "\nReads pcap (micro- or nanosecond) and pcapng captures (Ethernet, raw IP, Linux "
               "cooked SLL/SLL2, BSD loopback, PPP) and scores every profile of `retrotcp "
               "profiles` against the connect attempts (docs/models/fit.md).\n";
        return kExitOk;
    }
    if (!vm.count("capture"))
    {
        throw po::error("retrotcp fit needs a CAPTURE file");
    }
    fit::AttemptFilter filter = Filter(vm);
    fit::CaptureFitter fitter(FitCandidates());
    fit::CaptureFit result;
    try
    {
        result = fitter.Fit(vm["capture"].as<std::string>(), filter);
    }
    catch (const fit::CaptureError& e)
    {
        err << "retrotcp fit: error: " << e.what() << "\n";
        return kExitBadInput;
    }
    catch (const fit::NoAttemptsError& e)
    {
        err << "retrotcp fit: error: " << e.what() << "\n";
        return kExitBadInput;
    }
    fit::FitReport report(result);
    report.WriteText(out);
    nlohmann::json json = report.Json();
    if (vm.count("out"))
    {
        std::string dir = vm["out"].as<std::string>();
        fs::create_directories(dir);
        json["replay"] = Replay(result, dir, out);
        AtomicFile file((fs::path(dir) / "fit.json").string());
        file.Stream() << json.dump(2) << "\n";
        file.Commit();
    }
    if (vm.count("json"))
    {
        AtomicFile file(vm["json"].as<std::string>());
        file.Stream() << json.dump(2) << "\n";
        file.Commit();
    }
    return kExitOk;
}

} // namespace retrotcp
