using CallCenter.Server.Hosting;

return await CallCenterServer.RunAsync(args);
