using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;

namespace PlanTracker.Core.Reports;

/// <summary>
/// Writes an Office Open XML package (the zip inside a .docx or .xlsx) straight to a stream, one
/// part after another, each part with an <see cref="OpenXmlWriter"/>. OpenXml SDK 2.20 opens its
/// own packages with read access, and on .NET a zip opened for update holds every part in memory
/// until it is closed (dotnet/Open-XML-SDK#807): a 100,000-row part would sit whole in RAM. A zip
/// opened for create only writes through, so the package is assembled here instead.
/// </summary>
internal sealed class StreamingPackage(Stream output) : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private readonly ZipArchive _zip = new(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
    private readonly List<(string Path, string ContentType)> _parts = [];
    private readonly Dictionary<string, List<(string Id, string Type, string Target)>> _relationships = [];
    private bool _finished;

    /// <summary>A relationship from a part (or from the package, source "") to a target path relative to the source's folder.</summary>
    public void Relate(string source, string id, string type, string target)
    {
        if (!_relationships.TryGetValue(source, out var list)) _relationships[source] = list = [];
        list.Add((id, type, target));
    }

    /// <summary>Opens a part; only one part is open at a time, so dispose the writer before the next.</summary>
    public PartWriter Part(string path, string contentType)
    {
        _parts.Add((path, contentType));
        return new PartWriter(_zip.CreateEntry(path, CompressionLevel.Optimal).Open());
    }

    /// <summary>Writes the relationship parts and the content types, then closes the zip.</summary>
    public void Finish()
    {
        foreach (var (source, relationships) in _relationships)
            WriteXml(RelationshipsPath(source), w =>
            {
                w.WriteStartElement("Relationships", RelationshipsNamespace);
                foreach (var (id, type, target) in relationships)
                {
                    w.WriteStartElement("Relationship", RelationshipsNamespace);
                    w.WriteAttributeString("Id", id);
                    w.WriteAttributeString("Type", type);
                    w.WriteAttributeString("Target", target);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            });
        WriteXml("[Content_Types].xml", w =>
        {
            const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            w.WriteStartElement("Types", ns);
            w.WriteStartElement("Default", ns);
            w.WriteAttributeString("Extension", "rels");
            w.WriteAttributeString("ContentType", "application/vnd.openxmlformats-package.relationships+xml");
            w.WriteEndElement();
            w.WriteStartElement("Default", ns);
            w.WriteAttributeString("Extension", "xml");
            w.WriteAttributeString("ContentType", "application/xml");
            w.WriteEndElement();
            foreach (var (path, contentType) in _parts)
            {
                w.WriteStartElement("Override", ns);
                w.WriteAttributeString("PartName", "/" + path);
                w.WriteAttributeString("ContentType", contentType);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
        _finished = true;
        _zip.Dispose();
    }

    public void Dispose()
    {
        if (!_finished) _zip.Dispose();
    }

    private static string RelationshipsPath(string source)
    {
        if (source.Length == 0) return "_rels/.rels";
        var slash = source.LastIndexOf('/');
        return slash < 0 ? $"_rels/{source}.rels" : $"{source[..slash]}/_rels/{source[(slash + 1)..]}.rels";
    }

    private void WriteXml(string path, Action<XmlWriter> write)
    {
        using var stream = _zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        write(xml);
        xml.WriteEndDocument();
    }
}

/// <summary>One open part: an <see cref="OpenXmlWriter"/> over the zip entry, closed together.</summary>
internal sealed class PartWriter : IDisposable
{
    private readonly Stream _entry;

    public PartWriter(Stream entry)
    {
        _entry = entry;
        Xml = OpenXmlWriter.Create(entry, new UTF8Encoding(false));
        Xml.WriteStartDocument(true);
    }

    public OpenXmlWriter Xml { get; }

    public void Dispose()
    {
        Xml.Dispose();
        _entry.Dispose();
    }

    /// <summary>XML 1.0 cannot carry most control characters; a stray one in a task title must not break the file.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return text.Any(Invalid) ? string.Concat(text.Where(c => !Invalid(c))) : text;
    }

    private static bool Invalid(char c) => (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF';
}
