using System.IO.Compression;

namespace Harvester.Parse;

/// <summary>gzip bodies (public-inbox serves its mboxes as <c>application/gzip</c>, not as a Content-Encoding).</summary>
public static class Gzip
{
    public static bool IsGzip(ReadOnlySpan<byte> body) => body.Length >= 2 && body[0] == 0x1f && body[1] == 0x8b;

    /// <summary>The body, unpacked when it is gzip (several members in a row included), read no further than <paramref name="maxBytes"/>.</summary>
    public static Stream Open(byte[] body, long maxBytes)
    {
        Stream raw = new MemoryStream(body, writable: false);
        return new CappedStream(IsGzip(body) ? new GZipStream(raw, CompressionMode.Decompress) : raw, maxBytes);
    }
}

/// <summary>Reads an inner stream up to a cap, then throws: a gzip bomb or a runaway response ends as a reported error.</summary>
public sealed class CappedStream(Stream inner, long maxBytes) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        _read += n;
        if (_read > maxBytes)
        {
            throw new InvalidDataException($"more than {maxBytes} bytes once unpacked");
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
