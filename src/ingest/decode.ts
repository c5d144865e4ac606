import { Buffer, isUtf8 } from "node:buffer";
import { problem } from "../model/problems.js";
import type { Problem, SourceFormat } from "../model/types.js";

/**
 * Bytes to text, never throwing: UTF-8 (with or without BOM), UTF-16 with a BOM or with the
 * tell-tale NUL pattern, and Latin-1 / Windows-1252 as the fallback for bytes that are not
 * UTF-8. Binary input (NULs that are not UTF-16, many control bytes) is refused.
 */

export type Decoded = { ok: true; text: string; problems: Problem[] } | { ok: false; problems: Problem[] };

function looksUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

const CONTROLS = /[\x00-\x08\x0B\x0E-\x1F\uFFFD]/g;

/**
 * Share of control characters (other than tab, newlines, form feed) and U+FFFD in the first 4K
 * characters: binary formats show theirs from the first bytes on.
 */
function controlShare(text: string): number {
  const sample = text.length > 4096 ? text.slice(0, 4096) : text;
  return sample.length ? (sample.match(CONTROLS)?.length ?? 0) / sample.length : 0;
}

// Validation first, then the fast non-fatal decoder: a fatal TextDecoder takes a much slower path.
const utf8 = new TextDecoder("utf-8");

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, problems: [problem("empty", "the file is empty")] };
  const problems: Problem[] = [];
  let text: string;
  let utf8OrLatin1 = false;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    const utf16 = looksUtf16(bytes);
    if (utf16) {
      text = new TextDecoder(utf16).decode(bytes);
      problems.push(problem("encoding-utf16", `read as ${utf16.toUpperCase()} without a byte-order mark`));
    } else {
      utf8OrLatin1 = true;
      if (isUtf8(bytes)) text = utf8.decode(bytes);
      else {
        text = new TextDecoder("windows-1252").decode(bytes);
        problems.push(problem("encoding-latin1", "the bytes are not valid UTF-8; read as Windows-1252 (Latin-1)"));
      }
    }
  }
  // in UTF-8 and Latin-1 a NUL character is a NUL byte, which memchr finds at once
  const hasNul = utf8OrLatin1 ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(0) : text.includes("\u0000");
  if (hasNul || controlShare(text) > 0.01) {
    return { ok: false, problems: [problem("binary", "the file is binary, not text")] };
  }
  if (!text.trim()) return { ok: false, problems: [problem("empty", "the file holds only white space")] };
  return { ok: true, text, problems };
}

/** The format of an input, from its first bytes (decoded as text when they are text), then its name. */
export function detectFormat(bytes: Uint8Array, name = ""): SourceFormat {
  const magic = new TextDecoder("latin1").decode(bytes.subarray(0, 8));
  if (magic.startsWith("%PDF-")) return "pdf";
  if (magic.startsWith("PK\u0003\u0004")) return /\.docx$/i.test(name) ? "docx" : "text";
  const decoded = decodeText(bytes.subarray(0, 4096));
  const head = decoded.ok ? decoded.text.replace(/^\uFEFF/, "").trimStart() : "";
  if (head.startsWith("<")) return /<akomaNtoso\b/.test(head) || (/\.xml$/i.test(name) && !/<html\b/i.test(head)) ? "akn" : "html";
  if ((head.startsWith("[") && !head.startsWith("[DU1]")) || head.startsWith("{")) {
    if (/^[[{]\s*["{[\]]/.test(head)) return "eosg";
  }
  return head.includes("[DU1]") || head.includes("<<ODS") ? "ods" : "text";
}
