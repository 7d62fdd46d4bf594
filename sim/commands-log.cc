#include "commands-log.h"

#include "output-file.h"
#include "units.h"

#include <algorithm>

namespace retrotcp
{

namespace
{
// The detail without its "conn_id=N" pair, which becomes the conn_id column.
std::string
WithoutConnId(const std::string& detail, std::string& connId)
{
    std::string out;
    size_t start = 0;
    while (start <= detail.size())
    {
        size_t end = detail.find(' ', start);
        end = end == std::string::npos ? detail.size() : end;
        std::string token = detail.substr(start, end - start);
        if (token.rfind("conn_id=", 0) == 0)
        {
            connId = token.substr(8);
        }
        else if (!token.empty())
        {
            out += (out.empty() ? "" : " ") + token;
        }
        start = end + 1;
    }
    return out;
}
} // namespace

void
CommandsLog::Record(const ns3::LanmanCommandRecord& record)
{
    m_records.push_back(record);
}

size_t
CommandsLog::Rows() const
{
    return m_records.size();
}

const std::vector<ns3::LanmanCommandRecord>&
CommandsLog::Records() const
{
    return m_records;
}

void
CommandsLog::Write(std::ostream& out) const
{
    std::vector<const ns3::LanmanCommandRecord*> rows;
    for (const auto& r : m_records)
    {
        rows.push_back(&r);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
        if (a->start != b->start)
        {
            return a->start < b->start;
        }
        if (a->host != b->host)
        {
            return a->host < b->host;
        }
        return a->seq < b->seq;
    });
    out << "host,seq,source,command,start_s,end_s,duration_s,result,conn_id,detail\n";
    for (const auto* r : rows)
    {
        bool done = r->end >= ns3::Time(0);
        std::string connId;
        std::string detail = WithoutConnId(r->detail, connId);
        out << CsvField(r->host) << ',' << r->seq << ',' << r->source << ',' << CsvField(r->command)
            << ',' << FormatSeconds(r->start) << ',' << (done ? FormatSeconds(r->end) : "") << ','
            << (done ? FormatSeconds(r->end - r->start) : "") << ',' << r->result << ',' << connId
            << ',' << CsvField(detail) << '\n';
    }
}

} // namespace retrotcp
