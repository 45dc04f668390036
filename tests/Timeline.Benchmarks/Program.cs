using Timeline.Benchmarks;

return await BenchmarkCli.RunAsync(args);
