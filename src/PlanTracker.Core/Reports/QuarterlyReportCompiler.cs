using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Reports;

/// <summary>Compiles and stores a province's quarterly report: both files, one new version, with their metadata.</summary>
public sealed class QuarterlyReportCompiler(PlanTrackerDbContext db, QuarterlyReportStore store, ProvinceClock clock, TimeProvider time,
    DirectDatabase direct, LaggingReads reads, Reporting.ReportingOptions? options = null)
{
    /// <summary>
    /// Runs <paramref name="work"/> in one repeatable-read transaction, so that the counts and the
    /// tables of a report read the same snapshot, after taking a lock on the province's quarter so
    /// that two compiles of it (the job on one node, a person on another) take turns. The lock is
    /// taken before the transaction begins: a snapshot taken while waiting would miss the version
    /// the other compile just stored.
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(long provinceId, ReportingPeriod period, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        var key = $"quarterly-report:{provinceId}:{period.Year}-Q{period.Number}";
        // A session lock held across the transaction, on a connection of its own straight to PostgreSQL
        // (a transaction-pooling pgbouncer would take it on one server connection and release it on another).
        await using var guard = await direct.DataSource.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext($1))", guard))
        {
            take.Parameters.AddWithValue(key);
            await take.ExecuteNonQueryAsync(ct);
        }
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var result = await work();
            await tx.CommitAsync(ct);
            return result;
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext($1))", guard);
            release.Parameters.AddWithValue(key);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Writes the .docx and the .xlsx as the next version of the quarter and adds their rows (saved).
    /// Files are written before the rows; if the transaction then fails, the next attempt reuses the
    /// same version number and replaces them.
    /// </summary>
    public async Task<IReadOnlyList<QuarterlyReport>> CompileAsync(long provinceId, ReportingPeriod period, DateOnly asOf,
        long? userId, string? job, CancellationToken ct)
    {
        if (period.Id == 0) await db.SaveChangesAsync(ct);
        var scope = await QuarterlyReportScope.ForAsync(db, provinceId, period, asOf, clock.Today, ct) with { Signer = options?.Signer ?? new() };
        var provinceKey = await db.Provinces.Where(p => p.Id == provinceId).Select(p => p.Key).SingleAsync(ct);
        var version = (await db.QuarterlyReports.Where(r => r.ProvinceId == provinceId && r.ReportingPeriodId == period.Id)
            .MaxAsync(r => (int?)r.Version, ct) ?? 0) + 1;
        // The files' contents are a lagging read (the replica when there is one), both from one snapshot;
        // the version and the rows stay on the primary, in the caller's transaction.
        var files = await reads.RunAsync(async source =>
        {
            var written = new List<QuarterlyReport>();
            foreach (var kind in Enum.GetValues<ReportFileKind>())
            {
                var extension = kind.ToString().ToLowerInvariant();
                var key = $"{period.Year}-Q{period.Number}/{provinceKey.Replace('/', '-')}-v{version}.{extension}";
                var (size, sha256) = await store.SaveAsync(key, output => QuarterlyReportWriter.WriteAsync(kind, source, scope, output, ct), ct);
                written.Add(new QuarterlyReport(provinceId, period.Id, version, kind, FileName(scope, version, extension), key, size, sha256,
                    asOf, time.GetUtcNow(), userId, job));
            }
            return written;
        }, ct, snapshot: true);
        db.QuarterlyReports.AddRange(files);
        await db.SaveChangesAsync(ct);
        return files;
    }

    /// <summary>"Báo cáo Quý III-2026 tỉnh Vĩnh Phúc (lần 2).docx": readable, and free of '/'.</summary>
    private static string FileName(QuarterlyReportScope scope, int version, string extension) =>
        $"Báo cáo {scope.Label.Replace('/', '-')} tỉnh {scope.ProvinceName}{(version > 1 ? $" (lần {version})" : "")}.{extension}";
}
