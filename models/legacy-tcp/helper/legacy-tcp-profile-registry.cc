#include "legacy-tcp-profile-registry.h"

namespace ns3
{

namespace
{

// Sources several profiles share.
const char* const kQ175523 = "Q175523 (TcpMaxConnectRetransmissions / MaxConnectRetries 3)";
const char* const kRstAssumption =
    "assumption: Q175523 gives no number (it calls the 3 s timeout irrelevant after a RST); "
    "modern Windows measures about 0.5 s";
const char* const kNtPorts = "NT MaxUserPort default 5000: ports 1025-5000";
const char* const kWindowsMinRto =
    "assumption: no NT/95 document gives a minimum; 300 ms is the MinRto later Windows "
    "documents, above a peer's 200 ms delayed ACK plus a LAN round trip";
const char* const kWindowsDelAck =
    "TcpDelAckTicks default 2 (100 ms ticks): the ACK leaves 100-200 ms after the segment";
const char* const kBsdRtoTick = "4.4BSD slow timeout (PR_SLOWHZ 2): the RTO counts 500 ms ticks";
const char* const kBsdDelAckTick =
    "4.4BSD fast timeout (PR_FASTHZ 5): delayed ACKs leave at the next 200 ms tick";
const char* const kDynamicBlocks = "control blocks allocated dynamically (no fixed pool)";
const char* const kWinsockErrors = "Winsock error codes (winsock.h)";
const char* const kWindowsIcmp =
    "assumption: no Microsoft document for NT/95 says what TCP does with an ICMP "
    "unreachable while connecting; RFC 1122 4.2.3.9's reading (port and protocol "
    "unreachable end the connect, host and network unreachable are reported only if it "
    "then times out)";

LegacyTcpProfile
WindowsNt(const std::string& version, const std::string& timeWait,
          const std::string& timeWaitSource)
{
    return {
        "winnt-" + version,
        "Windows NT " + version +
            " Winsock: after a RST the SYN is re-sent at the base interval, not doubled, "
            "up to TcpMaxConnectRetransmissions; unanswered SYNs at 0, 3, 9, 21 s, "
            "failure at 45 s (Q175523).",
        {
            {"ConnectRetryPolicy", "Winsock", "Q175523"},
            {"MaxConnectRetransmissions", "3", kQ175523},
            {"SynInitialTimeout", "3s", "Q175523: the initial time-out value is three seconds"},
            {"SynTimeoutCap", "0s", "Q175523: doubled with each retransmission, no cap given"},
            {"RstRetryInterval", "500ms", kRstAssumption},
            {"TimeWaitDelay", timeWait, timeWaitSource},
            {"EphemeralPortMin", "1025", kNtPorts},
            {"EphemeralPortMax", "5000", kNtPorts},
            {"MaxDataRetransmissions", "5", "NT TcpMaxDataRetransmissions default"},
            {"ReceiveWindow", "8760", "NT on Ethernet: 6 x 1460 (TCP/IP Implementation Details)"},
            {"DelayedAckTimeout", "200ms", "NT delayed-ACK timer (TCP/IP Implementation Details)"},
            {"DelayedAckTick", "100ms", kWindowsDelAck},
            {"MinRto", "300ms", kWindowsMinRto},
            {"ErrorCodes", "Winsock", kWinsockErrors},
            {"IcmpUnreachable", "Rfc1122", kWindowsIcmp},
            {"ConnectionBlocks", "0", kDynamicBlocks},
        }};
}

LegacyTcpProfile
Win2000(const std::string& name, const std::string& label)
{
    return WindowsNt("4.0", "240s", "TcpTimedWaitDelay default 240 s")
        .Derive(name,
                label + " Winsock: TcpMaxConnectRetransmissions 2, so unanswered SYNs at 0, 3, "
                        "9 s and failure at 21 s (Q170359 and later docs).",
                {{"MaxConnectRetransmissions", "2", "TcpMaxConnectRetransmissions default 2"},
                 {"ReceiveWindow", "17520", "16 KB rounded up to 12 x 1460 on Ethernet"}});
}

LegacyTcpProfile
Win95()
{
    return {
        "win95",
        "Windows 95 MSTCP Winsock: RST retries not doubled, unanswered SYNs 3 s doubling "
        "capped at 2 minutes, MaxConnectRetries 3 (Q175523, Q158474).",
        {
            {"ConnectRetryPolicy", "Winsock", "Q175523"},
            {"MaxConnectRetransmissions", "3", kQ175523},
            {"SynInitialTimeout", "3s", "Q175523: initial retransmission time-out 3 s"},
            {"SynTimeoutCap", "120s", "Q175523: doubled each time up to a maximum of 2 minutes"},
            {"RstRetryInterval", "500ms", kRstAssumption},
            {"Msl", "120s", "MSL 120 s, TIME-WAIT 240 s, fixed until a 1997 update (Q158474)"},
            {"EphemeralPortMin", "1025", "ports 1025-5000 (exhaustion above 3,976)"},
            {"EphemeralPortMax", "5000", "ports 1025-5000 (exhaustion above 3,976)"},
            {"ReceiveWindow", "8192", "assumption: Windows 95 DefaultRcvWindow 8 KB"},
            {"DelayedAckTimeout", "200ms", "assumption: as Windows NT"},
            {"DelayedAckTick", "100ms", "assumption: as Windows NT (100 ms ticks)"},
            {"MinRto", "300ms", kWindowsMinRto},
            {"ErrorCodes", "Winsock", kWinsockErrors},
            {"IcmpUnreachable", "Rfc1122", kWindowsIcmp},
            {"ConnectionBlocks", "0", kDynamicBlocks},
        }};
}

LegacyTcpProfile
Bsd()
{
    return {"bsd",
            "4.4BSD-style stack: connect() fails on the first RST (ECONNREFUSED); 3 s doubling "
            "SYN timer ended by the 75 s connection-establishment timer; MSL 30 s.",
            {
                {"ConnectRetryPolicy", "Unix", "Q175523: UNIX stacks fail at once on the RST"},
                {"SynInitialTimeout", "3s", "4.4BSD TCPTV_SRTTDFLT-based initial RTO"},
                {"MaxConnectRetransmissions", "12",
                 "4.4BSD TCP_MAXRXTSHIFT 12; never reached, ConnectTimeout ends the connect "
                 "first"},
                {"ConnectTimeout", "75s",
                 "4.4BSD/FreeBSD connection-establishment timer TCPTV_KEEP_INIT 75 s: SYNs at "
                 "0, 3, 9, 21, 45 s, timed_out at 75 s"},
                {"Msl", "30s", "FreeBSD MSL 30 s (2 x MSL = 60 s)"},
                {"EphemeralPortMin", "1024", "4.4BSD IPPORT_RESERVED"},
                {"EphemeralPortMax", "5000", "4.4BSD IPPORT_USERRESERVED"},
                {"MinRto", "1s", "4.4BSD TCPTV_MIN: 2 ticks of 500 ms"},
                {"RtoTick", "500ms", kBsdRtoTick},
                {"DelayedAckTimeout", "200ms", "4.4BSD: one fast timeout"},
                {"DelayedAckTick", "200ms", kBsdDelAckTick},
                {"ErrorCodes", "Bsd", "FreeBSD sys/errno.h (ECONNREFUSED 61, ...)"},
                {"IcmpUnreachable", "Soft",
                 "4.4BSD tcp_notify() (netinet/tcp_subr.c): in SYN-SENT an unreachable is kept "
                 "as the soft error, and the connect fails with it (not ETIMEDOUT) when its "
                 "retransmissions run out, or at once on a second one after more than 3"},
                {"ConnectionBlocks", "0", "control blocks allocated dynamically"},
            }};
}

LegacyTcpProfile
Linux()
{
    return {
        "linux",
        "Modern Linux: connect() fails on the first RST; initial RTO 1 s; linear SYN "
        "timeouts (tcp_syn_linear_timeouts 4): SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, "
        "67 s, timed_out at 131 s; TIME-WAIT 60 s; ports 32768-60999.",
        {
            {"ConnectRetryPolicy", "Unix", "ECONNREFUSED on the first RST"},
            {"SynInitialTimeout", "1s", "RFC 6298 initial RTO 1 s (TCP_TIMEOUT_INIT)"},
            {"SynLinearRetries", "4",
             "net.ipv4.tcp_syn_linear_timeouts default 4 (net/ipv4/tcp_timer.c: RTO not "
             "doubled while total_rto <= 4)"},
            {"MaxConnectRetransmissions", "10",
             "net.ipv4.tcp_syn_retries 6 + tcp_syn_linear_timeouts 4 (tcp_write_timeout() "
             "adds them in SYN_SENT)"},
            {"SynExpiryTime", "127s",
             "retransmits_timed_out() in tcp_write_timeout() (net/ipv4/tcp_timer.c): "
             "tcp_model_timeout(tcp_syn_retries 6, 1 s) = 127 s since the first SYN"},
            {"SynTimeoutCap", "120s", "TCP_RTO_MAX 120 s"},
            {"InitialRto", "1s", "RFC 6298 initial RTO 1 s"},
            {"TimeWaitDelay", "60s", "TCP_TIMEWAIT_LEN 60 s, fixed"},
            {"EphemeralPortMin", "32768", "net.ipv4.ip_local_port_range"},
            {"EphemeralPortMax", "60999", "net.ipv4.ip_local_port_range"},
            {"ReceiveWindow", "65535", "assumption: largest window without window scaling"},
            {"MinRto", "200ms", "TCP_RTO_MIN 200 ms (include/net/tcp.h)"},
            {"DelayedAckTimeout", "40ms", "TCP_DELACK_MIN 40 ms (the ACK timeout adapts above it)"},
            {"QuickAcks", "16", "TCP_MAX_QUICKACKS 16: quick ACK mode at the start"},
            {"DelayFinAck", "true",
             "tcp_fin() enters pingpong mode: the FIN's ACK is delayed and rides on the "
             "close"},
            {"IsnMode", "Hashed", "secure_tcp_seq(): RFC 6528, a keyed hash plus a clock"},
            {"PortSelection", "Hashed",
             "__inet_hash_connect(): hashed offset, even ports first "
             "(net/ipv4/inet_hashtables.c)"},
            {"ErrorCodes", "Linux", "include/uapi/asm-generic/errno.h (ECONNREFUSED 111, ...)"},
            {"IcmpUnreachable", "Abort",
             "tcp_v4_err() (net/ipv4/tcp_ipv4.c): in SYN_SENT every destination unreachable "
             "ends the connect (ECONNREFUSED for port, EHOSTUNREACH for host unreachable)"},
            {"ConnectionBlocks", "0", "control blocks allocated dynamically"},
        }};
}

std::vector<LegacyTcpProfile>
MakeProfiles()
{
    return {Win95(),
            WindowsNt("3.5", "240s", "fixed 2 x MSL = 240 s before 3.51 SP5"),
            WindowsNt("3.51", "240s", "2 x MSL = 240 s (TcpTimedWaitDelay from SP5)"),
            WindowsNt("4.0", "240s", "TcpTimedWaitDelay default 240 s (range 30-300)"),
            Win2000("win2000", "Windows 2000"),
            Win2000("winxp", "Windows XP"),
            Bsd(),
            Linux()};
}

} // namespace

const std::vector<LegacyTcpProfile>&
LegacyTcpProfileRegistry::GetAll()
{
    static const std::vector<LegacyTcpProfile> profiles = MakeProfiles();
    return profiles;
}

const LegacyTcpProfile*
LegacyTcpProfileRegistry::Find(const std::string& name)
{
    return LegacyTcpProfile::FindIn(GetAll(), name);
}

std::string
LegacyTcpProfileRegistry::ListNames()
{
    std::string names;
    for (const auto& p : GetAll())
    {
        names += (names.empty() ? "" : ", ") + p.GetName();
    }
    return names;
}

} // namespace ns3
