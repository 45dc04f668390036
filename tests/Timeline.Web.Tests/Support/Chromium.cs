namespace Timeline.Web.Tests.Support;

/// <summary>
/// The system Chromium (docs/development.md#chromium). Playwright never downloads a browser here: it drives this one.
/// Missing, the browser tests skip with the command that installs it, except under CI=true, where they fail.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary><c>TIMELINE_CHROMIUM</c> when set, else <see cref="DefaultPath"/>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("TIMELINE_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage =>
        $"Chromium is not installed at {ExecutablePath}; the browser tests need it: apt-get install -y chromium";

    /// <summary>Skips the running test when Chromium is missing, or fails it under CI.</summary>
    public static void Require()
    {
        if (IsInstalled)
        {
            return;
        }
        if (IsCi)
        {
            Assert.Fail($"{MissingMessage} (CI=true, so this fails instead of skipping)");
        }
        Assert.Skip(MissingMessage);
    }

    /// <summary>The flags for a headless run in a container, as root, offline.</summary>
    public static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
}
