using PlanTracker.Core.Infrastructure;

namespace PlanTracker.Web.Hosting;

/// <summary>
/// Decides which PostgreSQL the app uses: ConnectionStrings:PlanTracker when set, otherwise a
/// private cluster from the machine's binaries (the embedded default), stopped at shutdown.
/// </summary>
public static class DatabaseSetup
{
    public static bool UseEmbeddedDatabase(this WebApplicationBuilder builder, out EmbeddedPostgres? embedded)
    {
        embedded = null;
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("PlanTracker"))) return false;

        var dataDirectory = builder.Configuration["Embedded:DataDirectory"] ?? ".data";
        embedded = EmbeddedPostgres.Start(new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(dataDirectory, "postgres"),
            BinDirectory = builder.Configuration["Embedded:PostgresBin"],
        });
        builder.Configuration["ConnectionStrings:PlanTracker"] = embedded.ConnectionString;
        return true;
    }
}
