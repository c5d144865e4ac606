/**
 * Small PDFs written by hand for the decoder's tests: text set with the standard Courier font
 * (fixed width, so positions are exact), optionally with an /Encrypt dictionary that no empty
 * password opens, or with no text at all.
 */

export interface Run {
  text: string;
  x: number;
  y: number;
  size: number;
}

const escape = (s: string) => s.replace(/[\\()]/g, (c) => "\\" + c);

const WIN_ANSI: Record<string, string> = {
  "\u20ac": "\x80", "\u2026": "\x85", "\u2018": "\x91", "\u2019": "\x92", "\u201c": "\x93", "\u201d": "\x94",
  "\u2022": "\x95", "\u2013": "\x96", "\u2014": "\x97", "\u2011": "-", "\u2010": "-", "\u2212": "-", "\u00a0": " ",
};

/** Text as WinAnsiEncoding bytes (as a latin1 string); letters beyond it lose their accents. */
export function winAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    if (WIN_ANSI[ch]) out += WIN_ANSI[ch];
    else if (ch.charCodeAt(0) < 256) out += ch;
    else out += ch.normalize("NFD").replace(/[^\x00-\xff]/g, "") || "?";
  }
  return out;
}

/** Content stream that sets each run at its position. */
export function runsStream(runs: Run[]): string {
  return runs.map((r) => `BT /F1 ${r.size} Tf 1 0 0 1 ${r.x.toFixed(2)} ${r.y.toFixed(2)} Tm (${escape(winAnsi(r.text))}) Tj ET`).join("\n");
}

/** Width of text in Courier (600/1000 em per character). */
export const courierWidth = (text: string, size: number) => text.length * 0.6 * size;

export function buildPdf(streams: string[], options: { encrypt?: boolean; width?: number; height?: number } = {}): Uint8Array {
  const width = options.width ?? 612;
  const height = options.height ?? 792;
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1;
  const catalog = add("<< /Type /Catalog /Pages 2 0 R >>");
  void catalog;
  const pagesAt = objects.push("") - 1; // filled in below
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>");
  const kids: number[] = [];
  for (const stream of streams) {
    const content = add(`<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`),
    );
  }
  objects[pagesAt] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let encrypt: number | undefined;
  if (options.encrypt) {
    // RC4 40-bit standard security handler whose /U entry matches no password
    const hex = (n: number) => Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, "0")).join("");
    encrypt = add(`<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -44 >>`);
  }
  let out = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  const id = "<0123456789abcdef0123456789abcdef>";
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R` : ""} /ID [${id} ${id}] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
