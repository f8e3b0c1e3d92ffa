using System.Text.Json;

namespace PlanTracker.Core.Email;

/// <summary>
/// Renders the bodies of a mail queued as a template and its model (see migration 0016). Rendering
/// must depend on the model alone — never on the clock or on data read at send time — so that a
/// retried or previewed message is the mail that was queued.
/// </summary>
public interface IMailTemplate
{
    string Name { get; }

    (string Text, string Html) Render(JsonElement model);
}

/// <summary>The registered templates, by name; the dispatcher and the outbox preview render through it.</summary>
public sealed class MailTemplates(IEnumerable<IMailTemplate> templates)
{
    private readonly Dictionary<string, IMailTemplate> _byName = templates.ToDictionary(t => t.Name);

    /// <summary>The message's stored bodies, or those its template renders from its model.</summary>
    public (string Text, string? Html) Bodies(string? text, string? html, string? template, string? model)
    {
        if (text is not null) return (text, html);
        if (template is null || model is null) throw new InvalidOperationException("An outbox message has neither bodies nor a template and model.");
        if (!_byName.TryGetValue(template, out var renderer)) throw new InvalidOperationException($"No mail template is named '{template}'.");
        // Whatever a template throws is this message's failure, reported as the missing template is: the
        // dispatcher records it on the message and goes on, the preview shows it.
        try
        {
            using var json = JsonDocument.Parse(model);
            return renderer.Render(json.RootElement);
        }
        catch (Exception e) when (e is not InvalidOperationException and not OperationCanceledException)
        {
            throw new InvalidOperationException($"Mail template '{template}' could not render its model: {e.Message}", e);
        }
    }

    public (string Text, string? Html) Bodies(OutboxMessage m) => Bodies(m.TextBody, m.HtmlBody, m.Template, m.Model);
}
