/** Just enough of the source-map v3 format to map a generated line/column back to the original. */

export interface RawSourceMap {
  readonly mappings: string;
}

/** One segment: generated column → original line/column (all 0-based). */
interface Segment {
  readonly generatedColumn: number;
  readonly originalLine: number;
  readonly originalColumn: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let shift = 0;
  let value = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`invalid base64 VLQ character "${char}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      const negative = value & 1;
      value >>>= 1;
      values.push(negative ? -value : value);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

export class SourceMapConsumer {
  private readonly lines: Segment[][];

  constructor(map: RawSourceMap) {
    this.lines = [];
    let originalLine = 0;
    let originalColumn = 0;
    for (const lineText of map.mappings.split(';')) {
      const segments: Segment[] = [];
      let generatedColumn = 0;
      for (const segmentText of lineText.split(',')) {
        if (segmentText === '') continue;
        const fields = decodeVlq(segmentText);
        generatedColumn += fields[0] ?? 0;
        if (fields.length >= 4) {
          originalLine += fields[2]!;
          originalColumn += fields[3]!;
          segments.push({ generatedColumn, originalLine, originalColumn });
        }
      }
      this.lines.push(segments);
    }
  }

  /**
   * Maps a 1-based generated line and column to the 1-based original position of the token that
   * contains it. Sucrase keeps lines intact, so a line without segments keeps its line and column.
   */
  originalPositionFor(line: number, column: number): { line: number; column: number } {
    const segments = this.lines[line - 1] ?? [];
    let best: Segment | undefined;
    for (const segment of segments) {
      if (segment.generatedColumn <= column - 1) best = segment;
      else break;
    }
    if (!best) return { line, column };
    return { line: best.originalLine + 1, column: best.originalColumn + 1 };
  }
}
