using Spectre.Console;
using Spectre.Console.Rendering;

namespace Harvester.Hosting.Progress;

/// <summary>The live display on an interactive terminal: Spectre.Console's progress, on stderr (stdout carries the result).</summary>
public static class LiveProgress
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    public static Task RunAsync(ArchiveTrack track, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });
        return console.Progress()
            .AutoClear(false)
            .AutoRefresh(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PagesColumn(track), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(track.Archive), maxValue: track.Expected ?? 1);
                task.IsIndeterminate = track.Expected is null;
                while (!track.Finished && !cancellationToken.IsCancellationRequested)
                {
                    Update(task, track);
                    try
                    {
                        await Task.Delay(Refresh, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                task.IsIndeterminate = false;
                task.MaxValue = Math.Max(track.Read, 1);
                task.Value = task.MaxValue;
                task.StopTask();
            });
    }

    private static void Update(ProgressTask task, ArchiveTrack track)
    {
        if (track.Expected is { } expected)
        {
            task.MaxValue = expected;
        }

        task.Value = track.Read;
    }

    /// <summary>"34/52 pages" (or "34 pages" before there is an estimate).</summary>
    private sealed class PagesColumn(ArchiveTrack track) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(track.Expected is { } e && !track.Finished ? $"{track.Read}/{e} pages" : $"{track.Read} pages");
    }
}
