using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Timeline.Testing;

/// <summary>
/// Something outside .NET that some tests need and a machine may lack, such as PostgreSQL's server binaries or
/// Chromium. Without it, such a test is skipped with a hint that says how to install it; when <c>CI=true</c> it fails
/// instead, so a CI run never passes by skipping.
/// </summary>
public static class Prerequisite
{
    /// <summary>Whether <c>CI=true</c> (any case) is set: a missing prerequisite then fails the test.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Does nothing when <paramref name="present"/>; otherwise <see cref="Missing"/>.</summary>
    public static void Require([DoesNotReturnIf(false)] bool present, string hint)
    {
        if (!present)
        {
            Missing(hint);
        }
    }

    /// <summary>
    /// Ends the running test because a prerequisite is missing: skipped with <paramref name="hint"/> (what is missing
    /// and the command that installs it), or failed with it when <see cref="IsCi"/>.
    /// </summary>
    [DoesNotReturn]
    public static void Missing(string hint)
    {
        if (IsCi)
        {
            Assert.Fail($"{hint} CI=true, so a missing prerequisite is a failure, not a skip.");
        }
        Assert.Skip(hint);
        throw new UnreachableException();
    }
}
