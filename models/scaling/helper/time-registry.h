#ifndef RETROTCP_TIME_REGISTRY_H
#define RETROTCP_TIME_REGISTRY_H

namespace ns3
{

/**
 * \brief End ns-3's registry of Time objects now rather than at the first
 * Simulator::Run().
 *
 * Until the simulation first runs, ns-3 records every ns3::Time constructed in a
 * global set and removes it when it is destroyed, so that Time::SetResolution() can
 * convert it. A host holds dozens of Time attributes and members: building 100,000
 * hosts inserted millions of entries (about 700 bytes and a tree insertion per
 * legacy host). The first Simulator::Run() ends the registry; this does the same
 * with an empty run before anything is scheduled. The resolution (nanoseconds
 * unless changed before) can no longer change afterwards.
 *
 * \return true if the registry has ended; false if events were already scheduled
 * (then nothing is done, since the run would execute them)
 */
bool EndTimeRegistry();

} // namespace ns3

#endif
