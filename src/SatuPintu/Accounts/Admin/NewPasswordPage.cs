using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SatuPintu.Accounts.Admin;

/// <summary>The pages where a person chooses a password (change, invitation, reset): the same two fields and the same checks.</summary>
public abstract class NewPasswordPage : PageModel
{
    [BindProperty, Required(ErrorMessage = "Kata sandi baru wajib diisi."), StringLength(256, ErrorMessage = "Kata sandi paling banyak 256 karakter."), DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Ulangi kata sandi baru."), StringLength(256), DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>True when the form may go on: both fields filled and equal (the password rules are Identity's, checked after).</summary>
    protected bool NewPasswordOk()
    {
        if (ModelState.IsValid && NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "Kedua kata sandi tidak sama.");
        }
        return ModelState.IsValid;
    }

    protected PageResult Refused(IEnumerable<string> errors)
    {
        foreach (var e in errors)
        {
            ModelState.AddModelError(nameof(NewPassword), e);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
