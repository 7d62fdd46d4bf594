#ifndef RETROTCP_BUILD_INFO_H
#define RETROTCP_BUILD_INFO_H

#include <string>

namespace retrotcp
{

/// Which program this is: recorded in every summary.json and compared by sweeps.
struct BuildInfo
{
    std::string version;    //!< release version (CMake project version)
    std::string commit;     //!< git commit the program was built from, or "unknown"
    bool dirty{false};      //!< tracked files differed from that commit at build time
    std::string diffSha256; //!< SHA-256 of that difference (empty if clean)
    std::string ns3Version; //!< ns-3 version built against

    /**
     * \return "VERSION+gCOMMIT12" for a clean build, "VERSION+gCOMMIT12.dirty-DIFF12"
     * for a dirty one: equal for two builds exactly when they were built from the
     * same sources (tracked files)
     */
    std::string ProgramId() const;
};

/// The build information embedded when this binary was built.
const BuildInfo& GetBuildInfo();

} // namespace retrotcp

#endif
