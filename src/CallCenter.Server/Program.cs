using CallCenter.Server.Flows;
using CallCenter.Server.Hosting;

// "flows check" and "flows graph" work on the flow files without starting the server.
if (FlowCommands.Handles(args))
{
    return FlowCommands.Run(args, Console.Out, Console.Error);
}

return await CallCenterServer.RunAsync(args);
