using Microsoft.AspNetCore.Identity;

namespace SatuPintu.Accounts;

/// <summary>Identity's messages in Bahasa Indonesia: they reach people through the forms and the CLI alike.</summary>
internal sealed class IndonesianIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "Terjadi kesalahan; coba lagi.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Akun ini baru saja diubah orang lain; muat ulang lalu coba lagi.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Kata sandi salah.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Tautan tidak berlaku lagi.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Akun luar ini sudah terhubung ke akun lain.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"Nama pengguna \"{userName}\" tidak valid.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"Surel \"{email}\" tidak valid.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Akun \"{userName}\" sudah ada.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Surel \"{email}\" sudah dipakai akun lain.");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"Nama peran \"{role}\" tidak valid.");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"Peran \"{role}\" sudah ada.");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "Akun ini sudah punya kata sandi.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Penguncian tidak aktif untuk akun ini.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"Akun sudah memegang peran {role}.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"Akun tidak memegang peran {role}.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Kata sandi minimal {length} karakter.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Kata sandi harus memuat paling sedikit {uniqueChars} karakter yang berbeda.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Kata sandi harus memuat tanda baca atau simbol.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Kata sandi harus memuat angka.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Kata sandi harus memuat huruf kecil.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Kata sandi harus memuat huruf besar.");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "Kode pemulihan salah.");
}
