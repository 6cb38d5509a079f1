using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.Sqlite;

/// <inheritdoc />
public partial class Papers : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CommitteeMeetings",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                CommitteeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                Time = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommitteeMeetings", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "DesFundingRates",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                YearStart = table.Column<int>(type: "INTEGER", nullable: false),
                Component = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Basis = table.Column<int>(type: "INTEGER", nullable: false),
                RatePerPatient = table.Column<long>(type: "INTEGER", nullable: false),
                YearFraction = table.Column<long>(type: "INTEGER", nullable: false),
                SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DesFundingRates", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "GlossaryTerms",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Term = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                Meaning = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GlossaryTerms", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "CommitteePapers",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                AgendaNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                KeyPoints = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                Recommendations = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                PreviouslyConsideredBy = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                DeclaredInterest = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                RiskAndAssurance = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                FinancialImplications = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                LegalImplications = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                HealthInequalities = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                EqualityAndDiversity = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                PatientAndPublicInvolvement = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                CommunicationsAndEngagement = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                Authors = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                SponsoringDirector = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                IsPartTwo = table.Column<bool>(type: "INTEGER", nullable: false),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                PaperVersion = table.Column<int>(type: "INTEGER", nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommitteePapers", x => x.Id);
                table.ForeignKey(
                    name: "FK_CommitteePapers_CommitteeMeetings_MeetingId",
                    column: x => x.MeetingId,
                    principalTable: "CommitteeMeetings",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "FinalisedPaperVersions",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                FinalisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                FinalisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                SnapshotJson = table.Column<string>(type: "TEXT", nullable: false),
                Pdf = table.Column<byte[]>(type: "BLOB", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FinalisedPaperVersions", x => x.Id);
                table.ForeignKey(
                    name: "FK_FinalisedPaperVersions_CommitteePapers_PaperId",
                    column: x => x.PaperId,
                    principalTable: "CommitteePapers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PaperRisks",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                Position = table.Column<int>(type: "INTEGER", nullable: false),
                Risk = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                Mitigations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                CurrentLikelihood = table.Column<int>(type: "INTEGER", nullable: false),
                CurrentImpact = table.Column<int>(type: "INTEGER", nullable: false),
                TargetLikelihood = table.Column<int>(type: "INTEGER", nullable: false),
                TargetImpact = table.Column<int>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaperRisks", x => x.Id);
                table.ForeignKey(
                    name: "FK_PaperRisks_CommitteePapers_PaperId",
                    column: x => x.PaperId,
                    principalTable: "CommitteePapers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PaperSections",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                Position = table.Column<int>(type: "INTEGER", nullable: false),
                Kind = table.Column<int>(type: "INTEGER", nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                DataKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                AsAt = table.Column<DateOnly>(type: "TEXT", nullable: true),
                ShowDetail = table.Column<bool>(type: "INTEGER", nullable: false),
                IsAppendix = table.Column<bool>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaperSections", x => x.Id);
                table.ForeignKey(
                    name: "FK_PaperSections_CommitteePapers_PaperId",
                    column: x => x.PaperId,
                    principalTable: "CommitteePapers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_CommitteeMeetings_Date",
            table: "CommitteeMeetings",
            column: "Date");

        migrationBuilder.CreateIndex(
            name: "IX_CommitteePapers_MeetingId_AgendaNumber",
            table: "CommitteePapers",
            columns: new[] { "MeetingId", "AgendaNumber" });

        migrationBuilder.CreateIndex(
            name: "IX_DesFundingRates_YearStart_Component",
            table: "DesFundingRates",
            columns: new[] { "YearStart", "Component" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_FinalisedPaperVersions_PaperId_VersionNumber",
            table: "FinalisedPaperVersions",
            columns: new[] { "PaperId", "VersionNumber" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_GlossaryTerms_Term",
            table: "GlossaryTerms",
            column: "Term",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_PaperRisks_PaperId",
            table: "PaperRisks",
            column: "PaperId");

        migrationBuilder.CreateIndex(
            name: "IX_PaperSections_PaperId_Position",
            table: "PaperSections",
            columns: new[] { "PaperId", "Position" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "DesFundingRates");

        migrationBuilder.DropTable(
            name: "FinalisedPaperVersions");

        migrationBuilder.DropTable(
            name: "GlossaryTerms");

        migrationBuilder.DropTable(
            name: "PaperRisks");

        migrationBuilder.DropTable(
            name: "PaperSections");

        migrationBuilder.DropTable(
            name: "CommitteePapers");

        migrationBuilder.DropTable(
            name: "CommitteeMeetings");
    }
}
