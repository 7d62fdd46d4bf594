#include "interrupt.h"

#include "ns3/simulator.h"

#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>
#include <pthread.h>
#include <thread>

namespace retrotcp
{

namespace
{
std::atomic<int> g_signal{0};
std::mutex g_mutex; // guards g_simulating and the call into the simulator
bool g_simulating = false;

void
StopNow()
{
    ns3::Simulator::Stop();
}
} // namespace

Interrupted::Interrupted(int signal)
    : std::runtime_error("interrupted by " + SignalName(signal))
    , m_signal(signal)
{
}

Interrupted::Interrupted(const Interrupted& from, const std::string& where)
    : std::runtime_error(std::string(from.what()) + " " + where)
    , m_signal(from.m_signal)
{
}

std::string
SignalName(int signal)
{
    switch (signal)
    {
    case SIGINT:
        return "SIGINT";
    case SIGTERM:
        return "SIGTERM";
    case SIGHUP:
        return "SIGHUP";
    default:
        return "signal " + std::to_string(signal);
    }
}

struct InterruptWatch::Impl
{
    sigset_t watched;
    sigset_t previous;
    std::thread watcher;
};

InterruptWatch::InterruptWatch()
    : m_impl(std::make_unique<Impl>())
{
    g_signal = 0;
    sigemptyset(&m_impl->watched);
    sigaddset(&m_impl->watched, SIGUSR2); // ends the watch
    for (int s : {SIGINT, SIGTERM, SIGHUP})
    {
        // A signal the caller ignores stays ignored (nohup: SIGHUP).
        struct sigaction current;
        if (sigaction(s, nullptr, &current) == 0 && current.sa_handler != SIG_IGN)
        {
            sigaddset(&m_impl->watched, s);
        }
    }
    // Blocked here, so in every thread: only the watcher takes them (sigwait).
    pthread_sigmask(SIG_BLOCK, &m_impl->watched, &m_impl->previous);
    sigset_t watched = m_impl->watched;
    m_impl->watcher = std::thread([watched]() {
        for (;;)
        {
            int s = 0;
            if (sigwait(&watched, &s) != 0 || s == SIGUSR2)
            {
                return; // the watch ends
            }
            int none = 0;
            if (!g_signal.compare_exchange_strong(none, s))
            {
                continue; // already stopping
            }
            std::lock_guard<std::mutex> lock(g_mutex);
            if (g_simulating)
            {
                ns3::Simulator::ScheduleWithContext(ns3::Simulator::NO_CONTEXT, ns3::Time(0),
                                                    &StopNow);
            }
        }
    });
}

InterruptWatch::~InterruptWatch()
{
    pthread_kill(m_impl->watcher.native_handle(), SIGUSR2);
    m_impl->watcher.join();
    pthread_sigmask(SIG_SETMASK, &m_impl->previous, nullptr);
}

void
CheckInterrupt()
{
    if (int s = g_signal.load())
    {
        throw Interrupted(s);
    }
}

void
SetSimulating(bool simulating)
{
    std::lock_guard<std::mutex> lock(g_mutex);
    g_simulating = simulating;
}

} // namespace retrotcp
