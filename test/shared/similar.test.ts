import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FeedbackRequest } from '../../src/shared/api'
import { findSimilarRequests, wordsOf } from '../../src/shared/similar'

const request = (id: string, title: string, votes = 0): FeedbackRequest => ({
  id,
  title,
  body: '',
  status: 'open',
  votes,
  voted: false,
  commentCount: 0,
  mine: false,
  statusNote: null,
  createdAt: '',
  tags: [],
  editedAt: null,
  attachments: [],
})

const board = [
  request('1', 'Dark mode for the dashboard', 12),
  request('2', 'Export invoices to CSV', 4),
  request('3', 'Café menu in German', 2),
  request('4', 'Dark theme for emails', 30),
]
const titlesFor = (typed: string) => findSimilarRequests(typed, board).map((r) => r.title)

describe('similar-request matching', () => {
  it('splits text into lower-case words without accents or short filler', () => {
    expect(wordsOf('Crème Brûlée, please!  a CSV-Export')).toEqual([
      'creme',
      'brulee',
      'csv',
      'export',
    ])
  })

  it('matches words ignoring case and accents', () => {
    expect(titlesFor('CAFE MENU')).toEqual(['Café menu in German'])
    expect(titlesFor('café')).toEqual(['Café menu in German'])
  })

  it('counts the word still being typed as a prefix, but not finished words', () => {
    expect(titlesFor('expo')).toEqual(['Export invoices to CSV'])
    expect(titlesFor('expo ')).toEqual([])
  })

  it('ranks by matching words, then by votes', () => {
    expect(titlesFor('dark mode')).toEqual(['Dark mode for the dashboard', 'Dark theme for emails'])
    expect(titlesFor('dark')).toEqual(['Dark theme for emails', 'Dark mode for the dashboard'])
  })

  it('needs two shared words for a long title, so one common word is not enough', () => {
    expect(titlesFor('I want to export my calendar to outlook every week')).toEqual([])
    expect(titlesFor('I want to export all invoices every week')).toEqual([
      'Export invoices to CSV',
    ])
  })

  it('suggests nothing for empty or filler-only text, and at most three', () => {
    expect(titlesFor('')).toEqual([])
    expect(titlesFor('the and for')).toEqual([])
    const many = Array.from({ length: 10 }, (_, i) => request(`${i}`, `Dark idea ${i}`))
    expect(findSimilarRequests('dark', many)).toHaveLength(3)
  })

  it('never throws and only returns requests it was given, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.string()), (typed, titles) => {
        const requests = titles.map((title, i) => request(`${i}`, title))
        const found = findSimilarRequests(typed, requests)
        expect(found.length).toBeLessThanOrEqual(3)
        for (const r of found) expect(requests).toContain(r)
      }),
    )
  })

  it('gives the same suggestions whatever the case of the typed text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{0,30}$/), (typed) => {
        expect(titlesFor(typed.toUpperCase())).toEqual(titlesFor(typed))
      }),
    )
  })
})
