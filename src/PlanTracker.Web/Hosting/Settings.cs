namespace PlanTracker.Web.Hosting;

/// <summary>
/// Reads an options class from its configuration section. The configuration binder appends the
/// items of a configured array (Reminders__DaysBefore__0, __1 …) to the array the class starts with
/// instead of replacing it, so "remind 10 and 2 days before" would become "14, 7, 3, 1, 0, 10, 2".
/// Here a configured array replaces the default; one left unconfigured keeps it.
/// </summary>
public static class Settings
{
    public static T Read<T>(IConfiguration configuration, string sectionName) where T : new()
    {
        var section = configuration.GetSection(sectionName);
        var options = new T();
        section.Bind(options);
        foreach (var property in typeof(T).GetProperties().Where(p => p.PropertyType.IsArray && p.CanWrite))
        {
            var configured = section.GetSection(property.Name);
            if (configured.GetChildren().Any()) property.SetValue(options, configured.Get(property.PropertyType));
        }
        return options;
    }
}
