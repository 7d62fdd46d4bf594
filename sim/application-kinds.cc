#include "application-kind.h"

namespace retrotcp
{

const std::vector<const ApplicationKind*>&
ApplicationKinds()
{
    // The one table of application types (each entry in its own app-kind-*.cc).
    static const std::vector<const ApplicationKind*> kKinds = {
        &ConnectApplicationKind(),          &ServiceApplicationKind(),
        &LanmanRedirectorApplicationKind(), &LanmanServerApplicationKind(),
        &CraftedApplicationKind(),
    };
    return kKinds;
}

const ApplicationKind*
FindApplicationKind(const std::string& type)
{
    for (const ApplicationKind* kind : ApplicationKinds())
    {
        if (type == kind->type)
        {
            return kind;
        }
    }
    return nullptr;
}

const ApplicationKind&
KindOf(const AppSpec& app)
{
    return *FindApplicationKind(app.type);
}

} // namespace retrotcp
