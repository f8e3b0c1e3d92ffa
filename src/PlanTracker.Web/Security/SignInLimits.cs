namespace PlanTracker.Web.Security;

/// <summary>How sign-in attempts are limited (section "SignIn"; decision 0012 says why these numbers).</summary>
public sealed class SignInLimits
{
    /// <summary>Sign-in, reset and password-change requests one client address may send per minute (ASP.NET Core's rate limiter).</summary>
    public int PerAddressPerMinute { get; set; } = 60;

    /// <summary>Failed attempts on one account from one address before each further attempt must wait.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>The first wait; it doubles with every further failure, up to <see cref="MaxDelaySeconds"/>.</summary>
    public int BaseDelaySeconds { get; set; } = 2;

    public int MaxDelaySeconds { get; set; } = 900;

    /// <summary>
    /// Failed attempts on one account from all addresses within <see cref="AccountWindowMinutes"/> after which
    /// addresses that have never signed in to it wait too, and the administrators are told.
    /// </summary>
    public int AccountFailures { get; set; } = 20;

    public int AccountWindowMinutes { get; set; } = 60;

    /// <summary>How long an address that signed in to an account successfully stays exempt from the account-wide wait.</summary>
    public int KnownAddressDays { get; set; } = 30;

    /// <summary>How long a mailed password reset link works (it also stops working once used).</summary>
    public int ResetLinkMinutes { get; set; } = 120;
}
