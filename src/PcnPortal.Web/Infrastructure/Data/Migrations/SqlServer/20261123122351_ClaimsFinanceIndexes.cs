using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ClaimsFinanceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArrsClaimLines_StaffMemberId",
                table: "ArrsClaimLines");

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_FinancialYearStart_PcnId_Status_Reimbursable_ApprovedAmount",
                table: "ArrsClaimLines",
                columns: new[] { "FinancialYearStart", "PcnId", "Status", "Reimbursable", "ApprovedAmount" });

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_StaffMemberId_Month",
                table: "ArrsClaimLines",
                columns: new[] { "StaffMemberId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArrsClaimLines_FinancialYearStart_PcnId_Status_Reimbursable_ApprovedAmount",
                table: "ArrsClaimLines");

            migrationBuilder.DropIndex(
                name: "IX_ArrsClaimLines_StaffMemberId_Month",
                table: "ArrsClaimLines");

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_StaffMemberId",
                table: "ArrsClaimLines",
                column: "StaffMemberId");
        }
    }
}
