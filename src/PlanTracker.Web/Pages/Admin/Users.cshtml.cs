using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Agencies;
using PlanTracker.Core.Features.Users;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Admin;

/// <summary>Accounts: create, deactivate, reset a password. The commands refuse anyone but an admin.</summary>
public sealed class UsersModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;
    /// <summary>"trang", not "page": see <see cref="Pager"/>.</summary>
    [BindProperty(SupportsGet = true, Name = Pager.Parameter)] public int PageNumber { get; set; } = 1;
    public Paged<ListUsers.Item> Users { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<ListAgencies.AgencyItem> Agencies { get; private set; } = [];
    [BindProperty] public NewUser Create { get; set; } = new();

    public sealed class NewUser
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string Role { get; set; } = Core.Domain.Roles.AgencyOfficer;
        public long? AgencyId { get; set; }
        public string? Password { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) =>
        Act(() => mediator.Send(new CreateUser.Command(Create.Email ?? "", Create.DisplayName ?? "", Create.Role, Create.AgencyId, Create.Password ?? ""), ct), ct);

    public Task<IActionResult> OnPostActiveAsync(long userId, bool active, CancellationToken ct) =>
        Act(() => mediator.Send(new ChangeUser.Command(userId, Active: active), ct), ct);

    public Task<IActionResult> OnPostPasswordAsync(long userId, string? newPassword, CancellationToken ct) =>
        Act(() => mediator.Send(new ChangeUser.Command(userId, NewPassword: newPassword ?? ""), ct), ct);

    private Task<IActionResult> Act<T>(Func<Task<T>> send, CancellationToken ct) =>
        this.Attempt(nameof(Create), async () => { await send(); return RedirectToPage(); }, async () => await Load(ct) ?? Page());

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        try
        {
            Users = await Pager.ReadAsync(PageNumber, page => mediator.Send(new ListUsers.PageQuery(page, PageSize), ct));
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (Exception e) when (ErrorSummary.AddTo(ModelState, e, "Filter"))
        {
            // A hand-edited page number beyond any list (over 100 000): the reason is shown, no list.
        }
        Agencies = (await mediator.Send(new ListAgencies.Query(), ct)).Where(a => a.Kind != Core.Domain.AgencyKind.Group).ToList();
        return null;
    }
}
