/** RFC 5545 text-level rules: line folding, unfolding and date-time formats. */

export const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** UTF-8 length of one code point, without encoding it (feeds fold hundreds of thousands of lines). */
function utf8Octets(character: string): number {
  const code = character.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line into pieces of at most 75 octets, continuation lines
 * starting with a space, never cutting a UTF-8 character in two.
 */
export function foldLine(line: string): string {
  // Each UTF-16 unit is at most 3 octets, so short lines need no counting.
  if (line.length * 3 <= MAX_OCTETS || Buffer.byteLength(line, "utf8") <= MAX_OCTETS) return line;
  const pieces: string[] = [];
  let current = "";
  let currentOctets = 0;
  for (const character of line) {
    const octets = utf8Octets(character);
    // Continuation lines begin with one space, which counts towards their 75 octets.
    const limit = pieces.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (currentOctets + octets > limit) {
      pieces.push(current);
      current = "";
      currentOctets = 0;
    }
    current += character;
    currentOctets += octets;
  }
  pieces.push(current);
  return pieces.join(`${CRLF} `);
}

/** Undoes folding (CRLF or LF followed by a space or tab) and splits into content lines. */
export function unfoldLines(text: string): string[] {
  return text
    .replace(/\r?\n[ \t]/g, "")
    .split(/\r?\n/)
    .filter((line) => line.length > 0);
}

export function serializeLines(lines: readonly string[]): string {
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, "0");
}

/** A wall-clock time written as if UTC (see ZoneOffsets.toLocalMs) as "YYYYMMDDTHHMMSS". */
export function formatLocal(localMs: number): string {
  const d = new Date(localMs);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

/** An instant as "YYYYMMDDTHHMMSSZ". */
export function formatUtc(ms: number): string {
  return `${formatLocal(ms)}Z`;
}

/** "+0530", "-0300", "+1245". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}${pad(absolute % 60)}`;
}
