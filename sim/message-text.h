#ifndef RETROTCP_MESSAGE_TEXT_H
#define RETROTCP_MESSAGE_TEXT_H

#include <cstddef>
#include <optional>
#include <string>

namespace retrotcp
{

/**
 * \brief Offset of the first byte of \p text that is not part of well-formed UTF-8
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or nothing.
 */
std::optional<size_t> FindInvalidUtf8(const std::string& text);

/**
 * \brief "expected UTF-8 text, found byte 0xFF at offset 12" for messages, or nothing
 * if \p text is UTF-8.
 */
std::optional<std::string> Utf8Problem(const std::string& text);

/**
 * \brief \p text made fit for a one-line message: control characters and bytes that
 * are not UTF-8 as escapes (\\n, \\u0000, \\xFF), and cut to about \p maxBytes
 * with "... (N bytes)" when longer.
 */
std::string Printable(const std::string& text, size_t maxBytes = 200);

/// Printable() in double quotes: "\"abc\"", for a value found in a scenario.
std::string Quoted(const std::string& text, size_t maxBytes = 80);

} // namespace retrotcp

#endif
