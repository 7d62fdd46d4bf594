#include "cli.h"

#include "atomic-file.h"
#include "bench.h"
#include "build-info.h"
#include "fit-command.h"
#include "interrupt.h"
#include "legacy-tcp-parameter-aliases.h"
#include "linux-sysctl-config.h"
#include "memory-estimate.h"
#include "message-text.h"
#include "ns3/nstime.h"
#include "ns3/type-id.h"
#include "point-check.h"
#include "profile-registry.h"
#include "result-folder.h"
#include "result-reader.h"
#include "run-progress.h"
#include "run-report.h"
#include "runner.h"
#include "scenario-error.h"
#include "scenario-loader.h"
#include "scheduler-choice.h"
#include "sysctl-parameters.h"
#include "units.h"
#include "version.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

namespace retrotcp
{

namespace po = boost::program_options;

namespace
{

const char* const kUsage =
    "usage: retrotcp COMMAND [OPTIONS]\n"
    "\n"
    "Simulate how legacy Microsoft TCP/IP client stacks open and close connections.\n"
    "\n"
    "commands:\n"
    "  run SCENARIO.json       run a scenario and write result files\n"
    "  validate SCENARIO.json  check a scenario (and --set overrides) without running it\n"
    "  profiles [NAME]         list the stack profiles and their parameters\n"
    "  bench [OPTIONS]         TIME-WAIT storm benchmark, legacy and stock stacks\n"
    "  fit CAPTURE [OPTIONS]   which profile and parameters explain a capture's connects\n"
    "\n"
    "options:\n"
    "  -h, --help              this help; `retrotcp COMMAND --help` for a command's options\n"
    "  --version               print the version\n"
    "\n"
    "exit status: 0 success, 1 the run failed, 2 bad command line, scenario or capture\n";

struct Parsed
{
    po::variables_map vm;
    bool help{false};
};

// Parse a subcommand's options (\p hidden: the positional argument, parsed but not
// listed in --help); throws po::error on bad usage.
Parsed
ParseOptions(const std::vector<std::string>& args, const po::options_description& options,
             const char* positionalName, const po::options_description* hidden = nullptr)
{
    po::positional_options_description positional;
    if (positionalName)
    {
        positional.add(positionalName, 1);
    }
    po::options_description all;
    all.add(options);
    if (hidden)
    {
        all.add(*hidden);
    }
    Parsed parsed;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), parsed.vm);
    po::notify(parsed.vm);
    parsed.help = parsed.vm.count("help") > 0;
    return parsed;
}

po::options_description
ScenarioOption()
{
    po::options_description hidden;
    hidden.add_options()("scenario", po::value<std::string>(), "scenario file");
    return hidden;
}

std::string
ScenarioArgument(const Parsed& parsed, const char* command)
{
    if (!parsed.vm.count("scenario"))
    {
        throw po::error(std::string("retrotcp ") + command + " needs a SCENARIO.json");
    }
    return parsed.vm["scenario"].as<std::string>();
}

std::vector<std::string>
Overrides(const Parsed& parsed)
{
    return parsed.vm.count("set") ? parsed.vm["set"].as<std::vector<std::string>>()
                                  : std::vector<std::string>{};
}

// An integer option read by hand (program_options reads "-1" as 4294967295).
uint32_t
CountOption(const Parsed& parsed, const char* name, uint32_t min, uint32_t max)
{
    const std::string text = parsed.vm[name].as<std::string>();
    auto value = ParseDecimal(text, 10);
    if (!value || *value < min || *value > max)
    {
        throw po::error(std::string("--") + name + " expects an integer from " +
                        std::to_string(min) + " to " + std::to_string(max) + ", found " +
                        Quoted(text));
    }
    return static_cast<uint32_t>(*value);
}

std::string
CheckScheduler(const std::string& name)
{
    const auto& names = SchedulerNames();
    if (std::find(names.begin(), names.end(), name) == names.end())
    {
        throw po::error("--scheduler expects map, heap, calendar, list or priority, found \"" +
                        name + "\"");
    }
    return name;
}

// The command line as run (the program's real path first), for summary.json.
std::vector<std::string>
CommandLine(const std::string& command, const std::vector<std::string>& args)
{
    std::error_code ec;
    std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    std::vector<std::string> line{ec ? std::string("retrotcp") : self, command};
    line.insert(line.end(), args.begin(), args.end());
    return line;
}

