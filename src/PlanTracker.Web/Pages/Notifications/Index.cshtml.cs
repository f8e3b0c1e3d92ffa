using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Notifications;

namespace PlanTracker.Web.Pages.Notifications;

/// <summary>The bell's list: newest first, read and unread; opening one marks it read.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = Shared.Pager.Parameter)] public int AskedPage { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public bool UnreadOnly { get; set; }
    public ListNotifications.Result Result { get; private set; } = new(new([], 1, 1, 0), 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var items = await Shared.Pager.ReadAsync(AskedPage, async page => (Result = await mediator.Send(new ListNotifications.Query(UnreadOnly, page), ct)).Items);
        Result = Result with { Items = items };
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(long notificationId, long? taskId, CancellationToken ct)
    {
        if (!await MarkAsync(new MarkNotificationsRead.Command([notificationId]), ct)) return BadRequest();
        return Redirect(taskId is { } t ? $"/Tasks/{t}/Work" : "/Notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await mediator.Send(new MarkNotificationsRead.Command(), ct);
        return Redirect("/Notifications");
    }

    public async Task<IActionResult> OnPostUnreadAsync(long notificationId, CancellationToken ct)
    {
        if (!await MarkAsync(new MarkNotificationsRead.Command([notificationId], Unread: true), ct)) return BadRequest();
        return Redirect("/Notifications");
    }

    /// <summary>False for an id that is not one of the user's notifications (a forged or stale form): a 400, nothing marked.</summary>
    private async Task<bool> MarkAsync(MarkNotificationsRead.Command command, CancellationToken ct)
    {
        try
        {
            await mediator.Send(command, ct);
            return true;
        }
        catch (RuleViolationException)
        {
            return false;
        }
    }
}
