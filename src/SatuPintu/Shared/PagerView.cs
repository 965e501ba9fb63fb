using Microsoft.AspNetCore.Http.Extensions;

namespace SatuPintu.Shared;

/// <summary>Links for the pager partial; keeps every other query parameter (q, tag, per) as it was.</summary>
public sealed record PagerView(int Number, int TotalPages, PathString Path, IQueryCollection Query)
{
    public static PagerView For<T>(PagedList<T> list, HttpRequest request) =>
        new(list.Page.Number, list.TotalPages, request.Path, request.Query);

    public string Url(int page)
    {
        var qb = new QueryBuilder();
        foreach (var (key, values) in Query)
        {
            if (key != PageRequest.NumberKey)
            {
                foreach (var v in values)
                {
                    qb.Add(key, v ?? "");
                }
            }
        }
        if (page > 1)
        {
            qb.Add(PageRequest.NumberKey, page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return Path + qb.ToQueryString().ToString();
    }
}
