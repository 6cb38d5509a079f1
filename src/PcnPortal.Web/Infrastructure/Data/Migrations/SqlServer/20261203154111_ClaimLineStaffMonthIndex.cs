using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ClaimLineStaffMonthIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_StaffRef_Month_PcnId_Status",
                table: "ArrsClaimLines",
                columns: new[] { "StaffRef", "Month", "PcnId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArrsClaimLines_StaffRef_Month_PcnId_Status",
                table: "ArrsClaimLines");
        }
    }
}
