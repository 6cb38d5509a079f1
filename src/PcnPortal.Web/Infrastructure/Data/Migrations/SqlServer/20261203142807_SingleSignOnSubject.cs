using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SingleSignOnSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalSubject",
                table: "AspNetUsers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalTenant",
                table: "AspNetUsers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ExternalTenant_ExternalSubject",
                table: "AspNetUsers",
                columns: new[] { "ExternalTenant", "ExternalSubject" },
                unique: true,
                filter: "[ExternalTenant] IS NOT NULL AND [ExternalSubject] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_ExternalTenant_ExternalSubject",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ExternalSubject",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ExternalTenant",
                table: "AspNetUsers");
        }
    }
}
