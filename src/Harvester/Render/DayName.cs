using System.Globalization;

namespace Harvester.Render;

/// <summary>A day as the seed writes pull request links: <c>9th May</c>, <c>1st June</c>, <c>22nd November</c>, <c>13th March</c>.</summary>
public static class DayName
{
    public static string Of(DateOnly day) =>
        day.Day.ToString(CultureInfo.InvariantCulture) + Suffix(day.Day) + " " + CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(day.Month);

    private static string Suffix(int day) => (day % 100) switch
    {
        11 or 12 or 13 => "th",
        _ => (day % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        },
    };
}
