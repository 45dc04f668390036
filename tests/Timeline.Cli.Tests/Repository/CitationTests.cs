namespace Timeline.Cli.Tests.Repository;

/// <summary>
/// The repository never cites a file it does not hold (docs/development.md#citations): every Markdown link, and every
/// <c>.md</c> or <c>docs/</c> path named in code, tests, scripts and docs, resolves to a file here, and every anchor to
/// a heading of that file.
/// </summary>
public sealed class CitationTests
{
    [Fact]
    public void Every_citation_in_the_repository_names_a_file_and_heading_it_holds()
    {
        var files = RepositoryFiles.Load();
        Assert.Contains(files, f => f.Path == "docs/contract.md");

        var problems = new Citations(files).Problems();

        Assert.True(problems.Count == 0, $"{problems.Count} citations point nowhere:\n{string.Join('\n', problems)}");
    }

    // Citations that point nowhere are put together at run time, so this file, which is checked too, holds none.
    private static readonly string Spec = "PRODUCT-SPEC" + ".md";

    private const string Up = "../";

    private static readonly RepositoryFile Contract = new("docs/contract.md", "# The contract\n\n## Exit codes\n\n### timeline import\n\n## Exit codes\n");

    private static IReadOnlyList<string> ProblemsWith(params RepositoryFile[] files) => new Citations([Contract, .. files]).Problems();

    [Fact]
    public void A_code_comment_citing_a_document_that_is_not_here_is_reported_with_its_file_and_line()
    {
        var problems = ProblemsWith(new RepositoryFile("src/Timeline.Cli/ExitCodes.cs", $"namespace X;\n\n/// <summary>The exit codes of {Spec}.</summary>\n"));

        var problem = Assert.Single(problems);
        Assert.Equal($"src/Timeline.Cli/ExitCodes.cs:3: cites {Spec}, which the repository does not hold", problem);
    }

    [Fact]
    public void A_path_that_leaves_the_repository_is_reported_even_when_the_file_exists_out_there()
    {
        var outside = Up + "shared/TOOLCHAIN" + ".md";

        var problem = Assert.Single(ProblemsWith(new RepositoryFile("tests/Web/Chromium.cs", $"// The system Chromium ({outside}).\n")));

        Assert.Contains($"cites {outside}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_markdown_link_resolves_from_its_own_folder_and_a_comment_path_from_the_root()
    {
        Assert.Empty(ProblemsWith(
            new RepositoryFile("README.md", "See [the contract](docs/contract.md#exit-codes) and [a section](#install).\n\n## Install\n"),
            new RepositoryFile("seeds/README.md", "The [shape](" + Up + "docs/contract.md#timeline-import).\n"),
            new RepositoryFile("src/Core/GetAudit.cs", "/// <summary>The audit output (docs/contract.md#exit-codes" + "-1).</summary>\n")));

        var problem = Assert.Single(ProblemsWith(new RepositoryFile("seeds/README.md", "The [shape](docs/contract.md).\n")));
        Assert.Equal("seeds/README.md:1: cites docs/contract.md, which the repository does not hold", problem);
    }

    [Fact]
    public void An_anchor_must_name_a_heading_of_the_file_it_points_at()
    {
        var problem = Assert.Single(ProblemsWith(new RepositoryFile("src/Cli/Console.cs", "// json: docs/contract.md#json-outputs\n")));

        Assert.Equal("src/Cli/Console.cs:1: cites docs/contract.md#json-outputs, but docs/contract.md has no heading with that anchor", problem);
    }

    [Fact]
    public void Urls_and_code_blocks_are_not_links_but_paths_named_in_code_blocks_are_still_citations()
    {
        var markdown = string.Join('\n',
            "Read <https://example.org/guide/NOTES.md> and [the guide](https://example.org/README.md).",
            "```sh",
            "echo '[not a link](missing-folder/)'",
            $"cat {Spec}",
            "```");

        var problem = Assert.Single(ProblemsWith(new RepositoryFile("docs/development.md", markdown)));

        Assert.Equal($"docs/development.md:4: cites {Spec}, which the repository does not hold", problem);
    }

    [Theory]
    [InlineData("Exit codes", "exit-codes")]
    [InlineData("`timeline keys`", "timeline-keys")]
    [InlineData("As of and recorded as of", "as-of-and-recorded-as-of")]
    [InlineData("The web page, the HTTP API and the calendar feed", "the-web-page-the-http-api-and-the-calendar-feed")]
    [InlineData("Install as a [dotnet tool](https://learn.example/tools)", "install-as-a-dotnet-tool")]
    [InlineData("import --dry-run (later)", "import---dry-run-later")]
    public void Headings_become_the_anchors_GitHub_gives_them(string heading, string anchor) =>
        Assert.Equal(anchor, Citations.Slug(heading));

    [Fact]
    public void A_repeated_heading_gets_a_numbered_anchor_and_headings_in_code_blocks_get_none()
    {
        var anchors = Citations.AnchorsOf("# Title\n## Notes\n```sh\n# a shell comment\n```\n## Notes\n<a id=\"kept\"></a>\n");

        Assert.Equal(["kept", "notes", "notes-1", "title"], anchors.Order(StringComparer.Ordinal));
    }
}
