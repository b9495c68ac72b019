using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Harvester.Crawl;

/// <summary>What sending one request gave: the response read to the end, or why there is none.</summary>
public sealed record HttpOutcome(HttpAttempt? Attempt, string? Error)
{
    public static HttpOutcome Failed(string error) => new(null, error);
}

/// <summary>
/// Sends requests to one host politely and patiently. Each attempt first waits for the host's throttle (a slot and a
/// start time), outside any timeout: waiting for the host is not part of a request's time, so a Crawl-delay of 60 s
/// or 0.01 requests/s work with the default timeouts (issue 12). Then the attempt runs under the attempt timeout,
/// body included (a truncated body is retried like a reset connection); failures are retried by Polly with
/// exponential backoff and jitter, a <c>Retry-After</c> is honoured up to <c>MaxRetryAfterSeconds</c> and a longer one
/// fails the request at once; attempts and back-off together may take at most the total timeout. The host's circuit
/// is told how the request ended. Touches the network only; what a response means for a page is the caller's.
/// </summary>
public sealed partial class PoliteHttpClient(HttpClient client, HostGate host, HttpOptions options, CrawlStats stats, ILogger logger)
{
    private readonly ResiliencePipeline<HttpAttempt> _retry = CreateRetry(options, host.Time);

    public HostGate Host => host;

    public long MaxResponseBytes => options.MaxResponseBytes;

    /// <summary>
    /// Sends the request <paramref name="create"/> makes (once per attempt). Redirects are returned, not followed: the
    /// caller decides where it may go. Only our own cancellation throws.
    /// </summary>
    public Task<HttpOutcome> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        SendAsync(create, (client, request, token) => HttpAttempt.SendAsync(client, request, options.MaxResponseBytes, token, host.Time), cancellationToken);

    /// <summary>
    /// The same for a binary answer read whole up to <paramref name="maxBytes"/>, whatever its status (a public-inbox
    /// search result: a gzipped mbox, or a 404 "no match"); see <see cref="HttpAttempt.ReceiveBytesAsync"/>.
    /// </summary>
    public Task<HttpOutcome> SendForBytesAsync(Func<HttpRequestMessage> create, long maxBytes, CancellationToken cancellationToken) =>
        SendAsync(create, (client, request, token) => HttpAttempt.ReceiveBytesAsync(client, request, maxBytes, token, host.Time), cancellationToken);

    private async Task<HttpOutcome> SendAsync(Func<HttpRequestMessage> create, Exchange exchange, CancellationToken cancellationToken)
    {
        if (host.Circuit.IsOpen)
        {
            return HttpOutcome.Failed($"host given up on after {host.Circuit.FailureLimit} failed requests in a row (circuit open)");
        }

        var budget = new Budget(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
        HttpOutcome outcome;
        try
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(BudgetKey, budget);
            try
            {
                var attempt = await _retry.ExecuteAsync(
                    static (ctx, state) => new ValueTask<HttpAttempt>(state.Self.AttemptAsync(state.Create, state.Exchange, ctx.Properties.GetValue(BudgetKey, null!), ctx.CancellationToken)),
                    context,
                    (Self: this, Create: create, Exchange: exchange)).ConfigureAwait(false);
                outcome = attempt.RetryAfter is { } after && attempt.IsTransient && after > MaxRetryAfter
                    ? new HttpOutcome(attempt, $"HTTP {attempt.Status} with Retry-After {after.TotalSeconds:F0} s, longer than Harvester:Http:MaxRetryAfterSeconds ({options.MaxRetryAfterSeconds} s); not retried")
                    : new HttpOutcome(attempt, null);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Our own cancellation (Ctrl+C, SIGTERM) goes up: the run stops, the cache keeps what it has.
            throw;
        }
        catch (Exception ex) when (IsFault(ex))
        {
            outcome = HttpOutcome.Failed(ex is TimeoutException ? "timed out" : ex.GetType().Name + ": " + ex.Message);
        }

        if (outcome.Error is not null || outcome.Attempt is { IsTransient: true } or { IsChallenge: true })
        {
            host.Circuit.RecordFailure();
        }
        else
        {
            host.Circuit.RecordSuccess();
        }

        return outcome;
    }

    private TimeSpan MaxRetryAfter => TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);

    private static readonly ResiliencePropertyKey<Budget> BudgetKey = new("harvester.budget");

    /// <summary>One attempt: wait for the host (no timeout but ours), then send under the attempt timeout.</summary>
    private async Task<HttpAttempt> AttemptAsync(Func<HttpRequestMessage> create, Exchange exchange, Budget budget, CancellationToken cancellationToken)
    {
        using var slot = await host.Throttle.EnterAsync(cancellationToken).ConfigureAwait(false);
        var limit = TimeSpan.FromSeconds(options.AttemptTimeoutSeconds);
        if (budget.Remaining < limit)
        {
            limit = budget.Remaining;
        }

        if (limit <= TimeSpan.Zero)
        {
            throw new TimeoutException("the request's total timeout has passed");
        }

        using var timeout = new CancellationTokenSource(limit, host.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = create();
        var started = host.Time.GetTimestamp();
        stats.CountRequest();
        LogRequest(logger, request.Method, request.RequestUri!);
        try
        {
            return await exchange(client, request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no complete response within {limit.TotalSeconds:F1} s");
        }
        finally
        {
            budget.Spend(host.Time.GetElapsedTime(started));
        }
    }

    /// <summary>One exchange with the server, read to the end (or the cap): what an attempt does once the host lets it start.</summary>
    private delegate Task<HttpAttempt> Exchange(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken);

    private static bool IsFault(Exception ex) =>
        ex is HttpRequestException or IOException or TimeoutException or OperationCanceledException;

    private static ResiliencePipeline<HttpAttempt> CreateRetry(HttpOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpAttempt> { TimeProvider = time };
        if (options.MaxRetries == 0)
        {
            return builder.Build();
        }

        var maxRetryAfter = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        return builder.AddRetry(new RetryStrategyOptions<HttpAttempt>
        {
            ShouldHandle = args => ValueTask.FromResult(
                args.Context.Properties.GetValue(BudgetKey, null!).Remaining > TimeSpan.Zero
                && args.Outcome switch
                {
                    // A host name that does not resolve is a configuration or network problem that retries will not fix.
                    { Exception: HttpRequestException ex } => ex.HttpRequestError != HttpRequestError.NameResolutionError,
                    { Exception: IOException or TimeoutException } => true,
                    { Exception: OperationCanceledException } => !args.Context.CancellationToken.IsCancellationRequested,
                    { Result: { } attempt } => attempt.IsTransient && !(attempt.RetryAfter > maxRetryAfter),
                    _ => false,
                }),
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs),
            MaxDelay = TimeSpan.FromSeconds(Math.Max(1, options.MaxRetryAfterSeconds)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result?.RetryAfter is { } after ? (TimeSpan?)(after < TimeSpan.Zero ? TimeSpan.Zero : after) : null),
            OnRetry = args =>
            {
                args.Context.Properties.GetValue(BudgetKey, null!).Spend(args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>The time one request may spend in attempts and back-off (not waiting for the host).</summary>
    private sealed class Budget(TimeSpan total)
    {
        private long _spentTicks;

        public TimeSpan Remaining => total - TimeSpan.FromTicks(Interlocked.Read(ref _spentTicks));

        public void Spend(TimeSpan spent) => Interlocked.Add(ref _spentTicks, spent.Ticks);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "{Method} {Url}")]
    private static partial void LogRequest(ILogger logger, HttpMethod method, Uri url);
}
