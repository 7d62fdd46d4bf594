#include "fuzz-input.h"

#include "message-text.h"

#include <cstdio>
#include <cstdlib>

namespace retrotcp
{
namespace fuzz
{

Input
Split(const uint8_t* data, size_t size)
{
    Input in;
    std::string text(reinterpret_cast<const char*>(data), size);
    size_t nul = text.find('\0');
    in.scenario = text.substr(0, nul);
    while (nul != std::string::npos && in.overrides.size() < 8)
    {
        size_t next = text.find('\0', nul + 1);
        in.overrides.push_back(
            text.substr(nul + 1, next == std::string::npos ? next : next - nul - 1));
        nul = next;
    }
    return in;
}

void
CheckMessage(const std::string& message)
{
    bool ok = !message.empty() && message.size() < 4096 && !FindInvalidUtf8(message) &&
              message.find_first_of(std::string("\n\r\0", 3)) == std::string::npos;
    if (!ok)
    {
        std::fprintf(stderr, "bad message (%zu bytes): %s\n", message.size(), message.c_str());
        std::abort();
    }
}

} // namespace fuzz
} // namespace retrotcp
