using PolicyAudit.Cli;

return await PolicyAuditCli.RunAsync(args, Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected);
