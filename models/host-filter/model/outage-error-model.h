#ifndef RETROTCP_OUTAGE_ERROR_MODEL_H
#define RETROTCP_OUTAGE_ERROR_MODEL_H

#include "ns3/error-model.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

/**
 * \brief An ErrorModel that loses every frame inside outage windows: as a
 * device's ReceiveErrorModel it takes a link down and up (a WAN circuit that
 * drops, on both of its devices), or silences a host's network interface (a
 * host switched off: nothing it is sent arrives, ARP requests go unanswered).
 *
 * A window is [down, up): a frame whose reception ends at or after `down` and
 * before `up` is lost; a negative `up` means until the end of the run. Outside
 * the windows the Inner error model, if any, decides (a lossy link that also goes
 * down).
 */
class OutageErrorModel : public ErrorModel
{
  public:
    /// One outage.
    struct Window
    {
        Time down;   //!< the outage starts
        Time up{-1}; //!< it ends; negative = never
    };

    /** \brief Get the type ID. \return the object TypeId */
    static TypeId GetTypeId();

    /**
     * \brief Add an outage; windows are in time order and do not overlap.
     * \param window the outage
     */
    void AddWindow(const Window& window);

    /** \param t a time \return true if \p t lies in an outage */
    bool IsDown(Time t) const;

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;

    std::vector<Window> m_windows;            //!< in time order
    Ptr<ErrorModel> m_inner;                  //!< "Inner": outside the outages
    TracedCallback<Ptr<const Packet>> m_lost; //!< "Lost"
};

} // namespace ns3

#endif
