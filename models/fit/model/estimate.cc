#include "estimate.h"

namespace retrotcp::fit
{

const char*
CertaintyName(Certainty certainty)
{
    switch (certainty)
    {
    case Certainty::Measured:
        return "measured";
    case Certainty::LowerBound:
        return "lower-bound";
    case Certainty::UpperBound:
        return "upper-bound";
    case Certainty::Unknown:
        break;
    }
    return "unknown";
}

const Estimate*
EstimateSet::Find(const std::string& name) const
{
    for (const auto& e : items)
    {
        if (e.name == name)
        {
            return &e;
        }
    }
    return nullptr;
}

std::optional<double>
EstimateSet::Measured(const std::string& name) const
{
    const Estimate* e = Find(name);
    if (e && e->certainty == Certainty::Measured)
    {
        return e->value;
    }
    return std::nullopt;
}

void
EstimateSet::Set(const Estimate& e)
{
    for (auto& old : items)
    {
        if (old.name == e.name)
        {
            old = e;
            return;
        }
    }
    items.push_back(e);
}

} // namespace retrotcp::fit
