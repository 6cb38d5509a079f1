using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Maturity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MatrixVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FromYear = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    YearStart = table.Column<int>(type: "int", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MatrixVersionId = table.Column<int>(type: "int", nullable: false),
                    OpenedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentRounds_MatrixVersions_MatrixVersionId",
                        column: x => x.MatrixVersionId,
                        principalTable: "MatrixVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MatrixDescriptors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MatrixVersionId = table.Column<int>(type: "int", nullable: false),
                    Domain = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Step = table.Column<int>(type: "int", nullable: false),
                    ForPcns = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ForSystems = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixDescriptors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatrixDescriptors_MatrixVersions_MatrixVersionId",
                        column: x => x.MatrixVersionId,
                        principalTable: "MatrixVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaturityReturns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LastEditedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastEditedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewMeetingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewAttendees = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ReviewSummary = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ReviewActions = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityReturns_AssessmentRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AssessmentRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MaturityReturns_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MaturityAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReturnId = table.Column<int>(type: "int", nullable: false),
                    Domain = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Position = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    NotAssessedReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Evidence = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    WhatWorkedWell = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ToContinue = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SupportNeeded = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AgreedPosition = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityAnswers_MaturityReturns_ReturnId",
                        column: x => x.ReturnId,
                        principalTable: "MaturityReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRounds_MatrixVersionId",
                table: "AssessmentRounds",
                column: "MatrixVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRounds_YearStart",
                table: "AssessmentRounds",
                column: "YearStart",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatrixDescriptors_MatrixVersionId_Domain_Step",
                table: "MatrixDescriptors",
                columns: new[] { "MatrixVersionId", "Domain", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatrixVersions_Name",
                table: "MatrixVersions",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAnswers_ReturnId_Domain",
                table: "MaturityAnswers",
                columns: new[] { "ReturnId", "Domain" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaturityReturns_PcnId",
                table: "MaturityReturns",
                column: "PcnId");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityReturns_RoundId_PcnId",
                table: "MaturityReturns",
                columns: new[] { "RoundId", "PcnId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatrixDescriptors");

            migrationBuilder.DropTable(
                name: "MaturityAnswers");

            migrationBuilder.DropTable(
                name: "MaturityReturns");

            migrationBuilder.DropTable(
                name: "AssessmentRounds");

            migrationBuilder.DropTable(
                name: "MatrixVersions");
        }
    }
}
