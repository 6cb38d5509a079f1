using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecurityControls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConfirmedVoterIds",
                table: "OdPanelDecisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsPending",
                table: "OdPanelDecisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConfirmedVoterIds",
                table: "OdPanelDecisions");

            migrationBuilder.DropColumn(
                name: "IsPending",
                table: "OdPanelDecisions");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "AspNetUsers");
        }
    }
}
