#include "event-log.h"

#include "ns3/simulator.h"
#include "units.h"

namespace retrotcp
{

EventLog::EventLog(OutputFile* file)
    : m_file(file)
{
    if (m_file)
    {
        m_file->Stream() << "time_s,host,conn_id,event,detail\n";
    }
}

void
EventLog::Write(const std::string& host, uint64_t connectionId, const std::string& event,
                const std::string& detail)
{
    ++m_rows;
    if (!m_file)
    {
        return;
    }
    std::ostream& out = m_file->Stream();
    out << FormatSeconds(ns3::Simulator::Now()) << ',' << CsvField(host) << ',';
    if (connectionId != 0)
    {
        out << connectionId;
    }
    out << ',' << event << ',' << CsvField(detail) << '\n';
}

} // namespace retrotcp
