using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewQueueDefaultOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArrsClaimLines_Status_WorstOutcome_DueOn_PcnId_Month",
                table: "ArrsClaimLines");

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_ReviewQueueDefaultOrder",
                table: "ArrsClaimLines",
                columns: new[] { "Status", "WorstOutcome", "DueOn", "PcnId", "Month" },
                descending: new[] { false, true, false, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArrsClaimLines_ReviewQueueDefaultOrder",
                table: "ArrsClaimLines");

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_Status_WorstOutcome_DueOn_PcnId_Month",
                table: "ArrsClaimLines",
                columns: new[] { "Status", "WorstOutcome", "DueOn", "PcnId", "Month" });
        }
    }
}
