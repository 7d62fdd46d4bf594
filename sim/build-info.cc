#include "build-info.h"

#include "build-info-generated.h"
#include "version.h"

namespace retrotcp
{

std::string
BuildInfo::ProgramId() const
{
    std::string id = version + "+g" + commit.substr(0, 12);
    if (dirty)
    {
        id += ".dirty-" + diffSha256.substr(0, 12);
    }
    return id;
}

const BuildInfo&
GetBuildInfo()
{
    static const BuildInfo info{RETROTCP_VERSION, RETROTCP_GIT_COMMIT, RETROTCP_GIT_DIRTY,
                                RETROTCP_GIT_DIFF_SHA256, RETROTCP_NS3_VERSION};
    return info;
}

} // namespace retrotcp
