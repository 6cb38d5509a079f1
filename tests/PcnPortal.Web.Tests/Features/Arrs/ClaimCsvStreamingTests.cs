using System.Text;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Tests.Robustness;

namespace PcnPortal.Web.Tests.Features.Arrs;

/// <summary>
/// import-claims checks and reads a file a buffer at a time (never holding its bytes or text whole): what it refuses,
/// with which message and byte position, and the rows and problems it reads, are the same as the upload's reading of
/// the whole file, whatever the buffer size; and a staff reference or name repeated on many rows is held once.
/// </summary>
public sealed class ClaimCsvStreamingTests
{
    public static TheoryData<int> BufferSizes() => new() { 1, 2, 3, 5, 8, 64 * 1024 };

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public void FuzzedFiles_StreamedCheckAndParse_AreTheWholeFiles(int bufferSize)
    {
        var random = new Random(20261203);
        for (var i = 0; i < 300; i++)
        {
            var (bytes, description) = ClaimCsvFuzzTests.Mutate("U12345", random);

            var whole = ArrsClaimCsv.TryDecode(bytes, out var text, out var problem);
            var streamed = ArrsClaimCsv.TryCheckEncoding(new MemoryStream(bytes), bufferSize, out var streamedProblem);

            Assert.True(whole == streamed, description);
            Assert.Equal(problem, streamedProblem);
            if (whole)
            {
                var (rows, problems, keys) = ArrsClaimCsv.ParseWithKeys(text);
                using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, true), false, bufferSize);
                var (streamedRows, streamedProblems, streamedKeys) = ArrsClaimCsv.ParseWithKeys(reader);
                Assert.Equal(rows, streamedRows);
                Assert.Equal(problems, streamedProblems);
                Assert.Equal(keys, streamedKeys);
            }
        }
    }

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public void AnInvalidByteAnywhere_IsNamedAtTheSamePosition(int bufferSize)
    {
        var valid = Encoding.UTF8.GetBytes("pcn_code,staff_ref\nU12345,é日😀,x\n");
        for (var at = 0; at <= valid.Length; at++)
        {
            foreach (byte bad in new byte[] { 0xFF, 0xC3, 0xF0, 0x80 })
            {
                var bytes = valid[..at].Append(bad).Concat(valid[at..]).ToArray();

                var whole = ArrsClaimCsv.TryDecode(bytes, out _, out var problem);
                var streamed = ArrsClaimCsv.TryCheckEncoding(new MemoryStream(bytes), bufferSize, out var streamedProblem);

                Assert.Equal(whole, streamed);
                Assert.Equal(problem, streamedProblem);
            }
        }
    }

    [Fact]
    public void ARepeatedPersonAcrossRows_IsHeldOnce()
    {
        var csv = TestData.ClaimCsv(
            TestData.ClaimRow("U12345", "ESR-1", month: "2020-05", name: "Sam Shared"),
            TestData.ClaimRow("U12345", "ESR-1", month: "2020-06", name: "Sam Shared"));

        var (rows, problems) = ArrsClaimCsv.Parse(new StringReader(csv));

        Assert.Empty(problems);
        Assert.Same(rows[0].StaffRef, rows[1].StaffRef);
        Assert.Same(rows[0].StaffName, rows[1].StaffName);
        Assert.Same(rows[0].PcnCode, rows[1].PcnCode);
        Assert.Same(rows[0].RoleCode, rows[1].RoleCode);
    }
}
