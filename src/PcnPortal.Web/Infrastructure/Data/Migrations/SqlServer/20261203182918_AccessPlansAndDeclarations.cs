using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AccessPlansAndDeclarations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessDeclarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    QuarterStart = table.Column<DateOnly>(type: "date", nullable: false),
                    FirstSubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessDeclarations_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ApprovedPractices = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessPlans_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessRequirementFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Scheme = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    MinutesPerThousand = table.Column<int>(type: "int", nullable: false),
                    Basis = table.Column<int>(type: "int", nullable: false),
                    Rounding = table.Column<int>(type: "int", nullable: false),
                    Hours = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    PopulationStatus = table.Column<int>(type: "int", nullable: false),
                    PopulationSource = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    RoundingStatus = table.Column<int>(type: "int", nullable: false),
                    RoundingSource = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CarriedForwardFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRequirementFigures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PcnAdjustedPopulations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    AsAt = table.Column<DateOnly>(type: "date", nullable: false),
                    Population = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PcnAdjustedPopulations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PcnAdjustedPopulations_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessDeclarationMonths",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DeclarationId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Offered = table.Column<int>(type: "int", nullable: false),
                    Booked = table.Column<int>(type: "int", nullable: false),
                    Attended = table.Column<int>(type: "int", nullable: false),
                    DidNotAttend = table.Column<int>(type: "int", nullable: false),
                    MinutesDelivered = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessDeclarationMonths", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessDeclarationMonths_AccessDeclarations_DeclarationId",
                        column: x => x.DeclarationId,
                        principalTable: "AccessDeclarations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccessPlanSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanId = table.Column<int>(type: "int", nullable: false),
                    Day = table.Column<int>(type: "int", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time", nullable: false),
                    End = table.Column<TimeOnly>(type: "time", nullable: false),
                    PracticeCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    ClinicianType = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessPlanSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessPlanSessions_AccessPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "AccessPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessDeclarationMonths_DeclarationId_Month",
                table: "AccessDeclarationMonths",
                columns: new[] { "DeclarationId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessDeclarations_PcnId_QuarterStart",
                table: "AccessDeclarations",
                columns: new[] { "PcnId", "QuarterStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessPlans_PcnId_Status",
                table: "AccessPlans",
                columns: new[] { "PcnId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessPlanSessions_PlanId",
                table: "AccessPlanSessions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequirementFigures_From",
                table: "AccessRequirementFigures",
                column: "From",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PcnAdjustedPopulations_PcnId_AsAt",
                table: "PcnAdjustedPopulations",
                columns: new[] { "PcnId", "AsAt" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessDeclarationMonths");

            migrationBuilder.DropTable(
                name: "AccessPlanSessions");

            migrationBuilder.DropTable(
                name: "AccessRequirementFigures");

            migrationBuilder.DropTable(
                name: "PcnAdjustedPopulations");

            migrationBuilder.DropTable(
                name: "AccessDeclarations");

            migrationBuilder.DropTable(
                name: "AccessPlans");
        }
    }
}
