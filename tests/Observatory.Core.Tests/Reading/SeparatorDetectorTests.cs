using Observatory.Core.Reading.Csv;

namespace Observatory.Core.Tests.Reading;

public class SeparatorDetectorTests
{
    [Theory]
    [InlineData("Indicator,Sex,Value\nCT_VICT_DET,F,12\nCT_VICT_DET,M,3\n", ',')]
    [InlineData("Indicador;Sexo;Valor\nCT_VICT_DET;F;1,5\nCT_VICT_DET;M;2,5\n", ';')]
    [InlineData("Indicator\tValue\tNote\nCT_OFF_REC\t3\tsee annex, page 2\nCT_OFF_REC\t4\t\n", '\t')]
    // Titles above the header have no separator at all, or a stray one; the table's lines agree.
    [InlineData("Informe anual\nMinisterio; Dirección de estadística\n\nIndicador;Sexo;Valor\nCT_VICT_DET;F;12\nCT_VICT_DET;M;3\n", ';')]
    // Quoted fields hold the other candidates, and a line break.
    [InlineData("Indicator;Value;Note\nCT_OFF_REC;3;\"a, b, c, d\"\nCT_OFF_REC;4;\"one,\ntwo; three\"\n", ';')]
    [InlineData("Indicator,Value,Note\nCT_OFF_REC,3,\"a; b; c; d\"\nCT_OFF_REC,4,\"x;y\"\n", ',')]
    [InlineData("just one column\nand another line\n", ',')]
    public void Picks_the_separator_that_splits_the_records_alike(string sample, char expected) =>
        Assert.Equal(expected, SeparatorDetector.Detect(sample, complete: true));

    [Fact]
    public void Ignores_a_last_record_cut_by_the_sample()
    {
        // Cut in the middle of a quoted note full of commas, the last record would otherwise tip the count.
        const string sample = "Indicator;Value\nCT_OFF_REC;3\nCT_OFF_REC;\"a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w";

        Assert.Equal(';', SeparatorDetector.Detect(sample, complete: false));
    }
}
