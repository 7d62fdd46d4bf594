// Replays fuzz inputs through a target on a normal build (no libFuzzer): every
// file named, and every file in every folder named. Exit 0 if all ran; a finding
// crashes or aborts, as under libFuzzer.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

int
main(int argc, char** argv)
{
    if (LLVMFuzzerInitialize)
    {
        LLVMFuzzerInitialize(&argc, &argv);
    }
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i)
    {
        std::filesystem::path p(argv[i]);
        if (!std::filesystem::exists(p))
        {
            continue; // an empty folder of regressions is not in git
        }
        if (std::filesystem::is_directory(p))
        {
            for (const auto& e : std::filesystem::recursive_directory_iterator(p))
            {
                if (e.is_regular_file() && e.path().filename().string()[0] != '.')
                {
                    files.push_back(e.path());
                }
            }
        }
        else
        {
            files.push_back(p);
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
    {
        std::ifstream in(f, std::ios::binary);
        std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::fprintf(stderr, "replay %s (%zu bytes)\n", f.c_str(), data.size());
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    }
    std::printf("replayed %zu inputs\n", files.size());
    return files.empty() ? 1 : 0;
}
