#ifndef RETROTCP_EVENT_DETAIL_H
#define RETROTCP_EVENT_DETAIL_H

#include <string>

namespace retrotcp
{

/**
 * \brief A VALUE of events.csv's detail grammar (docs/results-format.md): bare if it
 * can be (not empty, no space or double quote), else double-quoted with \" and \\
 * escapes. Every detail is space-separated KEY=VALUE pairs, KEY lower case
 * ([a-z][a-z0-9_]*): the legacy stack's (LegacyTcpEventDetail) and the application
 * reporters' are written so; this quotes the values that need it.
 */
std::string DetailValue(const std::string& value);

} // namespace retrotcp

#endif
