#ifndef RETROTCP_PROBE_REPORTER_H
#define RETROTCP_PROBE_REPORTER_H

#include "connection-book.h"
#include "ns3/application.h"
#include "ns3/ipv4-address.h"
#include "ns3/tcp-header.h"

#include <string>

namespace retrotcp
{

/**
 * \brief Writes a crafted-segment probe's traces (Sent, Reply, Skipped) into the
 * run's events.csv: crafted_sent, crafted_reply, crafted_skipped (keys in
 * docs/results-format.md).
 */
class ProbeReporter
{
  public:
    /**
     * \param book the run's book \param host the prober's name
     * \param to the target's address and port, as "address:port"
     */
    ProbeReporter(ns3::Ptr<ConnectionBook> book, std::string host, std::string to);
    /** \brief Connect to \p app's trace sources. */
    void Listen(ns3::Ptr<ns3::Application> app);

  private:
    void Sent(uint32_t step, const ns3::TcpHeader& h, uint32_t length);
    void Reply(uint32_t step, const ns3::TcpHeader& h, uint32_t length);
    void Skipped(uint32_t step, const std::string& reason);

    ns3::Ptr<ConnectionBook> m_book;
    std::string m_host;
    std::string m_to;
};

} // namespace retrotcp

#endif