uint32_t
PositiveOption(const Parsed& parsed, const char* name, uint32_t fallback)
{
    if (!parsed.vm.count(name))
    {
        return fallback;
    }
    uint32_t value = parsed.vm[name].as<uint32_t>();
    if (value == 0)
    {
        throw po::error(std::string("--") + name + " must be at least 1");
    }
    return value;
}

int
Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    po::options_description options("retrotcp run SCENARIO.json [options]\n"
                                    "retrotcp run --from RESULT_DIR [options]");
    options.add_options()("help,h", "this help")(
        "out,o", po::value<std::string>(),
        "result folder (default: results/<scenario name>/; with --from: RESULT_DIR-rerun/)")(
        "from", po::value<std::string>(),
        "run a result folder's scenario.json again, with its seed, run number, "
        "scheduler, --pcap and --no-events")(
        "seed", po::value<std::string>(),
        "RNG seed, 1 to 4294944442 (overrides the scenario's \"seed\")")(
        "run", po::value<uint32_t>(),
        "ns-3 RngRun, the replication number (default 1): another run number gives an "
        "independent replication with the same seed")(
        "set", po::value<std::vector<std::string>>()->composing(),
        "PATH=VALUE: override a scenario value, e.g. hosts.client.count=50 (repeatable)")(
        "pcap", "write one PCAP per host interface into OUT/pcap/")(
        "force", "write into a folder that holds files other than a retrotcp result (they "
                 "are kept; a file of a result file's name is still refused)")(
        "no-events", "do not write events.csv (for very large runs)")(
        "scheduler", po::value<std::string>()->default_value(kDefaultScheduler),
        "ns-3 event scheduler: map, heap, calendar, list or priority (results are the "
        "same with each; speed is not)")("quiet,q", "print nothing but errors");
    po::options_description hidden = ScenarioOption();
    Parsed parsed = ParseOptions(args, options, "scenario", &hidden);
    if (parsed.help)
    {
        out << options
            << "\nWrites scenario.json (the scenario as run, resolved), events.csv, "
               "connections.csv, commands.csv (with LAN Manager workstations), summary.json "
               "and with --pcap pcap/ (see docs/results-format.md).\n";
        return kExitOk;
    }
    std::optional<StoredRun> from;
    std::string file;
    if (parsed.vm.count("from"))
    {
        if (parsed.vm.count("scenario"))
        {
            throw po::error("give either SCENARIO.json or --from RESULT_DIR, not both");
        }
        from = ReadStoredRun(parsed.vm["from"].as<std::string>());
        file = from->scenarioFile;
    }
    else
    {
        file = ScenarioArgument(parsed, "run");
    }
    std::optional<uint32_t> seed;
    if (parsed.vm.count("seed"))
    {
        // Read by hand: program_options takes "-1" as 4294967295 for an unsigned.
        const std::string text = parsed.vm["seed"].as<std::string>();
        auto value = ParseDecimal(text, 10);
        if (!value || *value < kMinSeed || *value > kMaxSeed)
        {
            throw po::error("--seed expects an integer from " + std::to_string(kMinSeed) + " to " +
                            std::to_string(kMaxSeed) +
                            " (the seeds ns-3's MRG32k3a generator accepts), found " +
                            Quoted(text));
        }
        seed = static_cast<uint32_t>(*value);
    }
    Scenario scenario = LoadScenario(file, Overrides(parsed), seed);
    RunOptions runOptions;
    runOptions.runNumber = PositiveOption(parsed, "run", from ? from->runNumber : 1);
    if (parsed.vm.count("out"))
    {
        runOptions.outDir = parsed.vm["out"].as<std::string>();
    }
    else
    {
        std::string base = from ? from->dir : "";
        while (base.size() > 1 && base.back() == '/')
        {
            base.pop_back();
        }
        runOptions.outDir = from ? base + "-rerun" : "results/" + scenario.name;
    }
    if (auto problem = Utf8Problem(runOptions.outDir))
    {
        throw po::error("--out " + Printable(runOptions.outDir) + ": " + *problem);
    }
    runOptions.pcap = parsed.vm.count("pcap") > 0 || (from && from->pcap);
    runOptions.force = parsed.vm.count("force") > 0;
    runOptions.eventsFile = parsed.vm.count("no-events") == 0 && (!from || from->eventsFile);
    std::string scheduler = parsed.vm["scheduler"].as<std::string>();
    if (from && parsed.vm["scheduler"].defaulted() && !from->scheduler.empty())
    {
        scheduler = from->scheduler;
    }
    runOptions.scheduler = CheckScheduler(scheduler);
    runOptions.provenance = CaptureProvenance(CommandLine("run", args));
    bool quiet = parsed.vm.count("quiet") > 0;
    runOptions.progress = !quiet;
    if (from && !quiet && !from->programId.empty() && from->programId != GetBuildInfo().ProgramId())
    {
        err << "retrotcp: note: " << from->dir << " was made by retrotcp " << from->programId
            << "; this is " << GetBuildInfo().ProgramId() << "\n";
    }
    if (!quiet)
    {
        out << "retrotcp: running " << scenario.name << " (seed " << scenario.seed << ", run "
            << runOptions.runNumber << ", " << scenario.duration.GetSeconds() << " s simulated)"
            << std::endl;
    }
    RunResult result;
    try
    {
        InterruptWatch watch; // SIGINT/SIGTERM/SIGHUP: nothing published, exit 128 + N
        result = RunScenario(scenario, runOptions, err);
    }
    catch (const Interrupted& e)
    {
        err << "retrotcp: " << e.what() << ": " << runOptions.outDir
            << " holds no result files of this run (a run is written whole or not at all); "
               "run the same command again to run it\n";
        return 128 + e.Signal();
    }
    if (!quiet)
    {
        PrintRunReport(result, runOptions.outDir, out);
        if (from && !from->scenarioSha256.empty() && from->scenarioSha256 != result.scenarioSha256)
        {
            err << "retrotcp: note: the scenario resolved differently from " << from->dir
                << "/scenario.json (sha256 " << result.scenarioSha256.substr(0, 12) << ", was "
                << from->scenarioSha256.substr(0, 12) << ")\n";
        }
    }
    return kExitOk;
}

