#ifndef RETROTCP_FIT_REPLAY_WRITER_H
#define RETROTCP_FIT_REPLAY_WRITER_H

#include "capture-fitter.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace retrotcp
{

/// A scenario that replays a capture, and how its hosts map back to the capture.
struct ReplayPlan
{
    nlohmann::json scenario;                  //!< the scenario document
    std::map<std::string, fit::Ipv4> clients; //!< host name -> captured client address
    std::map<std::string, fit::Ipv4> servers; //!< host name -> captured server address
    double lead{1};                           //!< scenario time of the capture's first SYN
    int64_t originNs{0};                      //!< capture time of its first SYN
    int64_t endNs{0};                         //!< capture time of its last frame
    std::vector<std::string> notes;           //!< where the replay approximates the capture
};

/**
 * \brief Builds the scenario that replays a fitted capture: each client with
 * its best profile and overrides, calling connect() at the capture's times to
 * the same ports; each server with services on the ports that answered
 * SYN|ACK (an up/down schedule where a port changed between RST|ACK and
 * SYN|ACK), closed ports left without a service, and its measured round trip
 * as the delay of a WAN link. The scenario format has no per-port drop: the
 * ports whose SYNs were never answered go to a second host behind a link that
 * loses every packet; SYNs lost to answering ports become a random loss on the
 * server's link.
 */
class ReplayScenarioWriter
{
  public:
    /// \param name the scenario name
    ReplayScenarioWriter(const fit::CaptureFit& fit, std::string name);

    ReplayPlan Plan() const;

    /// A valid scenario name from a file name ("fit-" and letters, digits, -, _).
    static std::string NameFor(const std::string& capturePath);

  private:
    struct PortHistory
    {
        std::vector<std::pair<int64_t, bool>> answers; //!< time, listening
        uint32_t unanswered{0};
    };

    nlohmann::json Services(const std::map<uint16_t, PortHistory>& ports,
                            const ReplayPlan& plan) const;
    std::string At(int64_t ns, const ReplayPlan& plan) const;

    const fit::CaptureFit& m_fit;
    std::string m_name;
};

} // namespace retrotcp

#endif
