#ifndef RETROTCP_COMMANDS_LOG_H
#define RETROTCP_COMMANDS_LOG_H

#include "lanman-redirector.h"

#include <ostream>
#include <string>
#include <vector>

namespace retrotcp
{

/**
 * \brief commands.csv: one row per LAN Manager redirector command, sorted by
 * start time, then host, then per-host sequence number.
 *
 * Columns: host,seq,source,command,start_s,end_s,duration_s,result,conn_id,detail
 * (end_s and duration_s empty for a command still running at the end of the run;
 * conn_id, the connection the command used, empty if none).
 */
class CommandsLog
{
  public:
    /** \brief Keep one record (the redirectors' "Command" trace). */
    void Record(const ns3::LanmanCommandRecord& record);
    /** \return rows held */
    size_t Rows() const;
    /** \return the records, in completion order */
    const std::vector<ns3::LanmanCommandRecord>& Records() const;
    /**
     * \brief Write the rows.
     * \param out the file (a ResultFolder's)
     */
    void Write(std::ostream& out) const;

  private:
    std::vector<ns3::LanmanCommandRecord> m_records; //!< in completion order
};

} // namespace retrotcp

#endif
