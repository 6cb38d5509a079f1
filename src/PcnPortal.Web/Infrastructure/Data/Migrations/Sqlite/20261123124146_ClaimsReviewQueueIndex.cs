using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimsReviewQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArrsClaimLines_Status_DueOn",
                table: "ArrsClaimLines");

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_Status_DueOn_PcnId_Month",
                table: "ArrsClaimLines",
                columns: new[] { "Status", "DueOn", "PcnId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArrsClaimLines_Status_DueOn_PcnId_Month",
                table: "ArrsClaimLines");

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_Status_DueOn",
                table: "ArrsClaimLines",
                columns: new[] { "Status", "DueOn" });
        }
    }
}
