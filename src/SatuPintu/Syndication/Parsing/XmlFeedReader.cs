using System.Xml;
using System.Xml.Linq;

namespace SatuPintu.Syndication.Parsing;

/// <summary>
/// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 into <see cref="ParsedFeed"/>. DTDs are ignored
/// (no external entities, no entity expansion), documents are capped in size and depth, and every
/// link and every URL inside content is resolved against its xml:base, else the document's URL.
/// </summary>
internal static partial class XmlFeedReader
{
    public const int MaxDepth = 64;
    private const string Atom10 = "http://www.w3.org/2005/Atom";
    private const string Atom03 = "http://purl.org/atom/ns#";
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    private const string Content = "http://purl.org/rss/1.0/modules/content/";
    private const string Dc = "http://purl.org/dc/elements/1.1/";
    private const string DcTerms = "http://purl.org/dc/terms/";
    private const string ItunesNs = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private const string Xhtml = "http://www.w3.org/1999/xhtml";
    private const string MediaNs = "http://search.yahoo.com/mrss";
    private static readonly XName XmlBase = XNamespace.Xml + "base";

    public static ParsedFeed Read(string xml, Uri? documentUri, long maxChars)
    {
        var doc = Load(FeedDecoding.NamedEntitiesToNumeric(xml), maxChars);
        var root = doc.Root ?? throw new FeedFormatException("Dokumen XML kosong.");
        var ns = root.Name.NamespaceName;
        return root.Name.LocalName switch
        {
            // Atom 0.3 was written under several namespaces before it settled.
            "feed" => ReadAtom(root, documentUri, ns == Atom10 ? "atom10" : "atom03"),
            "rss" or "channel" => ReadRss(root, documentUri),
            "RDF" when ns == Rdf => ReadRdf(root, documentUri),
            _ => throw new FeedFormatException($"Dokumen XML ini bukan RSS atau Atom (elemen akar <{root.Name.LocalName}>)."),
        };
    }

    private static XDocument Load(string xml, long maxChars)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1024, MaxCharactersInDocument = maxChars,
            CheckCharacters = false, IgnoreProcessingInstructions = true, IgnoreComments = true,
        };
        try
        {
            using (var check = XmlReader.Create(new StringReader(xml), settings))
            {
                while (check.Read())
                {
                    if (check.Depth > MaxDepth)
                    {
                        throw new FeedFormatException($"Dokumen XML bersarang lebih dari {MaxDepth} tingkat.");
                    }
                }
            }
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FeedFormatException($"XML tidak sah (baris {e.LineNumber}, kolom {e.LinePosition}).");
        }
    }
}
