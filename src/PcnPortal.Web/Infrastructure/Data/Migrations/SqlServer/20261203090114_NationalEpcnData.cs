using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NationalEpcnData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PcnMemberships_PracticeId_StartDate",
                table: "PcnMemberships");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EpcnExtractDate",
                table: "Pcns",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PcnMemberships_PracticeId_StartDate_PcnId",
                table: "PcnMemberships",
                columns: new[] { "PracticeId", "StartDate", "PcnId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PcnMemberships_PracticeId_StartDate_PcnId",
                table: "PcnMemberships");

            migrationBuilder.DropColumn(
                name: "EpcnExtractDate",
                table: "Pcns");

            migrationBuilder.CreateIndex(
                name: "IX_PcnMemberships_PracticeId_StartDate",
                table: "PcnMemberships",
                columns: new[] { "PracticeId", "StartDate" },
                unique: true);
        }
    }
}
