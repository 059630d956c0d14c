import { describe, expect, it } from 'vitest'
import { readServerConfig } from '../../../src/server/config'
import { readGitHubIssueEvent } from '../../../src/server/integrations/github/github-issue-events'
import { issueOfUrl } from '../../../src/server/integrations/trackers/registry'

const delivery = (event: string, payload: unknown, contentType = 'application/json') => ({
  rawBody:
    contentType === 'application/json'
      ? JSON.stringify(payload)
      : new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  header: (name: string) =>
    name === 'x-github-event' ? event : name === 'content-type' ? contentType : undefined,
  now: 0,
})

describe('issue URLs', () => {
  it('reads GitHub issue URLs into one key whatever the case, query or fragment', () => {
    for (const url of [
      'https://github.com/Acme/App/issues/7',
      'https://github.com/acme/app/issues/7/',
      ' https://github.com/acme/app/issues/7?q=1#issuecomment-9 ',
    ]) {
      const found = issueOfUrl(url)
      expect(found?.tracker.kind, url).toBe('github')
      expect(found?.issue.key, url).toBe('acme/app#7')
    }
    expect(issueOfUrl('https://github.com/Acme/App/issues/7')?.issue.url).toBe(
      'https://github.com/Acme/App/issues/7',
    )
  })

  it('reads Linear issue URLs by their identifier, whatever slug follows', () => {
    const found = issueOfUrl('https://linear.app/acme/issue/eng-12/dark-mode-for-everyone')
    expect(found?.tracker.kind).toBe('linear')
    expect(found?.issue).toEqual({ key: 'ENG-12', url: 'https://linear.app/acme/issue/ENG-12' })
  })

  it('knows nothing else: pull requests, other hosts, http, paths that only look alike', () => {
    for (const url of [
      'https://github.com/acme/app/pull/7',
      'http://github.com/acme/app/issues/7',
      'https://github.com.evil.test/acme/app/issues/7',
      'https://github.com/acme/app/issues/0',
      'https://github.com/acme/app/issues/7/comments',
      'https://linear.app/acme/project/eng-12',
      'https://example.com/acme/issue/ENG-12',
      'not a url',
    ]) {
      expect(issueOfUrl(url), url).toBeNull()
    }
  })
})

describe("GitHub's events", () => {
  const issue = (action: string) => ({
    action,
    issue: { number: 42 },
    repository: { full_name: 'Acme/App' },
  })

  it('moves linked requests on closed (done) and reopened (in_progress) only', () => {
    expect(readGitHubIssueEvent(delivery('issues', issue('closed')))).toEqual({
      issueKey: 'acme/app#42',
      status: 'done',
    })
    expect(readGitHubIssueEvent(delivery('issues', issue('reopened')))?.status).toBe('in_progress')
    for (const action of ['opened', 'edited', 'labeled', 'assigned', 'deleted']) {
      expect(readGitHubIssueEvent(delivery('issues', issue(action))), action).toBeNull()
    }
    expect(readGitHubIssueEvent(delivery('ping', { zen: 'Keep it logically awesome.' }))).toBeNull()
    expect(readGitHubIssueEvent(delivery('pull_request', issue('closed')))).toBeNull()
    expect(readGitHubIssueEvent({ ...delivery('issues', {}), rawBody: 'not json' })).toBeNull()
    expect(readGitHubIssueEvent({ ...delivery('issues', {}), rawBody: 'null' })).toBeNull()
  })

  it("reads a webhook left at GitHub's form encoding (payload=…) as well", () => {
    const form = delivery('issues', issue('closed'), 'application/x-www-form-urlencoded')
    expect(readGitHubIssueEvent(form)).toEqual({ issueKey: 'acme/app#42', status: 'done' })
  })
})

describe('REQIO_GITHUB_API_URL', () => {
  it('defaults to api.github.com, drops a trailing slash, and refuses what is not an http(s) URL', () => {
    expect(readServerConfig({}).githubApiUrl).toBe('https://api.github.com')
    expect(
      readServerConfig({ REQIO_GITHUB_API_URL: 'https://github.example.com/api/v3/' }).githubApiUrl,
    ).toBe('https://github.example.com/api/v3')
    expect(() => readServerConfig({ REQIO_GITHUB_API_URL: 'ftp://x' })).toThrow(
      /REQIO_GITHUB_API_URL/,
    )
    expect(() => readServerConfig({ REQIO_GITHUB_API_URL: 'nope' })).toThrow(/must be a URL/)
  })
})
