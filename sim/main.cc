// retrotcp: simulate legacy Microsoft TCP/IP client stacks on ns-3.
#include "cli.h"

#include <iostream>

int
main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    return retrotcp::RunCommandLine(args, std::cout, std::cerr);
}
