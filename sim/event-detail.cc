#include "event-detail.h"

#include <cctype>
#include <map>
#include <sstream>
#include <vector>

namespace retrotcp
{

namespace
{
bool
IsKey(const std::string& key)
{
    if (key.empty() || !std::islower(static_cast<unsigned char>(key[0])))
    {
        return false;
    }
    for (char c : key)
    {
        if (!(std::islower(static_cast<unsigned char>(c)) ||
              std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
        {
            return false;
        }
    }
    return true;
}

// "key=value" with a grammar key and a bare value.
bool
IsPair(const std::string& token)
{
    auto eq = token.find('=');
    return eq != std::string::npos && eq + 1 < token.size() && IsKey(token.substr(0, eq)) &&
           token.find('"') == std::string::npos;
}

// Every space-separated token a pair (the common case, checked without copies).
bool
AllPairs(const std::string& text)
{
    size_t start = 0;
    while (start < text.size())
    {
        size_t end = text.find(' ', start);
        end = end == std::string::npos ? text.size() : end;
        size_t eq = text.find('=', start);
        if (eq == std::string::npos || eq >= end || eq == start || eq + 1 == end ||
            !std::islower(static_cast<unsigned char>(text[start])))
        {
            return false;
        }
        for (size_t i = start; i < end; ++i)
        {
            unsigned char c = static_cast<unsigned char>(text[i]);
            if (c == '"' || std::isspace(c) ||
                (i < eq && !(std::islower(c) || std::isdigit(c) || c == '_')))
            {
                return false;
            }
        }
        start = end + 1;
    }
    return text.empty() || text.back() != ' ';
}

std::vector<std::string>
Split(const std::string& text)
{
    std::vector<std::string> tokens;
    std::istringstream in(text);
    std::string t;
    while (in >> t)
    {
        tokens.push_back(t);
    }
    return tokens;
}

// "ACK of FIN" -> "ack_of_fin"; states upper case ("syn_sent" -> "SYN_SENT").
std::string
Word(const std::string& text, bool upper)
{
    std::string out;
    for (char c : text)
    {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
        {
            out += static_cast<char>(upper ? std::toupper(u) : std::tolower(u));
        }
        else if (!out.empty() && out.back() != '_')
        {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_')
    {
        out.pop_back();
    }
    return out;
}

// The key of an event's one free-form word or phrase.
std::string
MainKey(const std::string& event, const std::string& words)
{
    static const std::map<std::string, std::string> keys = {
        {"aborted", "reason"},       {"app_closed", "closed_first"}, {"closed", "reason"},
        {"command_end", "result"},   {"connect_failed", "outcome"},  {"established", "open"},
        {"pool_wait_end", "result"}, {"rst_received", "state"},      {"rst_sent", "reason"}};
    // rst_sent: "no_connection" is a reason, "LAST_ACK" the state it was sent in.
    if (event == "rst_sent" && std::isupper(static_cast<unsigned char>(words[0])))
    {
        return "state";
    }
    auto it = keys.find(event);
    return it == keys.end() ? "text" : it->second;
}

// "host:port" -> {host, port}; false if there is no numeric port.
bool
SplitHostPort(const std::string& text, std::string& host, std::string& port)
{
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
    {
        return false;
    }
    port = text.substr(colon + 1);
    host = text.substr(0, colon);
    return port.find_first_not_of("0123456789") == std::string::npos &&
           host.find(' ') == std::string::npos;
}
} // namespace

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

std::string
CanonicalDetail(const std::string& event, const std::string& detail)
{
    if (event == "command_start")
    {
        return detail.empty() ? detail : "command=" + DetailValue(detail);
    }
    if (AllPairs(detail))
    {
        return detail;
    }
    std::string host;
    std::string port;
    if ((event == "connect_start" || event == "accepted") && SplitHostPort(detail, host, port))
    {
        // The names of connections.csv's columns.
        return (event == "accepted" ? "remote_address=" : "remote_host=") + host +
               " remote_port=" + port;
    }
    std::vector<std::string> tokens = Split(detail);
    std::string out;
    std::string words;
    auto add = [&out](const std::string& pair) { out += (out.empty() ? "" : " ") + pair; };
    for (size_t i = 0; i < tokens.size(); ++i)
    {
        if (IsPair(tokens[i]))
        {
            add(tokens[i]);
        }
        else if ((tokens[i] == "from" || tokens[i] == "to") && i + 1 < tokens.size())
        {
            add(tokens[i] + "=" + DetailValue(tokens[i + 1]));
            ++i;
        }
        else
        {
            words += (words.empty() ? "" : " ") + tokens[i];
        }
    }
    if (!words.empty())
    {
        std::string key = MainKey(event, words);
        std::string value = key == "text" ? DetailValue(words) : Word(words, key == "state");
        out = key + "=" + value + (out.empty() ? "" : " " + out);
    }
    return out;
}

} // namespace retrotcp
