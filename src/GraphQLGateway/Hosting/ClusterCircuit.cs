namespace EShop.GraphQLGateway.Hosting;

// The gateway's circuit breaker around the cluster. A probe asks the cluster every second for its active silos; after
// two probes in a row go unanswered (2 s each), the breaker is isolated and every GraphQL request fails at once with
// UNAVAILABLE (HTTP 503, Retry-After) instead of waiting out Orleans' 30 s response timeout; the first probe answered
// closes it again. Each answer also tells SiloDepartures which silos are active. Only the probe trips it: a grain call
// failing while one silo of several dies is not the cluster being unreachable. A request reads one flag: running each
// through a Polly circuit breaker's pipeline cost a context and two locks per request, for a breaker only the probe
// ever opened or closed.
public sealed partial class ClusterCircuit : BackgroundService
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // The error code of a request the cluster could not take, here or through SiloDepartures: worth trying again.
    public const string UnavailableCode = "UNAVAILABLE";

    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private const int MissedProbes = 2;

    private readonly IClusterClient _client;
    private readonly SiloDepartures _departures;
    private readonly ILogger<ClusterCircuit> _logger;
    // It starts isolated: the client may not have reached the cluster yet.
    private volatile bool _isolated = true;

    public ClusterCircuit(IClusterClient client, SiloDepartures departures, ILogger<ClusterCircuit> logger) =>
        (_client, _departures, _logger) = (client, departures, logger);

    // Open until a probe has answered, and again after MissedProbes unanswered ones.
    public bool Isolated => _isolated;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var missed = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await ProbeAsync(stoppingToken))
            {
                missed = 0;
                if (_isolated)
                {
                    _isolated = false;
                    LogClosed(_logger);
                }
            }
            else if (++missed >= MissedProbes && !_isolated)
            {
                _isolated = true;
                LogIsolated(_logger, missed);
            }

            await Task.Delay(ProbeEvery, stoppingToken);
        }
    }

    private async Task<bool> ProbeAsync(CancellationToken stoppingToken)
    {
        try
        {
            var active = await _client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(ProbeTimeout, stoppingToken);
            _departures.Observe(active.Keys);
            return active.Count > 0;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster has not answered {Missed} probes: GraphQL requests fail fast with UNAVAILABLE until it does")]
    private static partial void LogIsolated(ILogger logger, int missed);

    [LoggerMessage(Level = LogLevel.Information, Message = "The cluster answers: GraphQL requests go through again")]
    private static partial void LogClosed(ILogger logger);
}
