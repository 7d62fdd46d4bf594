#ifndef SMB_DIALECTS_H
#define SMB_DIALECTS_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/// The Negotiate response's DialectIndex when no offered dialect is acceptable.
constexpr uint16_t kSmbNoDialect = 0xFFFF;

/**
 * \brief The dialect strings a LAN Manager 2.1/2.2 MS-DOS redirector offers, in
 * its order: "PC NETWORK PROGRAM 1.0" (core), "MICROSOFT NETWORKS 3.0" (LAN
 * Manager 1.0 for DOS), "DOS LM1.2X002" (LAN Manager 2.0 for DOS), "DOS
 * LANMAN2.1" (LAN Manager 2.1 for DOS). [MS-CIFS] 1.7 names each; the DOS
 * redirectors' list is the one Samba's negprot.c records for Windows for
 * Workgroups (whose redirector came from LAN Manager for DOS) without its own
 * "Windows for Workgroups 3.1a". The OS/2 strings (LANMAN1.0, LM1.2X002,
 * LANMAN2.1) differ from these only in the error codes the server may return.
 * \return the list
 */
const std::vector<std::string>& LanmanDosDialects();

/**
 * \brief How capable a dialect is, for a server choosing among the offered ones
 * ([MS-CIFS] 1.7 order): 0 core, 1 core plus, 2 LAN Manager 1.0, 3 LAN Manager
 * 2.0, 4 LAN Manager 2.1; -1 for a dialect this model's server does not speak
 * (NT LM 0.12 and later, Xenix, Windows for Workgroups).
 * \param dialect a dialect string \return its rank
 */
int SmbDialectRank(const std::string& dialect);

/**
 * \brief True for the dialects whose Negotiate response has the LAN Manager form
 * (WordCount 13: [MS-CIFS] 2.2.4.52.2, "any dialect from LAN Manager 1.0 through
 * LAN Manager 2.1"). \param dialect a dialect string \return true for those
 */
bool IsLanmanDialect(const std::string& dialect);

/**
 * \brief The server's choice: the most capable dialect it speaks, the last offered
 * of equal rank ([MS-CIFS] 3.3.5.2). \param offered the request's dialects
 * \return the index into \p offered, or kSmbNoDialect
 */
uint16_t SelectSmbDialect(const std::vector<std::string>& offered);

} // namespace ns3

#endif
