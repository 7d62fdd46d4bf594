#ifndef RETROTCP_EVENT_DETAIL_H
#define RETROTCP_EVENT_DETAIL_H

#include <string>

namespace retrotcp
{

/**
 * \brief events.csv's detail cell in its one grammar (docs/results-format.md):
 * space-separated KEY=VALUE pairs, KEY lower case ([a-z][a-z0-9_]*), VALUE either
 * bare (no space or double quote) or double-quoted with \" and \\ escapes.
 *
 * The models describe events in a few free forms ("fs-1:139", "from 10.1.0.1:81",
 * "passive", "ACK of FIN", "granted waited=0.5"); this turns each into pairs with
 * the key the event's documentation names (remote= and port=, from=, open=,
 * reason=, result=, ...). A detail already in the grammar is kept as it is.
 */
std::string CanonicalDetail(const std::string& event, const std::string& detail);

/// VALUE as the grammar writes it: bare if it can be, else quoted.
std::string DetailValue(const std::string& value);

} // namespace retrotcp

#endif