int
Validate(const std::vector<std::string>& args, std::ostream& out)
{
    po::options_description options("retrotcp validate SCENARIO.json [options]");
    options.add_options()("help,h",
                          "this help")("set", po::value<std::vector<std::string>>()->composing(),
                                       "PATH=VALUE: override a scenario value first (repeatable)")(
        "points", po::value<std::string>(),
        "FILE: check many variants at once (a JSON array of {\"set\": [...], \"seed\": N}); "
        "prints one JSON document with each one's scenario_sha256 or error (scripts/sweep)");
    po::options_description hidden = ScenarioOption();
    Parsed parsed = ParseOptions(args, options, "scenario", &hidden);
    if (parsed.help)
    {
        out << options;
        return kExitOk;
    }
    if (parsed.vm.count("points"))
    {
        return CheckPoints(ScenarioArgument(parsed, "validate"), Overrides(parsed),
                           parsed.vm["points"].as<std::string>(), out);
    }
    Scenario s = LoadScenario(ScenarioArgument(parsed, "validate"), Overrides(parsed));
    uint64_t hosts = 0;
    uint64_t apps = 0;
    for (const auto& h : s.hosts)
    {
        hosts += h.count;
        apps += h.count * h.applications.size();
    }
    CheckMemory(s, false);
    out << Printable(s.file) << ": ok: scenario " << s.name << ", " << hosts << " hosts, " << apps
        << " applications, " << s.duration.GetSeconds() << " s; memory "
        << EstimateMemory(s, false).Describe() << "\n";
    return kExitOk;
}

void
PrintProfile(const StackProfile& p, std::ostream& out)
{
    out << p.name << " (" << (p.kind == StackKind::Stock ? "stock ns-3 TCP" : "legacy TCP")
        << ", parameters of " << ParameterTypeId(p) << ")\n  " << p.description << "\n";
    for (const auto& v : p.values)
    {
        out << "    " << std::left << std::setw(26) << v.parameter << " " << std::setw(8) << v.value
            << " " << v.source << "\n";
    }
    if (p.kind == StackKind::Legacy)
    {
        // Every other attribute keeps the model's default; list them with values.
        std::string others;
        for (const auto& [name, value] : ModelDefaults(p))
        {
            others += (others.empty() ? "" : ", ") + name + "=" + value;
        }
        out << "    model defaults (models/legacy-tcp/doc/legacy-tcp.md): " << others << "\n";
    }
}

