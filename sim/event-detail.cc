#include "event-detail.h"

#include <cctype>

namespace retrotcp
{

std::string
DetailValue(const std::string& value)
{
    bool bare = !value.empty();
    for (char c : value)
    {
        bare = bare && !std::isspace(static_cast<unsigned char>(c)) && c != '"';
    }
    if (bare)
    {
        return value;
    }
    std::string out = "\"";
    for (char c : value)
    {
        if (c == '"' || c == '\\')
        {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

} // namespace retrotcp
