"""Generate the DOCX (Word auto-numbering, real footnotes) and HTML test documents."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES = {1: "General Assembly resolution 37/10, annex.", 2: "See A/79/100, para. 12."}


def _numbered(doc, text: str, num_id: str, level: int = 0):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = doc.add_paragraph(text)
    num = OxmlElement("w:numPr")
    ilvl, nid = OxmlElement("w:ilvl"), OxmlElement("w:numId")
    ilvl.set(qn("w:val"), str(level))
    nid.set(qn("w:val"), num_id)
    num.append(ilvl)
    num.append(nid)
    p._p.get_or_add_pPr().append(num)
    return p


def _note_ref(paragraph, note_id: int) -> None:
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(
        f'<w:r xmlns:w="{W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'))


def make_docx(path: Path) -> Path:
    """A Word report: symbol, two headings, auto-numbered paragraphs 1-4, (a)/(b) items, 2 footnotes."""
    import docx
    from docx.oxml.ns import qn

    d = docx.Document()
    num_id = d.styles["List Number"].element.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    d.add_paragraph("A/79/999")
    d.add_paragraph("Report of the Secretary-General on test documents")
    d.add_heading("I. Introduction", level=1)
    p1 = _numbered(d, "The present report is submitted pursuant to resolution 78/1.", num_id)
    _note_ref(p1, 1)
    _numbered(d, "The report covers the period from 1 January to 31 December 2024.", num_id)
    d.add_heading("II. Findings", level=1)
    p3 = _numbered(d, "Member States reported progress in three areas:", num_id)
    d.add_paragraph("(a) Data collection improved in 2024;")
    d.add_paragraph("(b) Reporting rates rose to 85 per cent.")
    _note_ref(p3, 2)
    _numbered(d, "Further work is needed on financing.", num_id)
    d.save(path)
    _add_footnotes_part(path)
    return path


def _add_footnotes_part(path: Path) -> None:
    notes = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for i, text in FOOTNOTES.items())
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
           f'</w:footnote>{notes}</w:footnotes>')
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/footnotes.xml"] = xml.encode()
    parts["word/_rels/footnotes.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>')
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode()
    types = re.sub("</Types>", '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.footnotes+xml"/></Types>', types)
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


HTML = """<!doctype html><html><head><title>S/2099/1</title><style>p{}</style><script>var x=1;</script></head>
<body><header><nav><a href="/">Home</a> | <a href="/docs">Documents</a></nav></header>
<main><p>S/2099/1</p><h1>Report of the Secretary-General on the test mission</h1>
<h2>I. Introduction</h2>
<ol><li>The mission was established in 2020.<sup><a href="#fn1">1</a></sup></li>
<li>The present report covers developments since March 2024.</li></ol>
<h2>II. Political developments</h2>
<ol start="3"><li>The parties met twice:<ol type="a"><li>in Geneva, on 2 and 3 July 2024;</li>
<li>in Nairobi, in October.</li></ol></li>
<li>Talks continued.<sup><a href="#fn2">2</a></sup></li></ol>
<h2>Annex</h2><ol><li>Troop strength stood at 1,200.</li><li>Rotation is planned.</li></ol>
</main>
<section class="footnotes"><ol><li id="fn1">Security Council resolution 2500 (2020).</li>
<li id="fn2">See S/2024/100.</li></ol></section>
<footer>Copyright United Nations | Privacy notice</footer></body></html>"""


def make_html(path: Path) -> Path:
    path.write_text(HTML, encoding="utf-8")
    return path


def make_pdf_bomb(path: Path, inflated: int, text: str = "1. The Committee noted the report.") -> Path:
    """A one-page PDF whose content stream shows `text` and then inflates to about `inflated`
    bytes of blanks (compressed in pieces: the caller never holds them)."""
    import zlib

    deflate = zlib.compressobj(9)
    parts = [deflate.compress(f"BT /F1 12 Tf 72 400 Td ({text}) Tj ET\n".encode())]
    blanks = b" " * (16 << 20)
    for _ in range(inflated // len(blanks)):
        parts.append(deflate.compress(blanks))
    return _write_pdf(path, b"".join(parts) + deflate.flush(), b" /Filter /FlateDecode")


def make_pdf(path: Path, content: str) -> Path:
    """A one-page PDF (Helvetica as /F1, Helvetica-Bold as /F2) whose content stream is `content`,
    uncompressed."""
    return _write_pdf(path, content.encode("latin-1"), b"")


def _write_pdf(path: Path, stream: bytes, stream_filter: bytes) -> Path:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>"),
               b"<< /Length %d%s >>\nstream\n" % (len(stream), stream_filter) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
