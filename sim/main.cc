// retrotcp: simulate legacy Microsoft TCP/IP client stacks on ns-3.
#include "cli.h"

#include <csignal>
#include <iostream>

int
main(int argc, char** argv)
{
    // A closed stdout (retrotcp run ... | head) is a write error, not a kill.
    std::signal(SIGPIPE, SIG_IGN);
    std::vector<std::string> args(argv + 1, argv + argc);
    return retrotcp::RunCommandLine(args, std::cout, std::cerr);
}
