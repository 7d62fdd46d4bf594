#ifndef RETROTCP_HEAP_USAGE_H
#define RETROTCP_HEAP_USAGE_H

#include <cstdint>
#include <string>

namespace retrotcp
{

/**
 * \brief Bytes the program holds on the heap now, as the allocator in use counts
 * them: tcmalloc's generic.current_allocated_bytes when tcmalloc is the program's
 * allocator (linked, as the retrotcp program is by default, or preloaded), else
 * glibc's mallinfo2 (uordblks + hblkhd, which include glibc's chunk headers).
 * Differences of two readings are what bench reports as B/conn and B/host.
 */
uint64_t HeapInUse();

/// "tcmalloc" or "glibc": which allocator HeapInUse reads.
std::string HeapAllocatorName();

} // namespace retrotcp

#endif
