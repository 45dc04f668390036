using System.Diagnostics.CodeAnalysis;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;

namespace Timeline.Api.Keys;

/// <summary>The roles' names, as users type them and as the store keeps them: <c>reader</c>, <c>editor</c>, <c>admin</c>.</summary>
public static class KeyRoles
{
    public const string Reader = "reader";
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static string Name(KeyRole role) => ApiKey.StoredRole(role);

    public static bool TryParse(string? text, out KeyRole role, [NotNullWhen(false)] out string? error)
    {
        (role, error) = text switch
        {
            Reader => (KeyRole.Reader, null),
            Editor => (KeyRole.Editor, null),
            Admin => (KeyRole.Admin, null),
            null or "" => (default(KeyRole), "is required: reader, editor or admin"),
            _ => (default(KeyRole), $"'{EdtfDate.Quote(text)}' is not a role: use reader, editor or admin"),
        };
        return error is null;
    }
}
