#ifndef RETROTCP_FUZZ_INPUT_H
#define RETROTCP_FUZZ_INPUT_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace retrotcp
{
namespace fuzz
{

/// One fuzz input: scenario text, then "--set" assignments, each after a NUL byte
/// ("SCENARIO\0hosts.client.count=5\0duration=3s"). A scenario file is an input.
struct Input
{
    std::string scenario;
    std::vector<std::string> overrides;
};

Input Split(const uint8_t* data, size_t size);

/// Abort (a crash libFuzzer reports) unless \p message is what users may get: one
/// line, UTF-8, not empty, at most a few kB.
void CheckMessage(const std::string& message);

} // namespace fuzz
} // namespace retrotcp

#endif
