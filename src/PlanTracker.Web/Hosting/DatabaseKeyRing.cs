using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace PlanTracker.Web.Hosting;

/// <summary>
/// Keeps the data-protection keys in PostgreSQL instead of the node's home folder, so that
/// several nodes behind a load balancer read one key ring: a bearer token or cookie issued by one
/// node is accepted by the others (and by a node started later on another machine).
/// </summary>
public static class DatabaseKeyRing
{
    public static void AddDatabaseKeyRing(this IServiceCollection services)
    {
        // The same name on every node: the default is the content root path, which may differ per machine.
        services.AddDataProtection().SetApplicationName("PlanTracker");
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((o, dataSource) => o.XmlRepository = new Repository(dataSource));
    }

    /// <summary>IXmlRepository is synchronous; it is read once at start and when a key is added or expires.</summary>
    private sealed class Repository(NpgsqlDataSource dataSource) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var cmd = dataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY id");
            using var reader = cmd.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
            return elements;
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var cmd = dataSource.CreateCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2)");
            cmd.Parameters.AddWithValue(friendlyName);
            cmd.Parameters.AddWithValue(element.ToString(SaveOptions.DisableFormatting));
            cmd.ExecuteNonQuery();
        }
    }
}
