using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CompactClaimOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AssessedContextId",
                table: "ArrsClaimLines",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RuleChecks",
                table: "ArrsClaimLines",
                type: "varchar(20)",
                unicode: false,
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RuleTotals",
                table: "ArrsClaimLines",
                type: "varchar(200)",
                unicode: false,
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArrsAssessedContexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "int", nullable: false),
                    ContextJson = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrsAssessedContexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrsAssessedContexts_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArrsAssessedContexts_PcnId_FinancialYearStart",
                table: "ArrsAssessedContexts",
                columns: new[] { "PcnId", "FinancialYearStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArrsAssessedContexts");

            migrationBuilder.DropColumn(
                name: "AssessedContextId",
                table: "ArrsClaimLines");

            migrationBuilder.DropColumn(
                name: "RuleChecks",
                table: "ArrsClaimLines");

            migrationBuilder.DropColumn(
                name: "RuleTotals",
                table: "ArrsClaimLines");
        }
    }
}
