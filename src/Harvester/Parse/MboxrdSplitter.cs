using System.Text;

namespace Harvester.Parse;

/// <summary>One mail cut out of an mbox: its bytes, or null when it was larger than the cap (then only its size is known).</summary>
public sealed record MboxMail(byte[]? Bytes, long Size);

/// <summary>
/// Cuts an mboxrd stream (what public-inbox's <c>x=m</c> search and <c>t.mbox.gz</c> return: lib/PublicInbox/Mbox.pm)
/// into mails and undoes its quoting. public-inbox writes <c>From mboxrd@z Thu Jan  1 00:00:00 1970</c> before each
/// mail and ends each body with an extra newline, and prefixes one more <c>&gt;</c> to every body line that starts
/// with <c>From </c> after any number of <c>&gt;</c> (<c>s/^(&gt;*From )/&gt;$1/gm</c>); so a line that starts with
/// <c>From </c> at the start of the stream or after an empty line separates mails, and one <c>&gt;</c> comes off every
/// <c>&gt;+From </c> line. Works on bytes (mails in other charsets stay intact for MimeKit) and one mail at a time, so an
/// unpacked week is never held whole. Covered by PublicInboxParseTests (Split_*, Read_MboxrdQuotedFromLines_*).
/// </summary>
public static class MboxrdSplitter
{
    private static readonly byte[] From = "From "u8.ToArray();

    public static IEnumerable<MboxMail> Split(Stream stream, long maxMailBytes)
    {
        var lines = new LineReader(stream);
        var current = new MemoryStream();
        long size = 0;
        var inMail = false;
        var previousBlank = true;
        while (lines.Next() is { } line)
        {
            var content = line.AsSpan(0, LineReader.ContentLength(line));
            if (previousBlank && content.StartsWith(From))
            {
                if (inMail && Finish(current, size, maxMailBytes) is { } mail)
                {
                    yield return mail;
                }

                current = new MemoryStream();
                size = 0;

                inMail = true;
                previousBlank = false;
                continue;
            }

            previousBlank = content.Length == 0;
            if (!inMail)
            {
                // Text before the first separator: a stream that is not an mbox at all, or a bare mail. Read it as a mail.
                inMail = true;
            }

            var unquoted = IsQuotedFrom(content) ? line.AsSpan(1) : line;
            size += unquoted.Length;
            if (size <= maxMailBytes)
            {
                current.Write(unquoted);
            }
        }

        if (inMail && Finish(current, size, maxMailBytes) is { } last)
        {
            yield return last;
        }
    }

    /// <summary><c>&gt;From </c>, <c>&gt;&gt;From </c>, ...: one <c>&gt;</c> was added by the mboxrd writer.</summary>
    private static bool IsQuotedFrom(ReadOnlySpan<byte> content)
    {
        var i = 0;
        while (i < content.Length && content[i] == (byte)'>')
        {
            i++;
        }

        return i > 0 && content[i..].StartsWith(From);
    }

    /// <summary>The mail gathered so far; null when it holds nothing but line ends (two separators in a row).</summary>
    private static MboxMail? Finish(MemoryStream current, long size, long maxMailBytes)
    {
        if (size > maxMailBytes)
        {
            return new MboxMail(null, size);
        }

        // The writer's extra newline after each body is not part of the mail.
        var bytes = current.ToArray();
        var end = bytes.Length;
        if (end > 0 && bytes[end - 1] == (byte)'\n')
        {
            end--;
            if (end > 0 && bytes[end - 1] == (byte)'\r')
            {
                end--;
            }
        }

        return bytes.AsSpan(0, end).IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0 ? null : new MboxMail(bytes[..end], end);
    }

    /// <summary>Reads lines as bytes, each with its line end; the last line may have none.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;
        private bool _eof;

        public static int ContentLength(byte[] line)
        {
            var n = line.Length;
            if (n > 0 && line[n - 1] == (byte)'\n')
            {
                n--;
                if (n > 0 && line[n - 1] == (byte)'\r')
                {
                    n--;
                }
            }

            return n;
        }

        public byte[]? Next()
        {
            var pending = new MemoryStream();
            while (true)
            {
                if (_start == _end)
                {
                    if (_eof)
                    {
                        return pending.Length > 0 ? pending.ToArray() : null;
                    }

                    _start = 0;
                    _end = stream.Read(_buffer, 0, _buffer.Length);
                    if (_end == 0)
                    {
                        _eof = true;
                        continue;
                    }
                }

                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline >= 0)
                {
                    pending.Write(_buffer, _start, newline + 1 - _start);
                    _start = newline + 1;
                    return pending.ToArray();
                }

                pending.Write(_buffer, _start, _end - _start);
                _start = _end;
            }
        }
    }

    /// <summary>The text an mbox holds, for tests and diagnostics.</summary>
    internal static string Text(MboxMail mail) => mail.Bytes is null ? "" : Encoding.UTF8.GetString(mail.Bytes);
}
