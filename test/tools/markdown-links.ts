import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/** One link as written in a Markdown file: `[text](target)`, `![alt](target)` or `[ref]: target`. */
export interface MarkdownLink {
  target: string
  line: number
}

export interface BrokenLink {
  file: string
  line: number
  target: string
  reason: string
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/
const INLINE_LINK = /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i

/**
 * Calls `visit` with each line outside fenced code blocks, once with inline code spans blanked out
 * (so a `[x](y)` shown as code is never taken for a link) and once as written (headings keep
 * their code text in their anchor).
 */
function forEachProseLine(
  markdown: string,
  visit: (prose: string, lineNumber: number, asWritten: string) => void,
) {
  let openFence: string | null = null
  markdown.split('\n').forEach((line, index) => {
    const fence = FENCE.exec(line)
    if (fence) {
      const marker = fence[1] ?? ''
      if (openFence === null) openFence = marker
      else if (marker.startsWith(openFence.charAt(0)) && marker.length >= openFence.length)
        openFence = null
      return
    }
    if (openFence !== null) return
    visit(
      line.replace(/(`+)(?:(?!\1).)+?\1/g, (span) => ' '.repeat(span.length)),
      index + 1,
      line,
    )
  })
}

export function extractLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = []
  forEachProseLine(markdown, (line, lineNumber) => {
    const definition = REFERENCE_DEFINITION.exec(line)
    if (definition) {
      links.push({ target: definition[1] ?? '', line: lineNumber })
      return
    }
    for (const match of line.matchAll(INLINE_LINK)) {
      links.push({ target: match[1] ?? '', line: lineNumber })
    }
  })
  return links
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(headingText: string): string {
  return headingText
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

/** Every anchor a file's headings answer to, with GitHub's `-1`, `-2` for repeated headings. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  forEachProseLine(markdown, (_prose, _lineNumber, asWritten) => {
    const heading = HEADING.exec(asWritten)
    if (!heading) return
    const slug = headingSlug(heading[1] ?? '')
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    anchors.add(count === 0 ? slug : `${slug}-${count}`)
  })
  return anchors
}

/** The Markdown files the link check covers: README.md and everything under docs/. */
export function documentationFiles(root: string): string[] {
  const files = [join(root, 'README.md')]
  const docs = join(root, 'docs')
  if (existsSync(docs)) {
    for (const entry of readdirSync(docs, { recursive: true }) as string[]) {
      if (entry.endsWith('.md')) files.push(join(docs, entry))
    }
  }
  return files.sort()
}

/**
 * Relative links in `files` whose file is missing, that leave `root` (a reader of the repository
 * cannot follow them), or whose `#anchor` names no heading of the Markdown file they point at.
 * Links with a scheme (`https:`, `mailto:`) are left to the reader's browser.
 */
export function findBrokenLinks(root: string, files: string[]): BrokenLink[] {
  const broken: BrokenLink[] = []
  const anchorsByFile = new Map<string, Set<string>>()
  const anchorsOf = (path: string) => {
    let anchors = anchorsByFile.get(path)
    if (!anchors) {
      anchors = headingAnchors(readFileSync(path, 'utf8'))
      anchorsByFile.set(path, anchors)
    }
    return anchors
  }
  for (const file of files) {
    for (const { target, line } of extractLinks(readFileSync(file, 'utf8'))) {
      if (URL_SCHEME.test(target) || target.startsWith('//')) continue
      const report = (reason: string) =>
        broken.push({ file: relative(root, file), line, target, reason })
      const [pathPart, anchor] = splitAnchor(target)
      const targetPath = pathPart === '' ? file : resolve(dirname(file), decodeURI(pathPart))
      const inside = relative(root, targetPath)
      if (inside.startsWith(`..${sep}`) || inside === '..') {
        report('leaves the repository')
        continue
      }
      if (!existsSync(targetPath)) {
        report('no such file')
        continue
      }
      if (anchor === undefined || !targetPath.endsWith('.md') || statSync(targetPath).isDirectory())
        continue
      if (!anchorsOf(targetPath).has(decodeURIComponent(anchor).toLowerCase())) {
        report(`no heading with the anchor #${anchor}`)
      }
    }
  }
  return broken
}

function splitAnchor(target: string): [string, string | undefined] {
  const hash = target.indexOf('#')
  return hash === -1 ? [target, undefined] : [target.slice(0, hash), target.slice(hash + 1)]
}
