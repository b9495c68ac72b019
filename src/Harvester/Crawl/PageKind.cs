namespace Harvester.Crawl;

/// <summary>What a page is: message pages never change, index pages do, robots.txt is per host.</summary>
public enum PageKind
{
    Message = 0,
    Index = 1,
    Robots = 2,
}
