#ifndef RETROTCP_EVENT_LOG_H
#define RETROTCP_EVENT_LOG_H

#include "output-file.h"

#include <cstdint>
#include <memory>
#include <string>

namespace retrotcp
{

/**
 * \brief events.csv: one row per traced event, written as the run goes (buffered).
 *
 * Columns: time_s,host,conn_id,event,detail. conn_id is empty for events that
 * belong to no connection attempt.
 */
class EventLog
{
  public:
    /// \p file null: count events but write no file.
    explicit EventLog(OutputFile* file);

    void Write(const std::string& host, uint64_t connectionId, const std::string& event,
               const std::string& detail);

    uint64_t
    Rows() const
    {
        return m_rows;
    }

  private:
    OutputFile* m_file;
    uint64_t m_rows{0};
};

} // namespace retrotcp

#endif
