#ifndef RETROTCP_CLI_H
#define RETROTCP_CLI_H

#include <iosfwd>
#include <string>
#include <vector>

namespace retrotcp
{

/// Exit statuses of the retrotcp command.
enum ExitStatus
{
    kExitOk = 0,            //!< success
    kExitFailure = 1,       //!< the run failed (I/O error, internal error)
    kExitBadInput = 2,      //!< bad command line, scenario or --set
    kExitInterrupted = 130, //!< stopped by SIGINT or SIGTERM (128 + SIGINT, as shells report it)
};

/**
 * \brief The retrotcp command line: `run`, `validate`, `profiles`, `--help`,
 * `--version`. Returns the exit status.
 */
int RunCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace retrotcp

#endif
