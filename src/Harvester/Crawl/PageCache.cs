using Microsoft.Data.Sqlite;

namespace Harvester.Crawl;

/// <summary>A cached response: its status, body and the validators the server gave.</summary>
public sealed record CachedPage(string Url, PageKind Kind, int Status, string? Body, string? ETag, string? LastModified, DateTimeOffset FetchedAt);

/// <summary>
/// The page cache: one SQLite file in WAL mode. Each page is written in its own statement (an atomic upsert), so a run
/// killed at any point leaves a cache the next run uses as it is: a page is there whole or not at all.
/// </summary>
public sealed class PageCache : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public PageCache(string path)
    {
        try
        {
            if (path != ":memory:")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            }

            _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            _connection.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            throw new IOException($"the page cache '{path}' cannot be opened (Harvester:Cache:Path): {ex.Message}", ex);
        }

        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=NORMAL;");
        Execute("PRAGMA busy_timeout=5000;");
        Execute("""
            CREATE TABLE IF NOT EXISTS pages (
                url TEXT PRIMARY KEY,
                kind INTEGER NOT NULL,
                status INTEGER NOT NULL,
                body TEXT,
                etag TEXT,
                last_modified TEXT,
                fetched_at INTEGER NOT NULL);
            """);
    }

    public string Location => _connection.DataSource;

    public CachedPage? Get(Uri url)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT kind, status, body, etag, last_modified, fetched_at FROM pages WHERE url = $url";
            command.Parameters.AddWithValue("$url", url.AbsoluteUri);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            return new CachedPage(
                url.AbsoluteUri,
                (PageKind)reader.GetInt32(0),
                reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
        }
    }

    public void Put(CachedPage page)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO pages (url, kind, status, body, etag, last_modified, fetched_at)
                VALUES ($url, $kind, $status, $body, $etag, $lm, $at)
                ON CONFLICT(url) DO UPDATE SET kind=excluded.kind, status=excluded.status, body=excluded.body,
                    etag=excluded.etag, last_modified=excluded.last_modified, fetched_at=excluded.fetched_at;
                """;
            command.Parameters.AddWithValue("$url", page.Url);
            command.Parameters.AddWithValue("$kind", (int)page.Kind);
            command.Parameters.AddWithValue("$status", page.Status);
            command.Parameters.AddWithValue("$body", (object?)page.Body ?? DBNull.Value);
            command.Parameters.AddWithValue("$etag", (object?)page.ETag ?? DBNull.Value);
            command.Parameters.AddWithValue("$lm", (object?)page.LastModified ?? DBNull.Value);
            command.Parameters.AddWithValue("$at", page.FetchedAt.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Forgets a page (one that could not be parsed, so the next run fetches it again).</summary>
    public void Remove(Uri url)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM pages WHERE url = $url";
            command.Parameters.AddWithValue("$url", url.AbsoluteUri);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Calls <paramref name="visit"/> for every page answered 200 whose URL starts with <paramref name="urlPrefix"/>
    /// (all when null) and that was fetched in [<paramref name="from"/>, <paramref name="to"/>), in URL order; for
    /// <c>harvester cache export</c>. The pages are streamed, one body in memory at a time.
    /// </summary>
    public void ForEachPage(string? urlPrefix, DateTimeOffset? from, DateTimeOffset? to, Action<CachedPage> visit)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT url, kind, status, body, etag, last_modified, fetched_at FROM pages
                WHERE status = 200 AND body IS NOT NULL
                  AND ($prefix IS NULL OR substr(url, 1, length($prefix)) = $prefix)
                  AND ($from IS NULL OR fetched_at >= $from) AND ($to IS NULL OR fetched_at < $to)
                ORDER BY url
                """;
            command.Parameters.AddWithValue("$prefix", (object?)urlPrefix ?? DBNull.Value);
            command.Parameters.AddWithValue("$from", (object?)from?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            command.Parameters.AddWithValue("$to", (object?)to?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                visit(new CachedPage(
                    reader.GetString(0),
                    (PageKind)reader.GetInt32(1),
                    reader.GetInt32(2),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
            }
        }
    }

    /// <summary>Pages per kind and the file's size, for <c>harvester cache stats</c>.</summary>
    public IReadOnlyDictionary<PageKind, long> CountByKind()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT kind, COUNT(*) FROM pages GROUP BY kind";
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<PageKind, long>();
            while (reader.Read())
            {
                counts[(PageKind)reader.GetInt32(0)] = reader.GetInt64(1);
            }

            return counts;
        }
    }

    /// <summary>When the oldest and the newest cached page were fetched (nulls when the cache is empty).</summary>
    public (DateTimeOffset? Oldest, DateTimeOffset? Newest) FetchedRange()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT MIN(fetched_at), MAX(fetched_at) FROM pages";
            using var reader = command.ExecuteReader();
            reader.Read();
            return reader.IsDBNull(0)
                ? (null, null)
                : (DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
        }
    }

    /// <summary>Removes pages fetched before <paramref name="cutoff"/> and VACUUMs, so the file shrinks; returns how many.</summary>
    public int PruneOlderThan(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM pages WHERE fetched_at < $cutoff";
            command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
            var removed = command.ExecuteNonQuery();
            Execute("VACUUM;");
            Execute("PRAGMA wal_checkpoint(TRUNCATE);");
            return removed;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
