using Observatory.Core.Domain;
using Observatory.Core.Languages;
using Observatory.Core.Observations;
using Observatory.Core.Ports;
using Observatory.Core.Reading;
using Observatory.Core.Submissions;

namespace Observatory.Core.Tests.Observations;

/// <summary>
/// Amendments and replacements of one state and year, finishing in every order and racing for the pointer: the current
/// data is always what applying the accepted submissions in received order gives, and each diff says what its
/// submission changed.
/// </summary>
public class VersionPromoterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryObservationStore _store = new();
    private readonly VersionPromoter _promoter;

    public VersionPromoterTests() => _promoter = new VersionPromoter(_store, TimeProvider.System);

    private static Observation Cell(string indicator, long value) =>
        new("MEX", 2025, indicator, [KeyValuePair.Create("SEX", "_T")], ObservationValue.Of(value), null, null);

    private static Submission Submitted(string id, int secondsAfterT0, SubmissionMode mode) => new()
    {
        Id = id, Country = "MEX", Year = 2025, Status = SubmissionStatus.Processing, ReceivedAt = T0.AddSeconds(secondsAfterT0),
        FileName = "r.csv", ContentType = "text/csv", Format = ReturnFormat.Csv, Sha256 = id, Size = 1, Language = Language.Es,
        SubmittedBy = "k", Mode = mode,
    };

    private Task<Promotion> Promote(Submission submission, params Observation[] cells) =>
        _promoter.PromoteAsync(submission, cells, mayHaveWrittenBefore: false, CancellationToken.None);

    private async Task<List<string>> CurrentAsync() =>
        [.. (await _store.ReadCurrentAsync("MEX", 2025, null, CancellationToken.None))!.Observations.Select(o => $"{o.Indicator}={o.Value}")];

    private async Task<List<string>> DiffAsync(string id, Promotion promotion)
    {
        var newer = await _store.ReadVersionAsync("MEX", 2025, id, CancellationToken.None) ?? [];
        var older = promotion.Replaced is null ? [] : await _store.ReadVersionAsync("MEX", 2025, promotion.Replaced, CancellationToken.None) ?? [];
        return [.. ObservationDiff.Compare(older, newer).Select(c => $"{c.Change} {c.Indicator} {c.OldValue}→{c.NewValue}")];
    }

    private async Task SeedAsync() =>
        await Promote(Submitted("MEX-2025-BASE", 0, SubmissionMode.Replace), Cell("CT_PERS_PROS", 1), Cell("CT_PERS_CONV", 1), Cell("CT_VICT_DET", 9));

    [Fact]
    public async Task Two_amendments_racing_for_the_pointer_both_end_up_in_the_current_data()
    {
        await SeedAsync();
        var a = Submitted("MEX-2025-A", 10, SubmissionMode.Amend);
        var b = Submitted("MEX-2025-B", 11, SubmissionMode.Amend);
        Promotion? promotionB = null;
        // A has read the pointer and merged onto BASE; B becomes current before A switches.
        _store.BeforeSwitch[a.Id] = async () => promotionB = await Promote(b, Cell("CT_PERS_CONV", 7));

        var promotionA = await Promote(a, Cell("CT_PERS_PROS", 5));

        Assert.Equal(1, _store.Conflicts);
        Assert.Equal(["CT_PERS_CONV=7", "CT_PERS_PROS=5", "CT_VICT_DET=9"], await CurrentAsync());
        // B replaced BASE and changed only its cell; A, merged again onto B, changed only its own.
        Assert.Equal("MEX-2025-BASE", promotionB!.Replaced);
        Assert.Equal(["changed CT_PERS_CONV 1→7"], await DiffAsync(b.Id, promotionB));
        Assert.Equal("MEX-2025-B", promotionA.Replaced);
        Assert.Equal(["changed CT_PERS_PROS 1→5"], await DiffAsync(a.Id, promotionA));
    }

    [Fact]
    public async Task An_amendment_received_first_but_finishing_last_is_applied_under_the_later_one()
    {
        await SeedAsync();
        var a = Submitted("MEX-2025-A", 10, SubmissionMode.Amend);
        var b = Submitted("MEX-2025-B", 11, SubmissionMode.Amend);
        await Promote(b, Cell("CT_PERS_CONV", 7), Cell("CT_PERS_PROS", 8));

        var promotionA = await Promote(a, Cell("CT_PERS_PROS", 5), Cell("CT_VICT_DET", 3));

        // Both cells of A are applied, but B, received later, keeps its word on the cell both set.
        Assert.Equal(["CT_PERS_CONV=7", "CT_PERS_PROS=8", "CT_VICT_DET=3"], await CurrentAsync());
        Assert.True(promotionA.BecameCurrent);
        Assert.Equal(["changed CT_VICT_DET 9→3"], await DiffAsync(a.Id, promotionA));
    }

    [Fact]
    public async Task A_replacement_received_after_an_amendment_wins_whatever_finishes_first()
    {
        await SeedAsync();
        var amendment = Submitted("MEX-2025-A", 10, SubmissionMode.Amend);
        var replacement = Submitted("MEX-2025-R", 11, SubmissionMode.Replace);
        await Promote(replacement, Cell("CT_PERS_PROS", 20));

        var late = await Promote(amendment, Cell("CT_PERS_CONV", 7));

        Assert.False(late.BecameCurrent);
        Assert.Null(late.Replaced);
        Assert.Equal(["CT_PERS_PROS=20"], await CurrentAsync());
        // The amendment's own cells stay as its history.
        Assert.Equal(["CT_PERS_CONV|SEX=_T"], (await _store.ReadVersionAsync("MEX", 2025, amendment.Id, CancellationToken.None))!.Select(o => o.Key));
    }

    [Fact]
    public async Task A_replacement_received_before_an_amendment_but_finishing_last_keeps_the_amendment_on_top()
    {
        await SeedAsync();
        var replacement = Submitted("MEX-2025-R", 10, SubmissionMode.Replace);
        var amendment = Submitted("MEX-2025-A", 11, SubmissionMode.Amend);
        await Promote(amendment, Cell("CT_PERS_CONV", 7));

        var promotion = await Promote(replacement, Cell("CT_PERS_PROS", 20), Cell("CT_PERS_CONV", 2));

        Assert.Equal(["CT_PERS_CONV=7", "CT_PERS_PROS=20"], await CurrentAsync());
        Assert.Equal(["changed CT_PERS_PROS 1→20", "removed CT_VICT_DET 9→"], await DiffAsync(replacement.Id, promotion));
        // A later amendment still lands on top of both.
        var next = await Promote(Submitted("MEX-2025-C", 12, SubmissionMode.Amend), Cell("CT_VICT_DET", 4));
        Assert.Equal(["CT_PERS_CONV=7", "CT_PERS_PROS=20", "CT_VICT_DET=4"], await CurrentAsync());
        Assert.Equal(["added CT_VICT_DET →4"], await DiffAsync("MEX-2025-C", next));
    }

    [Fact]
    public async Task An_amendment_that_lost_the_race_to_a_replacement_keeps_no_cell_of_the_base_it_first_merged_onto()
    {
        await SeedAsync();
        var amendment = Submitted("MEX-2025-A", 11, SubmissionMode.Amend);
        var replacement = Submitted("MEX-2025-R", 10, SubmissionMode.Replace);
        _store.BeforeSwitch[amendment.Id] = () => Promote(replacement, Cell("CT_PERS_PROS", 20));

        var promotion = await Promote(amendment, Cell("CT_PERS_CONV", 7));

        Assert.Equal(["CT_PERS_CONV=7", "CT_PERS_PROS=20"], await CurrentAsync());
        Assert.Equal(["added CT_PERS_CONV →7"], await DiffAsync(amendment.Id, promotion));
    }

    [Fact]
    public async Task A_repeated_promotion_changes_nothing_and_reports_what_it_replaced_the_first_time()
    {
        await SeedAsync();
        var a = Submitted("MEX-2025-A", 10, SubmissionMode.Amend);
        var first = await Promote(a, Cell("CT_PERS_PROS", 5));
        await Promote(Submitted("MEX-2025-B", 11, SubmissionMode.Amend), Cell("CT_PERS_CONV", 7));

        var again = await _promoter.PromoteAsync(a, [Cell("CT_PERS_PROS", 5)], mayHaveWrittenBefore: true, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal("MEX-2025-BASE", again.Replaced);
        Assert.Equal(["CT_PERS_CONV=7", "CT_PERS_PROS=5", "CT_VICT_DET=9"], await CurrentAsync());
    }

    [Fact]
    public async Task Many_amendments_in_any_order_give_what_received_order_gives()
    {
        var random = new Random(11);
        for (var round = 0; round < 20; round++)
        {
            var store = new InMemoryObservationStore();
            var promoter = new VersionPromoter(store, TimeProvider.System);
            var submissions = Enumerable.Range(0, 6).Select(i => (
                Submission: Submitted($"MEX-2025-{round:D2}{i}", i, i == 2 ? SubmissionMode.Replace : SubmissionMode.Amend),
                Cells: new[] { Cell($"IND{i % 3}", i * 10 + 1), Cell($"IND{(i + 1) % 4}", i * 10 + 2) })).ToList();
            // What received order promises: replace, then overlay each amendment.
            var expected = new Dictionary<string, long>();
            foreach (var (submission, cells) in submissions)
            {
                if (submission.Mode == SubmissionMode.Replace) expected.Clear();
                foreach (var cell in cells) expected[cell.Indicator] = cell.Value.Number!.Value;
            }

            foreach (var (submission, cells) in submissions.OrderBy(_ => random.Next()))
                await promoter.PromoteAsync(submission, cells, false, CancellationToken.None);

            var current = (await store.ReadCurrentAsync("MEX", 2025, null, CancellationToken.None))!.Observations;
            Assert.Equal(expected.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"), current.Select(o => $"{o.Indicator}={o.Value}"));
        }
    }
}
