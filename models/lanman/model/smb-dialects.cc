#include "smb-dialects.h"

namespace ns3
{

const std::vector<std::string>&
LanmanDosDialects()
{
    static const std::vector<std::string> dialects = {
        "PC NETWORK PROGRAM 1.0",
        "MICROSOFT NETWORKS 3.0",
        "DOS LM1.2X002",
        "DOS LANMAN2.1",
    };
    return dialects;
}

int
SmbDialectRank(const std::string& d)
{
    if (d == "PC NETWORK PROGRAM 1.0" || d == "PCLAN1.0")
    {
        return 0;
    }
    if (d == "MICROSOFT NETWORKS 1.03")
    {
        return 1;
    }
    if (d == "MICROSOFT NETWORKS 3.0" || d == "LANMAN1.0")
    {
        return 2;
    }
    if (d == "LM1.2X002" || d == "DOS LM1.2X002")
    {
        return 3;
    }
    if (d == "LANMAN2.1" || d == "DOS LANMAN2.1")
    {
        return 4;
    }
    return -1;
}

bool
IsLanmanDialect(const std::string& dialect)
{
    return SmbDialectRank(dialect) >= 2;
}

uint16_t
SelectSmbDialect(const std::vector<std::string>& offered)
{
    uint16_t best = kSmbNoDialect;
    int bestRank = -1;
    for (size_t i = 0; i < offered.size() && i < kSmbNoDialect; ++i)
    {
        int rank = SmbDialectRank(offered[i]);
        if (rank >= 0 && rank >= bestRank)
        {
            best = static_cast<uint16_t>(i);
            bestRank = rank;
        }
    }
    return best;
}

} // namespace ns3
