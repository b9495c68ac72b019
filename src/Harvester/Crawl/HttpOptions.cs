using System.ComponentModel.DataAnnotations;

namespace Harvester.Crawl;

/// <summary>How Harvester talks to the archives (<c>Harvester:Http</c>): politeness, limits and resilience.</summary>
public sealed class HttpOptions
{
    /// <summary>The User-Agent sent with every request; name, version and a contact URL.</summary>
    [Required]
    public string UserAgent { get; set; } = "Harvester/0.1 (+https://github.com/harvester-newsletter/harvester)";

    /// <summary>Requests per second per host, shared by everything that talks to that host.</summary>
    /// <value>The default value is 1.</value>
    [Range(0.01, 10_000)]
    public double RequestsPerSecond { get; set; } = 1;

    /// <summary>Requests in flight at once per host.</summary>
    /// <value>The default value is 2.</value>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>Responses larger than this are cut off and reported, never buffered whole.</summary>
    /// <value>The default value is 5 MB.</value>
    [Range(1024, 1L << 30)]
    public long MaxResponseBytes { get; set; } = 5_000_000;

    /// <summary>Retries after the first attempt on 5xx, 408, 429, timeouts and connection resets.</summary>
    /// <value>The default value is 4.</value>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Base delay of the exponential backoff (with jitter), in milliseconds.</summary>
    /// <value>The default value is 2000.</value>
    [Range(0, 600_000)]
    public int RetryBaseDelayMs { get; set; } = 2000;

    /// <summary>The longest Retry-After honoured, in seconds; a longer one fails the request.</summary>
    /// <value>The default value is 120.</value>
    [Range(0, 3600)]
    public int MaxRetryAfterSeconds { get; set; } = 120;

    /// <summary>Timeout of one attempt, in seconds.</summary>
    /// <value>The default value is 30.</value>
    [Range(0.05, 600)]
    public double AttemptTimeoutSeconds { get; set; } = 30;

    /// <summary>Timeout of one request with all its retries, in seconds.</summary>
    /// <value>The default value is 180.</value>
    [Range(0.1, 3600)]
    public double TotalTimeoutSeconds { get; set; } = 180;

    /// <summary>Consecutive failed requests after which a host is given up on for the rest of the run.</summary>
    /// <value>The default value is 5.</value>
    [Range(1, 1000)]
    public int HostFailureLimit { get; set; } = 5;

    /// <summary>Read and obey robots.txt (Disallow, Crawl-delay) once per host per run.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ObeyRobotsTxt { get; set; } = true;
}
