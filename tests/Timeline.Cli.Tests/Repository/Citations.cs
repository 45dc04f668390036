using System.Text;
using System.Text.RegularExpressions;

namespace Timeline.Cli.Tests.Repository;

/// <summary>A file as the repository holds it: its path from the root ('/'-separated) and, for text, its content.</summary>
internal sealed record RepositoryFile(string Path, string? Text);

/// <summary>
/// Finds every citation of a file in the repository's text and says which ones point nowhere. A citation is a
/// relative Markdown link (resolved from the Markdown file's folder), or a path ending in <c>.md</c> or starting with
/// <c>docs/</c> named anywhere in any text file (resolved from the citing file's folder, else from the root). A
/// citation's <c>#anchor</c> must name a heading (or an <c>&lt;a id&gt;</c>) of the Markdown file it points at.
/// </summary>
internal sealed partial class Citations
{
    private readonly Dictionary<string, RepositoryFile> _files;
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal) { string.Empty };
    private readonly Dictionary<string, IReadOnlySet<string>> _anchors = new(StringComparer.Ordinal);

    public Citations(IEnumerable<RepositoryFile> files)
    {
        _files = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var path in _files.Keys)
        {
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                _folders.Add(path[..slash]);
            }
        }
    }

    /// <summary>Every citation that names a missing file or heading, as <c>file:line: what is wrong</c>.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var file in _files.Values.Where(f => f.Text is not null).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var lines = file.Text!.Split('\n');
            var inFence = false;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var isMarkdown = file.Path.EndsWith(".md", StringComparison.Ordinal);
                if (isMarkdown && Fence().IsMatch(line))
                {
                    inFence = !inFence;
                    continue;
                }
                // A link-shaped text inside a code block is code, not a link; a path named there is still a citation.
                var links = isMarkdown && !inFence ? Links(line) : [];
                foreach (var (target, anchor, isLink) in links.Select(l => (l.Target, l.Anchor, true)).Concat(Mentions(line).Select(m => (m.Target, m.Anchor, false))))
                {
                    if (Check(file.Path, target, anchor, isLink) is { } problem)
                    {
                        problems.Add($"{file.Path}:{i + 1}: {problem}");
                    }
                }
            }
        }
        return [.. problems.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The anchors a Markdown text offers, as GitHub makes them from its headings.</summary>
    public static IReadOnlySet<string> AnchorsOf(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence)
            {
                continue;
            }
            foreach (Match explicitAnchor in ExplicitAnchor().Matches(line))
            {
                anchors.Add(explicitAnchor.Groups[1].Value);
            }
            if (Heading().Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups[1].Value);
                var count = seen.GetValueOrDefault(slug);
                seen[slug] = count + 1;
                anchors.Add(count == 0 ? slug : $"{slug}-{count}");
            }
        }
        return anchors;
    }

    /// <summary>GitHub's heading anchor: the heading's text, lowercased, without punctuation, spaces made hyphens.</summary>
    public static string Slug(string heading)
    {
        var text = InlineLink().Replace(heading, "$1").Trim().ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }
        return slug.ToString();
    }

    private string? Check(string citing, string target, string? anchor, bool isLink)
    {
        var folder = citing.Contains('/', StringComparison.Ordinal) ? citing[..citing.LastIndexOf('/')] : string.Empty;
        string? resolved;
        if (target.Length == 0)
        {
            resolved = citing;
        }
        else
        {
            // Links resolve from the Markdown file's folder, as a reader's browser does; a path named in text may also
            // be written from the root, as code comments do (docs/contract.md).
            var candidates = isLink ? [Join(folder, target)] : new[] { Join(folder, target), Join(string.Empty, target) };
            resolved = candidates.FirstOrDefault(c => c is not null && (_files.ContainsKey(c) || _folders.Contains(c)));
            if (resolved is null)
            {
                return $"cites {target}, which the repository does not hold";
            }
        }
        if (anchor is null || !resolved.EndsWith(".md", StringComparison.Ordinal) || _files[resolved].Text is not { } markdown)
        {
            return null;
        }
        if (!_anchors.TryGetValue(resolved, out var anchors))
        {
            anchors = AnchorsOf(markdown);
            _anchors.Add(resolved, anchors);
        }
        return anchors.Contains(anchor) ? null : $"cites {target}#{anchor}, but {resolved} has no heading with that anchor";
    }

    /// <summary>The path <paramref name="relative"/> names from <paramref name="folder"/>, or null when it leaves the repository.</summary>
    private static string? Join(string folder, string relative)
    {
        var parts = new List<string>(relative.StartsWith('/') ? [] : folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }
        return string.Join('/', parts);
    }

    private static IEnumerable<(string Target, string? Anchor)> Links(string line)
    {
        foreach (var match in MarkdownLink().Matches(line).Concat(ReferenceDefinition().Matches(line)))
        {
            var target = match.Groups[1].Value;
            if (Scheme().IsMatch(target))
            {
                continue;
            }
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            yield return hash < 0 ? (Uri.UnescapeDataString(target), null) : (Uri.UnescapeDataString(target[..hash]), target[(hash + 1)..]);
        }
    }

    private static IEnumerable<(string Target, string? Anchor)> Mentions(string line)
    {
        foreach (Match match in PathToken().Matches(line))
        {
            var target = match.Groups[1].Value.TrimEnd('.');
            var bare = target.TrimStart('.', '/');
            if (target.EndsWith(".md", StringComparison.Ordinal) || bare.StartsWith("docs/", StringComparison.Ordinal))
            {
                yield return (target, match.Groups[2].Success ? match.Groups[2].Value : null);
            }
        }
    }

    [GeneratedRegex(@"^\s{0,3}(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<a\s+(?:id|name)=""([^""]+)""")]
    private static partial Regex ExplicitAnchor();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex InlineLink();

    // [text](target "title"), with one level of brackets allowed inside the text.
    [GeneratedRegex(@"\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex Scheme();

    // A path-like token not inside a URL or a longer word: optional ../ steps, then word characters, dots, slashes
    // and hyphens, then an optional #anchor.
    [GeneratedRegex(@"(?<![\w./\-:@])((?:\.{1,2}/)*[\w\-][\w./\-]*)(?:#([\w\-]+))?")]
    private static partial Regex PathToken();
}