int
Bench(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    po::options_description options("retrotcp bench [options]");
    options.add_options()("help,h",
                          "this help")("clients", po::value<std::string>()->default_value("10"),
                                       "client hosts, 0 to 100000 (0 only with --idle-hosts)")(
        "connections", po::value<std::string>()->default_value("100"),
        "sequential connections per client, 1 to 1000000 (clients x connections at most "
        "10000000)")("idle-hosts", po::value<std::string>()->default_value("0"),
                     "hosts with the stack and a network port that run nothing, 0 to 1000000 "
                     "(build cost and memory per host)")(
        "stacks", po::value<std::string>()->default_value("legacy,stock"),
        "stacks to measure, comma-separated: legacy, stock")(
        "msl", po::value<std::string>()->default_value("120s"),
        "maximum segment lifetime (TIME-WAIT = 2 x MSL) of both stacks")(
        "payload", po::value<std::string>()->default_value("200"),
        "bytes each way per connection, 0 to 1048576")(
        "hold", po::value<std::string>()->default_value("0s"),
        "each connection held open this long after its exchange; longer than the run "
        "(such as 1000s): every connection is still open at the end, and B/conn is what an "
        "open connection costs (both ends)")(
        "network", po::value<std::string>()->default_value("star"),
        "star (a point-to-point link per client) or switched (one switched Ethernet)")(
        "scheduler", po::value<std::string>()->default_value(kDefaultScheduler),
        "ns-3 event scheduler: map, heap, calendar, list or priority")(
        "checksums", po::value<std::string>()->default_value("on"),
        "on: checksums and FCS computed and verified, as in every run; off: to measure "
        "what they cost")("csv", po::value<std::string>(),
                          "also write the results as CSV to this file");
    Parsed parsed = ParseOptions(args, options, nullptr);
    if (parsed.help)
    {
        out << options
            << "\nThe TIME-WAIT storm: N clients connected to one server (--network), each "
               "making M sequential connections (client closes first), all within 2 x MSL; "
               "--idle-hosts adds hosts that run nothing (build s, ms/host and B/host: the "
               "cost of a host). x stock: conn/wall-s as a multiple of the stock stack's in the "
               "same run.\n";
        return kExitOk;
    }
    BenchOptions bench;
    bench.clients = CountOption(parsed, "clients", 0, 100000);
    bench.idleHosts = CountOption(parsed, "idle-hosts", 0, 1000000);
    if (bench.clients == 0 && bench.idleHosts == 0)
    {
        throw po::error("--clients 0 needs --idle-hosts (a run of nothing measures nothing)");
    }
    bench.connectionsPerClient = CountOption(parsed, "connections", 1, 1000000);
    bench.payload = CountOption(parsed, "payload", 0, 1U << 20);
    auto hold = ParseDuration(parsed.vm["hold"].as<std::string>());
    if (!hold)
    {
        throw po::error("--hold expects a duration, such as 0s or 1000s");
    }
    bench.hold = *hold;
    if (uint64_t(bench.clients) * bench.connectionsPerClient > 10000000)
    {
        throw po::error("--clients x --connections must be at most 10000000 (found " +
                        std::to_string(uint64_t(bench.clients) * bench.connectionsPerClient) + ")");
    }
    auto msl = ParseDuration(parsed.vm["msl"].as<std::string>());
    if (!msl || *msl < ns3::Seconds(10))
    {
        throw po::error("--msl expects a duration of at least 10s, such as 120s");
    }
    bench.msl = *msl;
    bench.network = parsed.vm["network"].as<std::string>();
    if (bench.network != "star" && bench.network != "switched")
    {
        throw po::error("--network expects star or switched, found \"" + bench.network + "\"");
    }
    bench.scheduler = CheckScheduler(parsed.vm["scheduler"].as<std::string>());
    const std::string checksums = parsed.vm["checksums"].as<std::string>();
    if (checksums != "on" && checksums != "off")
    {
        throw po::error("--checksums expects on or off, found \"" + checksums + "\"");
    }
    bench.checksums = checksums == "on";
    bench.stacks.clear();
    std::stringstream stacks(parsed.vm["stacks"].as<std::string>());
    std::string stack;
    while (std::getline(stacks, stack, ','))
    {
        if (stack != "legacy" && stack != "stock")
        {
            throw po::error("--stacks expects legacy and/or stock, found \"" + stack + "\"");
        }
        bench.stacks.push_back(stack);
    }
    auto results = RunBench(bench, err);
    PrintBenchTable(results, out);
    if (parsed.vm.count("csv"))
    {
        AtomicFile csv(parsed.vm["csv"].as<std::string>());
        WriteBenchCsv(results, csv.Stream());
        csv.Commit();
    }
    return kExitOk;
}

