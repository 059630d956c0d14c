import type { MarkdownNode } from './markdown-nodes'

/**
 * What a changelog entry's Markdown may cost (spec v3 "Hardening"). marked recurses once per
 * nesting level (`>`, list items), rescans the rest of a paragraph from every emphasis
 * delimiter, and rescans the following lines for every block it starts: 20 k characters of `>`
 * overflowed the stack, and `a*_` × 6,666 took seconds. These bounds are checked before marked
 * does that work, in one linear pass, so a body past them is refused in microseconds; within
 * them the slowest body found parses in tens of milliseconds (docs/hardening.md, "Changelog
 * Markdown").
 */

/** Containers (`>`, list markers, every 4 columns of indentation) opened on one line. */
export const MAX_LINE_NESTING = 16
/** Block parsing rescans following lines: ~30 ns × lines² at worst. */
export const MAX_LINES = 500
/** Elements inside elements in the finished tree: what the widget's renderer recurses over. */
export const MAX_TREE_DEPTH = 48
/**
 * Emphasis work: Σ over paragraphs (headings, list items, table cells) of (runs of `*`, `_` or
 * `~`)². marked pairs every opening run with the runs after it, ~1 µs a pair at worst. One
 * paragraph may hold 140 runs (70 emphasised phrases), or fifty paragraphs 20 each.
 */
export const MAX_EMPHASIS_WORK = 20_000
/**
 * Other inline stops (`!` `[` images and links, `` ` `` code, `<` tags, `\` escapes, `@`
 * emails) × their paragraph's length: the autolink lookahead rescans the run from each.
 */
export const MAX_INLINE_STOP_WORK = 1_000_000

/** Why the body's lines are refused, in words for `400 validation_failed`; null when fine. */
export function lineProblem(markdown: string): string | null {
  const lines = markdown.split('\n')
  if (lines.length > MAX_LINES) return `it has ${lines.length} lines; at most ${MAX_LINES}`
  for (const [index, line] of lines.entries()) {
    if (lineNesting(line) > MAX_LINE_NESTING) {
      return `line ${index + 1} nests quotes or lists more than ${MAX_LINE_NESTING} levels deep`
    }
  }
  return null
}

/**
 * An upper bound of how many containers a line opens: its markers, plus its other indentation
 * / 4 (a marker's own following space is part of the marker).
 */
function lineNesting(line: string): number {
  let markers = 0
  let columns = 0
  let i = 0
  while (i < line.length && markers + Math.floor(columns / 4) <= MAX_LINE_NESTING) {
    const char = line[i]
    let markerLength = 0
    if (char === ' ' || char === '\t') {
      columns += char === ' ' ? 1 : 4
      i++
      continue
    }
    if (char === '>') markerLength = 1
    else if ((char === '-' || char === '*' || char === '+') && isMarkerEnd(line, i + 1)) {
      markerLength = 1
    } else {
      const number = /^\d{1,9}[.)]/.exec(line.slice(i, i + 11))
      if (number && isMarkerEnd(line, i + number[0].length)) markerLength = number[0].length
    }
    if (markerLength === 0) break
    markers++
    i += markerLength
    if (line[i] === ' ') i++
  }
  return markers + Math.floor(columns / 4)
}

function isMarkerEnd(line: string, at: number): boolean {
  return at >= line.length || line[at] === ' ' || line[at] === '\t'
}

const EMPHASIS = new Set(['*', '_', '~'].map((c) => c.charCodeAt(0)))
const OTHER_STOPS = new Set(['!', '[', '`', '<', '\\', '@'].map((c) => c.charCodeAt(0)))

/** One paragraph's share of MAX_EMPHASIS_WORK and MAX_INLINE_STOP_WORK. */
export function inlineWork(text: string): { emphasis: number; stops: number } {
  let runs = 0
  let stops = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (EMPHASIS.has(code)) {
      if (text.charCodeAt(i - 1) !== code) runs++
    } else if (OTHER_STOPS.has(code)) stops++
  }
  return { emphasis: runs * runs, stops: stops * text.length }
}

/** Why the paragraphs are refused, or null when their inline pass stays within the bounds. */
export function inlineWorkProblem(paragraphs: string[]): string | null {
  let emphasis = 0
  let stops = 0
  for (const text of paragraphs) {
    const work = inlineWork(text)
    emphasis += work.emphasis
    stops += work.stops
  }
  if (emphasis > MAX_EMPHASIS_WORK) {
    return (
      'it has more "*", "_" or "~" than the parser takes (about 140 runs in one paragraph, ' +
      'fewer across many): use fewer, or split long paragraphs'
    )
  }
  if (stops > MAX_INLINE_STOP_WORK) {
    return (
      'it has more "[", "!", "`", "<", "\\" or "@" than the parser takes for paragraphs this ' +
      'long: use fewer, or split long paragraphs'
    )
  }
  return null
}

/** How deep the tree goes: 1 for text only. */
export function treeDepth(nodes: MarkdownNode[]): number {
  let deepest = 0
  for (const node of nodes) {
    deepest = Math.max(deepest, typeof node === 'string' ? 1 : 1 + treeDepth(node.c ?? []))
  }
  return deepest
}
