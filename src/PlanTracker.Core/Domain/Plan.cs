namespace PlanTracker.Core.Domain;

public enum PlanStatus { Draft, Published }

/// <summary>The root that a document is decomposed into (kế hoạch).</summary>
public sealed class Plan : Common.IVersioned
{
    private readonly List<PlanTask> _tasks = [];

    private Plan() { }

    public Plan(string key, string title, Document document, long? provinceId)
    {
        Key = key;
        Title = title;
        Document = document;
        ProvinceId = provinceId;
    }

    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Title { get; private set; } = "";
    public long DocumentId { get; private set; }
    public Document Document { get; private set; } = null!;
    public long? ProvinceId { get; private set; }
    public PlanStatus Status { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    /// <summary>Raised by every save that changes the plan itself (decision 0014): two publications cannot both pass.</summary>
    public int Version { get; private set; }
    /// <summary>Days before a due date on which reminders go out; null: the configured default.</summary>
    public int[]? ReminderDays { get; private set; }
    public IReadOnlyList<PlanTask> Tasks => _tasks;
    /// <summary>The document's full text is not at hand: the plan holds only what other documents state of it (decision 0027).</summary>
    public bool IsPartial { get; private set; }
    public string? PartialNote { get; private set; }
    /// <summary>Demonstration data: shown as such, never as a real document (decision 0027).</summary>
    public bool IsDemonstration { get; private set; }

    public void MarkPartial(string note)
    {
        IsPartial = true;
        PartialNote = note;
    }

    public void MarkDemonstration() => IsDemonstration = true;

    public PlanTask AddTask(PlanTask? parent, string code, string title, bool isGroup)
    {
        if (_tasks.Any(t => t.Code == code))
            throw new InvalidOperationException($"Plan '{Key}' already has a task numbered '{code}'.");
        return AddTask(parent, code, title, isGroup, NextSortOrder);
    }

    /// <summary>
    /// Adds a task to a plan whose tree is not loaded: the caller has checked that the code is free
    /// and read the next sort order from the database. Loading a plan of hundreds of tasks to add one
    /// made entering a plan quadratic (issue 6: 20,000 tasks through the API).
    /// </summary>
    public PlanTask AddTask(PlanTask? parent, string code, string title, bool isGroup, int sortOrder)
    {
        var task = new PlanTask(this, parent, code, title, isGroup, sortOrder);
        _tasks.Add(task);
        return task;
    }

    public int NextSortOrder => _tasks.Count == 0 ? 0 : _tasks.Max(t => t.SortOrder) + 1;

    public void RemoveTask(PlanTask task) => _tasks.Remove(task);

    public void Publish(DateTimeOffset at)
    {
        if (Status == PlanStatus.Published)
            throw new Common.RuleViolationException("planId", Common.Wording.Pick($"Kế hoạch '{Title}' đã được ban hành.", $"Plan '{Title}' is already published."));
        Status = PlanStatus.Published;
        PublishedAt = at;
    }
}
