#include "lanman-command.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>

namespace ns3
{

const char* const LanmanCommand::kSyntax =
    "a command: net logon USER PASSWORD [/y], net logoff [/y], net use X: \\\\SERVER\\SHARE, "
    "net use X: /d, wait DURATION (such as wait 5s)";

namespace
{
std::string
Lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string
Upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

bool
IsDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "5s", "500ms", "1.5min": decimal digits, an optional fraction and a unit, read
// exactly (no floating point) and at most kMaxWaitNs, so that no wait overflows
// ns-3's 64-bit nanoseconds. Scanned by hand: linear in the length of the text.
bool
ParseWait(const std::string& text, Time& out)
{
    size_t i = 0;
    uint64_t whole = 0;
    while (i < text.size() && IsDigit(text[i]))
    {
        whole = std::min<uint64_t>(whole * 10 + static_cast<uint64_t>(text[i] - '0'),
                                   uint64_t(1) << 62); // saturates: refused below
        ++i;
    }
    if (i == 0)
    {
        return false;
    }
    std::string fraction;
    if (i < text.size() && text[i] == '.')
    {
        size_t start = ++i;
        while (i < text.size() && IsDigit(text[i]))
        {
            ++i;
        }
        fraction = text.substr(start, i - start);
        if (fraction.empty())
        {
            return false;
        }
        fraction.erase(fraction.find_last_not_of('0') + 1);
    }
    const std::string unit = text.substr(i);
    const std::pair<const char*, uint64_t> units[] = {
        {"ns", 1ULL},         {"us", 1000ULL},         {"ms", 1000000ULL},
        {"s", 1000000000ULL}, {"min", 60000000000ULL}, {"h", 3600000000000ULL},
    };
    for (const auto& [name, scale] : units)
    {
        if (unit != name)
        {
            continue;
        }
        uint64_t divisor = 1;
        for (size_t k = 0; k < fraction.size() && divisor <= scale; ++k)
        {
            divisor *= 10;
        }
        if (divisor > scale || scale % divisor != 0 || whole > LanmanCommand::kMaxWaitNs / scale)
        {
            return false; // finer than a nanosecond, or too long
        }
        uint64_t ns =
            whole * scale + (fraction.empty() ? 0 : std::stoull(fraction)) * (scale / divisor);
        if (ns > LanmanCommand::kMaxWaitNs)
        {
            return false;
        }
        out = NanoSeconds(static_cast<int64_t>(ns));
        return true;
    }
    return false;
}

// "X:": one drive letter and a colon.
bool
IsDrive(const std::string& word)
{
    return word.size() == 2 && std::isalpha(static_cast<unsigned char>(word[0])) && word[1] == ':';
}

// "\\\\SERVER\\SHARE": SERVER a host name (letters, digits, '-', '_', starting with a
// letter or digit, at most 63), SHARE 1 to 12 characters, none of them '\\', '/' or
// a space.
bool
ParseUnc(const std::string& word, std::string& server, std::string& share)
{
    if (word.size() < 4 || word[0] != '\\' || word[1] != '\\')
    {
        return false;
    }
    size_t sep = word.find('\\', 2);
    if (sep == std::string::npos)
    {
        return false;
    }
    server = word.substr(2, sep - 2);
    share = word.substr(sep + 1);
    auto nameChar = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    };
    if (server.empty() || server.size() > 63 ||
        !std::isalnum(static_cast<unsigned char>(server[0])) ||
        !std::all_of(server.begin(), server.end(), nameChar))
    {
        return false;
    }
    return !share.empty() && share.size() <= 12 && share.find_first_of("\\/ ") == std::string::npos;
}
} // namespace

bool
LanmanCommand::Parse(const std::string& text, LanmanCommand& out, std::string& error)
{
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string w; in >> w;)
    {
        words.push_back(w);
    }
    out = LanmanCommand();
    out.text = text;
    error = kSyntax;
    if (words.empty())
    {
        return false;
    }
    const std::string first = Lower(words[0]);
    if (first == "wait")
    {
        if (words.size() != 2 || !ParseWait(words[1], out.wait))
        {
            error = "wait DURATION, with a unit (such as wait 5s or wait 500ms), whole "
                    "nanoseconds, at most 100000h";
            return false;
        }
        out.kind = WAIT;
        return true;
    }
    if (first != "net" || words.size() < 2)
    {
        return false;
    }
    const std::string verb = Lower(words[1]);
    auto isYes = [](const std::string& w) { return Lower(w) == "/y" || Lower(w) == "/yes"; };
    if (verb == "logon")
    {
        out.kind = LOGON;
        std::vector<std::string> args(words.begin() + 2, words.end());
        if (!args.empty() && isYes(args.back()))
        {
            out.yes = true;
            args.pop_back();
        }
        if (args.size() != 2 || args[0][0] == '/' || args[1][0] == '/')
        {
            error = "net logon USER PASSWORD [/y]";
            return false;
        }
        out.user = args[0];
        out.password = args[1];
        return true;
    }
    if (verb == "logoff")
    {
        out.kind = LOGOFF;
        if (words.size() == 3 && isYes(words[2]))
        {
            out.yes = true;
            return true;
        }
        error = "net logoff [/y]";
        return words.size() == 2;
    }
    if (verb == "use")
    {
        error = "net use X: \\\\SERVER\\SHARE or net use X: /d (a drive letter, then a UNC name "
                "of a host in the scenario, or /d)";
        if (words.size() != 4 || !IsDrive(words[2]))
        {
            return false;
        }
        out.drive = Upper(words[2]);
        const std::string last = Lower(words[3]);
        if (last == "/d" || last == "/delete")
        {
            out.kind = USE_DELETE;
            return true;
        }
        if (!ParseUnc(words[3], out.server, out.share))
        {
            return false;
        }
        out.kind = USE;
        return true;
    }
    return false;
}

bool
ParseLanmanCommands(const std::vector<std::string>& lines, std::vector<LanmanCommand>& out,
                    size_t& errorIndex, std::string& error)
{
    out.clear();
    for (size_t i = 0; i < lines.size(); ++i)
    {
        LanmanCommand c;
        if (!LanmanCommand::Parse(lines[i], c, error))
        {
            errorIndex = i;
            return false;
        }
        out.push_back(c);
    }
    return true;
}

} // namespace ns3
