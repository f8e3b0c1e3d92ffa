using Microsoft.AspNetCore.Identity;
using PlanTracker.Core.Common;

namespace PlanTracker.Core.Authorization;

/// <summary>
/// The one password policy (docs/decisions/0012): every new password, whoever sets it, is checked by
/// Identity's validator with these options; the pages and README state it in the same words.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;
    public const int MinimumDistinctCharacters = 5;

    public static void Apply(PasswordOptions o)
    {
        o.RequiredLength = MinimumLength;
        o.RequireDigit = true;
        o.RequireLowercase = true;
        o.RequireUppercase = true;
        o.RequireNonAlphanumeric = true;
        o.RequiredUniqueChars = MinimumDistinctCharacters;
    }

    public static string Description => Wording.Pick(
        $"Mật khẩu có ít nhất {MinimumLength} ký tự, gồm chữ hoa, chữ thường, chữ số và ký tự đặc biệt (ví dụ @, #, !), với ít nhất {MinimumDistinctCharacters} ký tự khác nhau.",
        $"A password has at least {MinimumLength} characters, with an upper-case letter, a lower-case letter, a digit and a special character (such as @, #, !), and at least {MinimumDistinctCharacters} different characters.");
}

/// <summary>Identity's errors in the request's language (Vietnamese by default), naming what was wrong.</summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string vi, string en) => new() { Code = code, Description = Wording.Pick(vi, en) };

    public override IdentityError PasswordTooShort(int length) =>
        E(nameof(PasswordTooShort), $"Mật khẩu phải có ít nhất {length} ký tự.", $"The password must have at least {length} characters.");
    public override IdentityError PasswordRequiresDigit() =>
        E(nameof(PasswordRequiresDigit), "Mật khẩu phải có ít nhất một chữ số (0-9).", "The password must contain a digit (0-9).");
    public override IdentityError PasswordRequiresLower() =>
        E(nameof(PasswordRequiresLower), "Mật khẩu phải có ít nhất một chữ thường (a-z).", "The password must contain a lower-case letter (a-z).");
    public override IdentityError PasswordRequiresUpper() =>
        E(nameof(PasswordRequiresUpper), "Mật khẩu phải có ít nhất một chữ hoa (A-Z).", "The password must contain an upper-case letter (A-Z).");
    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        E(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ @, #, !).", "The password must contain a special character (such as @, #, !).");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        E(nameof(PasswordRequiresUniqueChars), $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau.", $"The password must use at least {uniqueChars} different characters.");
    public override IdentityError PasswordMismatch() =>
        E(nameof(PasswordMismatch), "Mật khẩu hiện tại không đúng.", "The current password is wrong.");
    public override IdentityError InvalidToken() =>
        E(nameof(InvalidToken), "Liên kết đặt lại mật khẩu không hợp lệ, đã hết hạn hoặc đã được dùng. Hãy yêu cầu liên kết mới.",
            "The password reset link is not valid, has expired or was used already. Ask for a new one.");
    public override IdentityError DuplicateEmail(string email) =>
        E(nameof(DuplicateEmail), $"Đã có tài khoản với thư điện tử {email}.", $"An account for {email} exists already.");
    public override IdentityError DuplicateUserName(string userName) =>
        E(nameof(DuplicateUserName), $"Đã có tài khoản với thư điện tử {userName}.", $"An account for {userName} exists already.");
}
