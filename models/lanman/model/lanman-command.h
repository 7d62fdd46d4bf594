#ifndef LANMAN_COMMAND_H
#define LANMAN_COMMAND_H

#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \brief One command of a LAN Manager workstation, as typed at the DOS prompt or
 * written in a logon script or batch file.
 */
struct LanmanCommand
{
    /// What the command does.
    enum Kind
    {
        LOGON,      //!< net logon USER PASSWORD [/y]
        LOGOFF,     //!< net logoff [/y]
        USE,        //!< net use X: \\SERVER\SHARE
        USE_DELETE, //!< net use X: /d
        WAIT        //!< wait DURATION (a pause in a batch file)
    };

    Kind kind{WAIT};      //!< kind
    std::string text;     //!< the command as written
    std::string user;     //!< LOGON: user name
    std::string password; //!< LOGON: password
    bool yes{false};      //!< LOGON/LOGOFF: /y (answer yes to "log off first?")
    std::string drive;    //!< USE, USE_DELETE: "F:" (upper case)
    std::string server;   //!< USE: server name as written
    std::string share;    //!< USE: share name
    Time wait;            //!< WAIT: duration

    /**
     * \brief Parse one command. Keywords and switches are case-insensitive; /y may
     * be /yes, /d may be /delete. Durations are a number and a unit (ns, us, ms, s,
     * min, h), e.g. "5s".
     * \param text the command \param error receives what was expected, on failure
     * \param out receives the command \return true if \p text is a command
     */
    static bool Parse(const std::string& text, LanmanCommand& out, std::string& error);

    /// The forms Parse() accepts, for messages.
    static const char* const kSyntax;
    /// Longest "wait": 100000 h (ns-3 time is a 64-bit count of nanoseconds).
    static constexpr uint64_t kMaxWaitNs = 100000ULL * 3600ULL * 1000000000ULL;
};

/**
 * \brief Parse a list of commands; throws nothing.
 * \param lines the commands \param out receives them \param errorIndex receives the
 * index of the first bad command \param error what was expected there
 * \return true if all parsed
 */
bool ParseLanmanCommands(const std::vector<std::string>& lines, std::vector<LanmanCommand>& out,
                         size_t& errorIndex, std::string& error);

} // namespace ns3

#endif
