using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ClaimLineOverrideReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "ArrsClaimLines",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_Status_WorstOutcome_DueOn_PcnId_Month",
                table: "ArrsClaimLines",
                columns: new[] { "Status", "WorstOutcome", "DueOn", "PcnId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArrsClaimLines_Status_WorstOutcome_DueOn_PcnId_Month",
                table: "ArrsClaimLines");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "ArrsClaimLines");
        }
    }
}
