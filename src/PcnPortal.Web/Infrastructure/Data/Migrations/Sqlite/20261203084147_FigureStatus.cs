using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FigureStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<DateOnly>(
                name: "CarriedForwardFrom",
                table: "DesFundingRates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "DesFundingRates",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "DesFundingRates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CarriedForwardFrom",
                table: "ArrSumMethods",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Rounded",
                table: "ArrSumMethods",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CarriedForwardFrom",
                table: "ArrsRoleLimits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "ArrsRoleLimits",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CarriedForwardFrom",
                table: "ArrsRateEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "ArrsRateEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "ArrSumMethods",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Carried-forward figures keep that status (3); the others were seeded or entered before statuses existed: unverified (0).
            migrationBuilder.Sql("UPDATE ArrsRateEntries SET Status = 3 WHERE CarriedForward = 1");
            migrationBuilder.Sql("UPDATE ArrSumMethods SET Status = 3 WHERE CarriedForward = 1");

            migrationBuilder.DropColumn(
                name: "CarriedForward",
                table: "ArrsRateEntries");

            migrationBuilder.DropColumn(
                name: "CarriedForward",
                table: "ArrSumMethods");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CarriedForwardFrom",
                table: "DesFundingRates");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "DesFundingRates");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "DesFundingRates");

            migrationBuilder.DropColumn(
                name: "CarriedForwardFrom",
                table: "ArrSumMethods");

            migrationBuilder.DropColumn(
                name: "Rounded",
                table: "ArrSumMethods");

            migrationBuilder.DropColumn(
                name: "CarriedForwardFrom",
                table: "ArrsRoleLimits");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "ArrsRoleLimits");

            migrationBuilder.DropColumn(
                name: "CarriedForwardFrom",
                table: "ArrsRateEntries");
            migrationBuilder.DropColumn(
                name: "Status",
                table: "ArrSumMethods");

            migrationBuilder.AddColumn<bool>(
                name: "CarriedForward",
                table: "ArrSumMethods",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
            migrationBuilder.DropColumn(
                name: "Status",
                table: "ArrsRateEntries");

            migrationBuilder.AddColumn<bool>(
                name: "CarriedForward",
                table: "ArrsRateEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }
    }
}
