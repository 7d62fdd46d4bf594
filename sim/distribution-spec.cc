#include "distribution-spec.h"

#include "json-reader.h"
#include "message-text.h"
#include "ns3/double.h"
#include "ns3/object-factory.h"
#include "scenario-error.h"
#include "units.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace retrotcp
{

using namespace ns3;
using nlohmann::json;
using nlohmann::ordered_json;
using Kind = DistributionSpec::Kind;
using Unit = DistributionSpec::Unit;

namespace
{

constexpr size_t kMaxEmpiricalValues = 10000;
constexpr size_t kMaxStreamName = 100;

const char* const kKinds[] = {"constant", "uniform", "exponential", "normal", "empirical"};

std::string
Expected(Unit unit, uint64_t maxBytes)
{
    return unit == Unit::Duration ? std::string("a duration with a unit, such as \"3s\"")
                                  : "a byte count from 0 to " + std::to_string(maxBytes);
}

// One value of a distribution: a duration (nanoseconds) or a byte count.
int64_t
ReadValue(const json& v, const std::string& path, const std::string& file, Unit unit,
          uint64_t maxBytes)
{
    if (unit == Unit::Bytes)
    {
        if (!v.is_number_unsigned() || v.get<uint64_t>() > maxBytes)
        {
            throw ScenarioError(file, path, Expected(unit, maxBytes), JsonReader::Describe(v));
        }
        return static_cast<int64_t>(v.get<uint64_t>());
    }
    QuantityProblem problem;
    std::optional<Time> t =
        v.is_string() ? ParseDuration(v.get<std::string>(), &problem) : std::nullopt;
    if (!t)
    {
        throw ScenarioError(file, path,
                            v.is_string() ? DurationExpectation(problem) : Expected(unit, 0),
                            JsonReader::Describe(v));
    }
    return t->GetNanoSeconds();
}

ordered_json
WriteValue(int64_t v, Unit unit)
{
    return unit == Unit::Duration ? ordered_json(FormatDuration(NanoSeconds(v))) : ordered_json(v);
}

// The parameters of one kind: {"min": .., "max": ..} and so on.
void
ReadParams(const JsonReader& d, const char* kind, DistributionSpec& spec, uint64_t maxBytes)
{
    const json& body = d.Child(kind);
    const std::string path = d.PathOf(kind);
    auto param = [&](const JsonReader& p, const char* key) {
        if (!p.Has(key))
        {
            p.Fail(key, Expected(spec.unit, maxBytes));
        }
        return ReadValue(p.Child(key), p.PathOf(key), d.File(), spec.unit, maxBytes);
    };
    switch (spec.kind)
    {
    case Kind::Constant:
        spec.params = {ReadValue(body, path, d.File(), spec.unit, maxBytes)};
        return;
    case Kind::Uniform: {
        JsonReader p(body, path, d.File(), {"min", "max"});
        spec.params = {param(p, "min"), param(p, "max")};
        if (spec.params[1] < spec.params[0])
        {
            p.Fail("max", "a maximum at least the minimum");
        }
        return;
    }
    case Kind::Exponential: {
        JsonReader p(body, path, d.File(), {"mean", "max"});
        spec.params = {param(p, "mean"), p.Has("max") ? param(p, "max") : 0};
        if (spec.params[0] <= 0)
        {
            p.Fail("mean", "a mean above 0");
        }
        if (p.Has("max") && spec.params[1] <= 0)
        {
            p.Fail("max", "a maximum above 0 (leave \"max\" out for none)");
        }
        return;
    }
    case Kind::Normal: {
        JsonReader p(body, path, d.File(), {"mean", "stddev", "bound"});
        spec.params = {param(p, "mean"), param(p, "stddev"), param(p, "bound")};
        if (spec.params[1] <= 0)
        {
            p.Fail("stddev", "a standard deviation above 0");
        }
        if (spec.params[2] <= 0 || spec.params[2] > spec.params[0])
        {
            p.Fail("bound",
                   "a bound above 0 and at most the mean (draws lie in mean +- bound, never "
                   "below 0)");
        }
        return;
    }
    case Kind::Empirical:
        if (!body.is_array() || body.empty() || body.size() > kMaxEmpiricalValues)
        {
            d.Fail(kind, "a list of 1 to " + std::to_string(kMaxEmpiricalValues) + " values (" +
                             Expected(spec.unit, maxBytes) + ")");
        }
        for (size_t i = 0; i < body.size(); ++i)
        {
            spec.values.push_back(
                ReadValue(body[i], path + "/" + std::to_string(i), d.File(), spec.unit, maxBytes));
        }
        return;
    }
}

double
Scale(const DistributionSpec& d)
{
    return d.unit == Unit::Duration ? 1e-9 : 1.0;
}

bool
ValidStreamName(const std::string& name)
{
    return !name.empty() && name.size() <= kMaxStreamName &&
           std::all_of(name.begin(), name.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

} // namespace

double
DistributionSpec::Mean() const
{
    const double s = Scale(*this);
    switch (kind)
    {
    case Kind::Constant:
        return params[0] * s;
    case Kind::Uniform:
        return (params[0] + params[1]) * s / 2;
    case Kind::Exponential: {
        double m = params[0] * s;
        double max = params[1] * s;
        if (max <= 0)
        {
            return m;
        }
        // Truncated at max (draws above it are drawn again).
        double tail = std::exp(-max / m);
        return m - max * tail / (1 - tail);
    }
    case Kind::Normal:
        return params[0] * s; // symmetric bounds keep the mean
    case Kind::Empirical: {
        double sum = 0;
        for (int64_t v : values)
        {
            sum += static_cast<double>(v);
        }
        return sum * s / static_cast<double>(values.size());
    }
    }
    return 0;
}

double
DistributionSpec::Min() const
{
    const double s = Scale(*this);
    switch (kind)
    {
    case Kind::Constant:
    case Kind::Uniform:
        return params[0] * s;
    case Kind::Exponential:
        return 0;
    case Kind::Normal:
        return (params[0] - params[2]) * s;
    case Kind::Empirical:
        return *std::min_element(values.begin(), values.end()) * s;
    }
    return 0;
}

std::optional<DistributionSpec>
ReadDistribution(const JsonReader& r, const char* key, Unit unit, uint64_t maxBytes)
{
    if (!r.Has(key) || !r.Child(key).is_object())
    {
        return std::nullopt;
    }
    const std::string path = r.PathOf(key);
    JsonReader d(r.Child(key), path, r.File(),
                 {"constant", "uniform", "exponential", "normal", "empirical", "stream"});
    DistributionSpec spec;
    spec.unit = unit;
    spec.path = path;
    const char* kind = nullptr;
    for (size_t k = 0; k < std::size(kKinds); ++k)
    {
        if (!d.Has(kKinds[k]))
        {
            continue;
        }
        if (kind)
        {
            throw ScenarioError(r.File(), path, "one distribution, not both",
                                Quoted(kind) + " and " + Quoted(kKinds[k]));
        }
        kind = kKinds[k];
        spec.kind = static_cast<Kind>(k);
    }
    if (!kind)
    {
        throw ScenarioError(r.File(), path,
                            std::string("a distribution: one of \"constant\", \"uniform\", "
                                        "\"exponential\", \"normal\", \"empirical\" (and "
                                        "optionally \"stream\"), or ") +
                                Expected(unit, maxBytes),
                            JsonReader::Describe(r.Child(key)));
    }
    spec.stream = d.String("stream", path);
    if (!ValidStreamName(spec.stream))
    {
        d.Fail("stream", "a stream name of 1 to 100 printable ASCII characters");
    }
    ReadParams(d, kind, spec, maxBytes);
    return spec;
}

ordered_json
DistributionJson(const DistributionSpec& d)
{
    const char* kind = kKinds[static_cast<size_t>(d.kind)];
    ordered_json body;
    switch (d.kind)
    {
    case Kind::Constant:
        body = WriteValue(d.params[0], d.unit);
        break;
    case Kind::Uniform:
        body = {{"min", WriteValue(d.params[0], d.unit)}, {"max", WriteValue(d.params[1], d.unit)}};
        break;
    case Kind::Exponential:
        body = {{"mean", WriteValue(d.params[0], d.unit)}};
        if (d.params[1] > 0)
        {
            body["max"] = WriteValue(d.params[1], d.unit);
        }
        break;
    case Kind::Normal:
        body = {{"mean", WriteValue(d.params[0], d.unit)},
                {"stddev", WriteValue(d.params[1], d.unit)},
                {"bound", WriteValue(d.params[2], d.unit)}};
        break;
    case Kind::Empirical:
        body = ordered_json::array();
        for (int64_t v : d.values)
        {
            body.push_back(WriteValue(v, d.unit));
        }
        break;
    }
    return {{kind, body}, {"stream", d.stream}};
}

int64_t
DistributionStreamNumber(const std::string& name, uint32_t member)
{
    // FNV-1a, 32 bits: a name's stream does not move when other streams are added.
    uint32_t hash = 2166136261U;
    for (unsigned char c : name)
    {
        hash = (hash ^ c) * 16777619U;
    }
    return (int64_t{1} << 40) + (static_cast<int64_t>(hash) << 20) + member;
}

Ptr<RandomVariableStream>
MakeDistributionVariable(const DistributionSpec& d, uint32_t member)
{
    const double s = Scale(d);
    const bool bytes = d.unit == Unit::Bytes;
    Ptr<RandomVariableStream> v;
    switch (d.kind)
    {
    case Kind::Constant:
        v = CreateObjectWithAttributes<ConstantRandomVariable>("Constant",
                                                               DoubleValue(d.params[0] * s));
        break;
    case Kind::Uniform:
        // Sizes: every whole byte count of [min, max] alike once rounded.
        v = CreateObjectWithAttributes<UniformRandomVariable>(
            "Min", DoubleValue(d.params[0] * s - (bytes ? 0.5 : 0)), "Max",
            DoubleValue(d.params[1] * s + (bytes ? 0.5 : 0)));
        break;
    case Kind::Exponential:
        v = CreateObjectWithAttributes<ExponentialRandomVariable>(
            "Mean", DoubleValue(d.params[0] * s), "Bound", DoubleValue(d.params[1] * s));
        break;
    case Kind::Normal: {
        const double sd = d.params[1] * s;
        v = CreateObjectWithAttributes<NormalRandomVariable>("Mean", DoubleValue(d.params[0] * s),
                                                             "Variance", DoubleValue(sd * sd),
                                                             "Bound", DoubleValue(d.params[2] * s));
        break;
    }
    case Kind::Empirical: {
        // Sampling mode: each listed value comes back exactly, with the weight of
        // its repetitions.
        Ptr<EmpiricalRandomVariable> e = CreateObject<EmpiricalRandomVariable>();
        e->SetInterpolate(false);
        std::map<int64_t, size_t> counts;
        for (int64_t x : d.values)
        {
            ++counts[x];
        }
        size_t below = 0;
        for (const auto& [x, n] : counts)
        {
            below += n;
            e->CDF(x * s, static_cast<double>(below) / static_cast<double>(d.values.size()));
        }
        v = e;
        break;
    }
    }
    v->SetStream(DistributionStreamNumber(d.stream, member));
    return v;
}

} // namespace retrotcp
