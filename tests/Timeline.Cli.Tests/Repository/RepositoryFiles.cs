using System.Diagnostics;
using System.Text;

namespace Timeline.Cli.Tests.Repository;

/// <summary>The files of the repository these tests were built from, as git lists them.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding <c>Timeline.sln</c>, above the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// Every file git tracks, plus new files it does not ignore (so a citation is checked before it is committed),
    /// less those deleted from the work tree. Text is read for files that hold no NUL byte.
    /// </summary>
    public static IReadOnlyList<RepositoryFile> Load()
    {
        var listed = Git("ls-files", "-z", "--cached", "--others", "--exclude-standard");
        return [.. listed.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .Where(path => File.Exists(Path.Combine(Root, path)))
            .Select(path => new RepositoryFile(path, ReadText(Path.Combine(Root, path))))];
    }

    private static string? ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Contains((byte)0) ? null : new UTF8Encoding(false).GetString(bytes);
    }

    private static string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var git = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("git could not be started");
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {Root} ({git.ExitCode}): {error.Result}");
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Timeline.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"no Timeline.sln above {AppContext.BaseDirectory}");
    }
}
