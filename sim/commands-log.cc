#include "commands-log.h"

#include "output-file.h"
#include "units.h"

#include <algorithm>

namespace retrotcp
{

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
    out << "host,seq,source,command,start_s,end_s,duration_s,result,detail\n";
    for (const auto* r : rows)
    {
        bool done = r->end >= ns3::Time(0);
        out << CsvField(r->host) << ',' << r->seq << ',' << r->source << ',' << CsvField(r->command)
            << ',' << FormatSeconds(r->start) << ',' << (done ? FormatSeconds(r->end) : "") << ','
            << (done ? FormatSeconds(r->end - r->start) : "") << ',' << r->result << ','
            << CsvField(r->detail) << '\n';
    }
}

} // namespace retrotcp
