#ifndef RETROTCP_NS3_FIXTURE_H
#define RETROTCP_NS3_FIXTURE_H

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/global-value.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"

namespace retrotcp
{
namespace test
{

/**
 * \brief RAII guard for ns-3's global state in a test case.
 *
 * ns-3 keeps the simulator, the attribute defaults and the RNG seed in process-wide
 * singletons. Declare one of these first in every test case that touches ns-3: it
 * fixes the seed on entry and ends with Simulator::Destroy() and Config::Reset()
 * whatever way the test case exits.
 */
class Ns3Fixture
{
  public:
    explicit Ns3Fixture(uint32_t seed = 1)
    {
        ns3::RngSeedManager::SetSeed(seed);
        ns3::RngSeedManager::SetRun(1);
        // As every retrotcp run does: checksums computed and verified on the wire.
        ns3::GlobalValue::Bind("ChecksumEnabled", ns3::BooleanValue(true));
    }

    ~Ns3Fixture()
    {
        ns3::Simulator::Destroy();
        ns3::Config::Reset();
    }

    Ns3Fixture(const Ns3Fixture&) = delete;
    Ns3Fixture& operator=(const Ns3Fixture&) = delete;
};

} // namespace test
} // namespace retrotcp

#endif
