namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// One indicator of one state as an earlier published version of the year showed it: the true values that version
/// was compiled from (the stored data of the submission it published) and which of its cells it withheld.
/// </summary>
/// <param name="Version">The version's stamp, for the staff's audit report.</param>
/// <param name="Table">The cells that version was compiled from, with their true values.</param>
/// <param name="Withheld">For each row of <paramref name="Table"/>, true when that version published it without its value.</param>
internal sealed record EarlierTable(string Version, CellTable Table, bool[] Withheld);
