using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuarterStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FirstSubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ApprovedPractices = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Scheme = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MinutesPerThousand = table.Column<int>(type: "INTEGER", nullable: false),
                    Basis = table.Column<int>(type: "INTEGER", nullable: false),
                    Rounding = table.Column<int>(type: "INTEGER", nullable: false),
                    Hours = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PopulationStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    PopulationSource = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RoundingStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundingSource = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CarriedForwardFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRequirementFigures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PcnAdjustedPopulations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsAt = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeclarationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Offered = table.Column<int>(type: "INTEGER", nullable: false),
                    Booked = table.Column<int>(type: "INTEGER", nullable: false),
                    Attended = table.Column<int>(type: "INTEGER", nullable: false),
                    DidNotAttend = table.Column<int>(type: "INTEGER", nullable: false),
                    MinutesDelivered = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    PracticeCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ClinicianType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
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
