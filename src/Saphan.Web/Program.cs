using Saphan.Web;

var app = SaphanWebApp.Build(args);
await app.RunAsync();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
