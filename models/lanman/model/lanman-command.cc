#include "lanman-command.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>
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
ParseWait(const std::string& text, Time& out)
{
    static const std::regex re("^([0-9]+(\\.[0-9]+)?)(ns|us|ms|s|min|h)$");
    std::smatch m;
    if (!std::regex_match(text, m, re))
    {
        return false;
    }
    double v = std::strtod(m[1].str().c_str(), nullptr);
    const std::string unit = m[3].str();
    double ns = unit == "ns"    ? v
                : unit == "us"  ? v * 1e3
                : unit == "ms"  ? v * 1e6
                : unit == "s"   ? v * 1e9
                : unit == "min" ? v * 60e9
                                : v * 3600e9;
    out = NanoSeconds(static_cast<int64_t>(ns + 0.5));
    return true;
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
            error = "wait DURATION, with a unit (such as wait 5s or wait 500ms)";
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
        static const std::regex drive("^[A-Za-z]:$");
        static const std::regex unc(
            "^\\\\\\\\([A-Za-z0-9][A-Za-z0-9_-]{0,62})\\\\([^\\\\/ ]{1,12})$");
        error = "net use X: \\\\SERVER\\SHARE or net use X: /d (a drive letter, then a UNC name "
                "of a host in the scenario, or /d)";
        if (words.size() != 4 || !std::regex_match(words[2], drive))
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
        std::smatch m;
        if (!std::regex_match(words[3], m, unc))
        {
            return false;
        }
        out.kind = USE;
        out.server = m[1].str();
        out.share = m[2].str();
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
