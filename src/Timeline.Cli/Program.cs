using Timeline.Cli;

return await TimelineCli.RunAsync(args, CliEnvironment.FromProcess());
