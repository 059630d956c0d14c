import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import {
  documentationFiles,
  extractLinks,
  findBrokenLinks,
  headingAnchors,
  headingSlug,
} from './markdown-links'

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))

describe('README.md and docs/', () => {
  it('covers the README and at least one page under docs/', () => {
    const files = documentationFiles(repositoryRoot).map((file) =>
      file.slice(repositoryRoot.length),
    )
    expect(files).toContain('README.md')
    expect(files.some((file) => file.startsWith('docs/'))).toBe(true)
  })

  it('has no relative link to a missing file or a missing heading', () => {
    const broken = findBrokenLinks(repositoryRoot, documentationFiles(repositoryRoot))
    expect(
      broken.map((link) => `${link.file}:${link.line} ${link.target}: ${link.reason}`),
    ).toEqual([])
  })
})

describe('the link extractor', () => {
  it('finds inline links, images and reference definitions with their line numbers', () => {
    const markdown = [
      'See [the server](docs/server.md#behind-a-reverse-proxy) and ![logo](img/logo.png "Logo").',
      '',
      '[spec]: ./spec.md',
    ].join('\n')
    expect(extractLinks(markdown)).toEqual([
      { target: 'docs/server.md#behind-a-reverse-proxy', line: 1 },
      { target: 'img/logo.png', line: 1 },
      { target: './spec.md', line: 3 },
    ])
  })

  it('ignores links inside fenced code blocks and inline code', () => {
    const markdown = [
      '```md',
      '[not a link](missing.md)',
      '```',
      'Write `[text](target.md)` for a link; [this one](real.md) counts.',
    ].join('\n')
    expect(extractLinks(markdown)).toEqual([{ target: 'real.md', line: 4 }])
  })

  it('gives headings the anchors GitHub gives them', () => {
    expect(headingSlug('`window.Reqio`')).toBe('windowreqio')
    expect(headingSlug('Demo page (`/`)')).toBe('demo-page-')
    expect(headingSlug('With Docker Compose (Reqio + PostgreSQL)')).toBe(
      'with-docker-compose-reqio--postgresql',
    )
    expect(headingAnchors('# Setup\n\n## Setup\n\n```\n# not a heading\n```\n')).toEqual(
      new Set(['setup', 'setup-1']),
    )
  })
})

describe('the link check', () => {
  let root: string | undefined
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true })
    root = undefined
  })

  function repositoryWith(files: Record<string, string>): string {
    root = mkdtempSync(join(tmpdir(), 'reqio-docs-links-'))
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true })
      writeFileSync(join(root, path), text)
    }
    return root
  }

  it('reports a missing file, a missing anchor and a link out of the repository', () => {
    const repository = repositoryWith({
      'README.md': [
        '# Reqio',
        '[fine](docs/a.md#the-part) [fine too](#reqio) [web](https://example.com/x.md)',
        '[gone](docs/missing.md)',
        '[wrong anchor](docs/a.md#no-such-part)',
        '[outside](../shared/spec/api.md)',
      ].join('\n'),
      'docs/a.md': '# A\n\n## The part\n\n[back](../README.md#reqio) [self](#nowhere)\n',
    })
    expect(findBrokenLinks(repository, documentationFiles(repository))).toEqual([
      { file: 'README.md', line: 3, target: 'docs/missing.md', reason: 'no such file' },
      {
        file: 'README.md',
        line: 4,
        target: 'docs/a.md#no-such-part',
        reason: 'no heading with the anchor #no-such-part',
      },
      {
        file: 'README.md',
        line: 5,
        target: '../shared/spec/api.md',
        reason: 'leaves the repository',
      },
      {
        file: 'docs/a.md',
        line: 5,
        target: '#nowhere',
        reason: 'no heading with the anchor #nowhere',
      },
    ])
  })
})
