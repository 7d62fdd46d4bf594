#include "heap-usage.h"

#include <cstddef>
#include <malloc.h>

// gperftools' C interface; weak, so that it is null unless tcmalloc is loaded.
extern "C" int MallocExtension_GetNumericProperty(const char* property, size_t* value)
    __attribute__((weak));

namespace retrotcp
{

namespace
{
bool
TcmallocLoaded()
{
    return MallocExtension_GetNumericProperty != nullptr;
}
} // namespace

uint64_t
HeapInUse()
{
    size_t bytes = 0;
    if (TcmallocLoaded() &&
        MallocExtension_GetNumericProperty("generic.current_allocated_bytes", &bytes))
    {
        return bytes;
    }
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

std::string
HeapAllocatorName()
{
    return TcmallocLoaded() ? "tcmalloc" : "glibc";
}

} // namespace retrotcp
