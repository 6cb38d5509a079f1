using PcnPortal.Web.Infrastructure.Web;

namespace PcnPortal.Web.Tests.Infrastructure.Web;

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 1, 1, 1, 0, 0)] // empty list: one (empty) page
    [InlineData(120, 1, 1, 3, 1, 50)]
    [InlineData(120, 3, 3, 3, 101, 120)] // last page is short
    [InlineData(120, 9, 3, 3, 101, 120)] // beyond the last page: the last page
    [InlineData(120, 0, 1, 3, 1, 50)] // below the first page: the first page
    [InlineData(50, 2, 1, 1, 1, 50)]
    public void For_KeepsThePageWithinThePagesThereAre(int total, int requested, int page, int pages, int firstRow, int lastRow)
    {
        var paging = Paging.For(total, 50, requested);

        Assert.Equal((page, pages, firstRow, lastRow, (page - 1) * 50), (paging.PageNumber, paging.PageCount, paging.FirstRow, paging.LastRow, paging.Skip));
    }

    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(3, 1, "1 2 3")]
    [InlineData(27, 1, "1 2 … 27")]
    [InlineData(27, 2, "1 2 3 … 27")]
    [InlineData(27, 5, "1 … 4 5 6 … 27")]
    [InlineData(27, 26, "1 … 25 26 27")]
    [InlineData(4, 3, "1 2 3 4")]
    [InlineData(4, 1, "1 2 3 4")] // a one-page gap shows the number, not an ellipsis (issue #17)
    [InlineData(4, 4, "1 2 3 4")]
    [InlineData(27, 4, "1 2 3 4 5 … 27")]
    public void Links_FirstLastAndNeighbours_WithGapsMarked(int pages, int current, string expected)
    {
        var paging = Paging.For(pages * 50, 50, current);

        Assert.Equal(expected, string.Join(' ', paging.Links().Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")));
    }
}