// The sysctl names a linux host's parameters take, with the kernel's defaults.
void
PrintSysctlNames(std::ostream& out)
{
    out << "Per-host parameters of the linux profile may also use these sysctl names "
           "(net.ipv4.NAME, the kernel's semantics; default in brackets):\n";
    for (const auto& s : ns3::LinuxSysctlConfig::GetAll())
    {
        out << "  " << std::left << std::setw(30) << s.name << " -> [" << s.kernelValue << "] "
            << s.meaning << "; " << s.source << "\n";
    }
}

int
Profiles(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    po::options_description options("retrotcp profiles [NAME]");
    options.add_options()("help,h", "this help")("name", po::value<std::string>(), "one profile");
    Parsed parsed = ParseOptions(args, options, "name");
    if (parsed.help)
    {
        out << options;
        return kExitOk;
    }
    if (parsed.vm.count("name"))
    {
        std::string name = parsed.vm["name"].as<std::string>();
        const StackProfile* p = FindProfile(name);
        if (!p)
        {
            err << "retrotcp profiles: no profile " << Quoted(name)
                << " (see `retrotcp profiles`)\n";
            return kExitBadInput;
        }
        PrintProfile(*p, out);
        if (TakesSysctlNames(*p))
        {
            PrintSysctlNames(out);
        }
        return kExitOk;
    }
    for (const auto& p : AllProfiles())
    {
        PrintProfile(p, out);
        out << "\n";
    }
    out << "Per-host parameters may also use these Windows registry names:\n";
    for (const auto& alias : ns3::LegacyTcpParameterAliases::GetAll())
    {
        out << "  " << std::left << std::setw(30) << alias.name << " -> " << alias.meaning << "\n";
    }
    PrintSysctlNames(out);
    return kExitOk;
}

} // namespace

int
RunCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    if (args.empty())
    {
        err << kUsage;
        return kExitBadInput;
    }
    const std::string& command = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    try
    {
        if (command == "-h" || command == "--help" || command == "help")
        {
            out << kUsage;
            return kExitOk;
        }
        if (command == "--version" || command == "version")
        {
            const BuildInfo& build = GetBuildInfo();
            out << "retrotcp " << build.version << " (" << build.ProgramId() << ", commit "
                << build.commit << (build.dirty ? ", with uncommitted changes" : "") << "; ns-3 "
                << build.ns3Version << ")\n";
            return kExitOk;
        }
        if (command == "run")
        {
            return Run(rest, out, err);
        }
        if (command == "validate")
        {
            return Validate(rest, out);
        }
        if (command == "bench")
        {
            return Bench(rest, out, err);
        }
        if (command == "profiles")
        {
            return Profiles(rest, out, err);
        }
        if (command == "fit")
        {
            return FitCommand(rest, out, err);
        }
        err << "retrotcp: unknown command " << Quoted(command) << "\n\n" << kUsage;
        return kExitBadInput;
    }
    catch (const po::error& e)
    {
        err << "retrotcp " << Printable(command) << ": " << Printable(e.what(), 1000)
            << " (see retrotcp " << Printable(command) << " --help)\n";
        return kExitBadInput;
    }
    catch (const ScenarioError& e)
    {
        err << "retrotcp: error: " << e.what() << "\n";
        return kExitBadInput;
    }
    catch (const ResultFolderError& e)
    {
        err << "retrotcp: error: " << e.what() << "\n";
        return e.ExitStatus();
    }
    catch (const Interrupted& e)
    {
        err << "retrotcp: " << e.what() << "\n";
        return 128 + e.Signal();
    }
    catch (const std::exception& e)
    {
        err << "retrotcp: run failed: " << Printable(e.what(), 1000) << "\n";
        return kExitFailure;
    }
}

} // namespace retrotcp
