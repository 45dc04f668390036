namespace Timeline.Testing;

/// <summary>
/// The system Chromium (docs/development.md#chromium), for the browser tests and the benchmark's <c>--browser</c>: one place
/// that says where it is and how it is launched. Playwright never downloads a browser here: it drives this one. Missing, it is a
/// <see cref="Prerequisite"/>: the browser tests skip with the command that installs it, except under CI=true, where
/// they fail.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary><c>TIMELINE_CHROMIUM</c> when set, else <see cref="DefaultPath"/>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("TIMELINE_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>Skips the running test when Chromium is missing, or fails it under CI.</summary>
    public static void Require() => Prerequisite.Require(
        IsInstalled,
        $"The browser tests need Chromium, which is not installed at {ExecutablePath}: apt-get install -y chromium (or set TIMELINE_CHROMIUM to its path).");

    /// <summary>The flags for a headless run in a container, as root, offline.</summary>
    public static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
}
