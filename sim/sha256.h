#ifndef RETROTCP_SHA256_H
#define RETROTCP_SHA256_H

#include <string>

namespace retrotcp
{

/// SHA-256 of \p data as 64 lower-case hex digits (OpenSSL's implementation).
std::string Sha256Hex(const std::string& data);

} // namespace retrotcp

#endif
