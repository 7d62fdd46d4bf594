#ifndef RETROTCP_FILTER_REPORTER_H
#define RETROTCP_FILTER_REPORTER_H

#include "connection-book.h"
#include "host-packet-filter.h"

#include <string>

namespace retrotcp
{

/**
 * \brief Writes a host packet filter's decisions (its "Dropped" and "Rejected"
 * traces) as events.csv rows filter_drop and filter_reject, with the connection
 * attempt the packet belongs to (by 4-tuple, either end).
 */
class FilterReporter
{
  public:
    /** \param book the run's book \param host the host's name */
    FilterReporter(ns3::Ptr<ConnectionBook> book, std::string host);

    /** \brief Listen to \p filter. */
    void Listen(ns3::Ptr<ns3::HostPacketFilter> filter);

  private:
    void Dropped(const ns3::HostPacketFilter::Decision& decision);
    void Rejected(const ns3::HostPacketFilter::Decision& decision);
    void Write(const char* event, const ns3::HostPacketFilter::Decision& decision);

    ns3::Ptr<ConnectionBook> m_book; //!< the book
    std::string m_host;              //!< host name
};

} // namespace retrotcp

#endif
