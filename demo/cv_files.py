"""Small, valid demo CVs written by code (no binary file of unknown origin): a one-page PDF with a few
lines of text in Helvetica, its content stream compressed, with a correct cross-reference table."""

import zlib


def _escaped(text):
    # PDF strings in WinAnsi: French letters fit; brackets and backslashes escaped.
    encoded = text.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def cv_pdf(lines, extra_catalog=b"", compress=True):
    """A PDF showing `lines` (str), one a line. `extra_catalog`: raw entries added to the catalog (tests)."""
    content = b"BT /F1 12 Tf 56 780 Td 16 TL\n"
    content += b"".join(b"(" + _escaped(line) + b") Tj T*\n" for line in lines)
    content += b"ET"
    stream = zlib.compress(content) if compress else content
    filters = b"/Filter /FlateDecode " if compress else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + extra_catalog + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< " + filters + b"/Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(output)
    output += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    output += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    output += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(output)
