using CallCenter.Sip.Core;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Stack;
using CallCenter.Sip.Transactions;
using Prometheus;

namespace CallCenter.Server.Metrics;

/// <summary>
/// Gauges and counters read from the SIP layers at scrape time (transactions, registrations, dialogs,
/// transport), plus authentication outcomes. Reading at scrape time keeps the hot paths free of metric updates.
/// </summary>
public sealed class SipStateMetrics(CollectorRegistry registry, SipStack stack, BindingStore bindings, UserAgentCore core)
{
    /// <summary>Creates the collectors and hooks them to the registry's scrape.</summary>
    public void Register()
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var transactions = factory.CreateGauge("callcenter_sip_transactions_active", "SIP transactions in progress, by kind.", "kind");
        var registrations = factory.CreateGauge("callcenter_sip_registrations_active", "Live registrar bindings (contacts).");
        var dialogs = factory.CreateGauge("callcenter_sip_dialogs_active", "Live SIP dialogs.");
        var tcpConnections = factory.CreateGauge("callcenter_sip_tcp_connections_open", "Open SIP TCP connections.");
        var retransmissions = factory.CreateGauge("callcenter_sip_retransmissions", "Retransmissions sent since start (requests and responses).", "direction");
        var timeouts = factory.CreateGauge("callcenter_sip_transaction_timeouts", "Transactions that timed out since start.");
        var dropped = factory.CreateGauge("callcenter_sip_transport_dropped", "Inbound data dropped by the transport since start, by reason.", "reason");
        var auth = factory.CreateCounter("callcenter_sip_auth_total", "Digest authentication decisions, by outcome.", "outcome");
        core.Authenticated += outcome => auth.WithLabels(outcome).Inc();

        registry.AddBeforeCollectCallback(() =>
        {
            var counters = stack.Transactions.Counters;
            foreach (var kind in Enum.GetValues<TransactionKind>())
            {
                transactions.WithLabels(kind.ToString()).Set(counters.Active(kind));
            }

            registrations.Set(bindings.BindingCount);
            dialogs.Set(core.Dialogs.Count);
            var transport = stack.TransportCounters;
            tcpConnections.Set(transport.TcpConnectionsOpen);
            retransmissions.WithLabels("request").Set(counters.RequestRetransmissions);
            retransmissions.WithLabels("response").Set(counters.ResponseRetransmissions);
            timeouts.Set(counters.Timeouts);
            dropped.WithLabels("oversized").Set(transport.OversizedDatagramsDropped);
            dropped.WithLabels("framing").Set(transport.FramingErrors);
            dropped.WithLabels("handler-exception").Set(transport.HandlerExceptions);
        });
    }
}
