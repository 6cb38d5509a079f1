namespace PcnPortal.Web.Infrastructure.Web;

/// <summary>
/// Which page of a longer list is shown: the page asked for, kept within the pages there are (a page beyond the last
/// shows the last), the rows it covers, and the page numbers a pagination bar links to.
/// </summary>
public readonly record struct Paging
{
    private Paging(int total, int pageSize, int pageNumber)
    {
        Total = total;
        PageSize = pageSize;
        PageNumber = pageNumber;
    }

    public int Total { get; }

    public int PageSize { get; }

    public int PageNumber { get; }

    public int PageCount => CountPages(Total, PageSize);

    /// <summary>Rows before this page (for Skip).</summary>
    public int Skip => (PageNumber - 1) * PageSize;

    /// <summary>The first row shown, counting from 1; 0 when the list is empty.</summary>
    public int FirstRow => Total == 0 ? 0 : Skip + 1;

    public int LastRow => Math.Min(PageNumber * PageSize, Total);

    public static Paging For(int total, int pageSize, int requestedPage) =>
        new(total, pageSize, Math.Clamp(requestedPage, 1, CountPages(total, pageSize)));

    /// <summary>
    /// The page numbers to link to: the first, the last, and those either side of the current page; null marks a gap of two
    /// or more pages (a gap of one page shows that page's number: an ellipsis would hide no more than a number does).
    /// </summary>
    public IReadOnlyList<int?> Links()
    {
        var pages = new SortedSet<int> { 1, PageCount };
        for (var n = Math.Max(1, PageNumber - 1); n <= Math.Min(PageCount, PageNumber + 1); n++)
        {
            pages.Add(n);
        }

        var links = new List<int?>();
        var previous = 0;
        foreach (var n in pages)
        {
            if (n == previous + 2)
            {
                links.Add(previous + 1);
            }
            else if (n > previous + 2)
            {
                links.Add(null);
            }

            links.Add(n);
            previous = n;
        }

        return links;
    }

    private static int CountPages(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}

/// <summary>What the shared pagination bar (<c>Pages/Shared/_Pagination.cshtml</c>) needs: the paging, each page's URL and the bar's label.</summary>
public sealed record PaginationBar(Paging Paging, Func<int, string> PageUrl, string Label);
