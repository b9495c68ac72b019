using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Harvester.Crawl;

/// <summary>
/// The Polly pipeline around one page request, built per archive (the per-host circuit breaker is <see cref="HostCircuit"/>):
/// total timeout → retry (exponential backoff with jitter, Retry-After honoured) → attempt timeout.
/// The whole exchange, body included, is inside it, so a truncated body is retried like a reset connection.
/// </summary>
public static class ResiliencePipelines
{
    public static ResiliencePipeline<HttpAttempt> Create(HttpOptions options, TimeProvider time)
    {
        var transient = new PredicateBuilder<HttpAttempt>()
            // A host name that does not resolve is a configuration or network problem that retries will not fix.
            .Handle<HttpRequestException>(ex => ex.HttpRequestError != HttpRequestError.NameResolutionError)
            .Handle<IOException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(a => a.IsTransient);

        var builder = new ResiliencePipelineBuilder<HttpAttempt> { TimeProvider = time }
            .AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpAttempt>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs),
                MaxDelay = TimeSpan.FromSeconds(Math.Max(1, options.MaxRetryAfterSeconds)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } after && after <= TimeSpan.FromSeconds(options.MaxRetryAfterSeconds)
                        ? (TimeSpan?)(after < TimeSpan.Zero ? TimeSpan.Zero : after)
                        : null),
            });
        }

        return builder.AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds)).Build();
    }
}
