using Harvester.Cli;

return await HarvesterCli.InvokeAsync(args);
