#ifndef RETROTCP_FIT_COMMAND_H
#define RETROTCP_FIT_COMMAND_H

#include <iosfwd>
#include <string>
#include <vector>

namespace retrotcp
{

/**
 * \brief `retrotcp fit CAPTURE [--client ADDR] [--server ADDR[:PORT]] [--out DIR]
 * [--json FILE]`: list the capture's connect attempts, rank the stack profiles
 * against them with the evidence, estimate the parameters with their
 * uncertainty, say what the capture cannot tell; with --out, write a replay
 * scenario, run it and compare its timeline with the capture's. Returns the
 * exit status (2 for an unreadable capture or one without connect attempts).
 */
int FitCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace retrotcp

#endif
