#include "message-text.h"

#include <cstdio>

namespace retrotcp
{

namespace
{
// Length of the well-formed UTF-8 sequence at text[i], or 0.
size_t
SequenceLength(const std::string& text, size_t i)
{
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b = byte(i);
    if (b < 0x80)
    {
        return 1;
    }
    size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (b >= 0xC2 && b <= 0xDF)
    {
        length = 2;
    }
    else if (b >= 0xE0 && b <= 0xEF)
    {
        length = 3;
        low = b == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
        high = b == 0xED ? 0x9F : 0xBF; // no surrogates
    }
    else if (b >= 0xF0 && b <= 0xF4)
    {
        length = 4;
        low = b == 0xF0 ? 0x90 : 0x80;
        high = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
    }
    else
    {
        return 0;
    }
    if (i + length > text.size())
    {
        return 0;
    }
    if (byte(i + 1) < low || byte(i + 1) > high)
    {
        return 0;
    }
    for (size_t k = 2; k < length; ++k)
    {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
        {
            return 0;
        }
    }
    return length;
}
} // namespace

std::optional<size_t>
FindInvalidUtf8(const std::string& text)
{
    for (size_t i = 0; i < text.size();)
    {
        size_t length = SequenceLength(text, i);
        if (length == 0)
        {
            return i;
        }
        i += length;
    }
    return std::nullopt;
}

std::optional<std::string>
Utf8Problem(const std::string& text)
{
    auto offset = FindInvalidUtf8(text);
    if (!offset)
    {
        return std::nullopt;
    }
    char buffer[80];
    std::snprintf(buffer, sizeof(buffer), "expected UTF-8 text, found byte 0x%02X at offset %zu",
                  static_cast<unsigned char>(text[*offset]), *offset);
    return std::string(buffer);
}

namespace
{
// Escape \p text (cut after about maxBytes); \p quote is also escaped if non-zero.
std::string
Escape(const std::string& text, size_t maxBytes, char quote, bool& cut)
{
    std::string out;
    size_t i = 0;
    while (i < text.size() && out.size() < maxBytes)
    {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        size_t length = SequenceLength(text, i);
        char buffer[8];
        if (length == 0)
        {
            std::snprintf(buffer, sizeof(buffer), "\\x%02X", c);
            out += buffer;
            ++i;
            continue;
        }
        if (c == '\n')
        {
            out += "\\n";
        }
        else if (c == '\r')
        {
            out += "\\r";
        }
        else if (c == '\t')
        {
            out += "\\t";
        }
        else if (c < 0x20 || c == 0x7F)
        {
            std::snprintf(buffer, sizeof(buffer), "\\u%04X", c);
            out += buffer;
        }
        else if (quote != 0 && (c == static_cast<unsigned char>(quote) || c == '\\'))
        {
            out += '\\';
            out += static_cast<char>(c);
        }
        else
        {
            out.append(text, i, length);
        }
        i += length;
    }
    cut = i < text.size();
    return out;
}
} // namespace

std::string
Printable(const std::string& text, size_t maxBytes)
{
    bool cut = false;
    std::string out = Escape(text, maxBytes, 0, cut);
    return cut ? out + "... (" + std::to_string(text.size()) + " bytes)" : out;
}

std::string
Quoted(const std::string& text, size_t maxBytes)
{
    bool cut = false;
    std::string out = "\"" + Escape(text, maxBytes, '"', cut) + "\"";
    return cut ? out + "... (" + std::to_string(text.size()) + " bytes)" : out;
}

} // namespace retrotcp
