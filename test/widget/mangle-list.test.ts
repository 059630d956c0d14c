// mangle.json renames properties in widget.js; a name that crosses a boundary would break
// silently in the bundle only. These are the boundaries, checked name by name.
import { describe, expect, it } from 'vitest'
import mangleList from '../../mangle.json' with { type: 'json' }
import { en } from '../../src/shared/messages'
import { REQIO_METHODS } from '../../src/widget/queue'

const CROSSING = {
  'the wire and what localStorage keeps': [
    ...['id', 'title', 'body', 'status', 'votes', 'voted', 'createdAt', 'request', 'requests'],
    ...['error', 'code', 'message', 'project', 'messages', 'user', 'sort', 'q'],
    ...['kind', 'key', 'identity', 'requestId', 'at'],
    ...['comment', 'comments', 'author', 'name', 'you', 'commentCount', 'mine', 'statusNote'],
    ...['commentsCursor', 'nextCursor', 'cursor', 'limit', 'following'],
    ...['settings', 'allowAnonymousComments', 'requireIdentity'],
    ...['widget', 'accent', 'position', 'launcherText', 'roadmapTab', 'changelogTab'],
  ],
  'window.Reqio and its event payloads': [
    ...REQIO_METHODS,
    ...['q', 'projectId', 'request', 'pending', 'requestId', 'voted', 'code', 'message'],
  ],
  // Update kinds arrive as data (`t.kinds[update.kind]`): a renamed `reply` showed the raw word.
  'the strings the server sends': [
    ...Object.keys(en),
    ...Object.keys(en.status),
    ...Object.keys(en.kinds),
  ],
  Preact: ['key', 'ref', 'children', 'props', 'state', 'context', 'class'],
  'dataset keys the styles select on': ['theme', 'position', 'launcher'],
  'fetch options': ['method', 'headers', 'body', 'signal', 'credentials'],
}

const BUILT_INS: Array<[string, object]> = [
  ['an element', document.createElement('button')],
  ['the document', document],
  ['the window', window],
  ['a response', new Response()],
  ['a URL', new URL('https://reqio.test')],
  ['a Map', new Map()],
  ['a Set', new Set()],
  ['a promise', Promise.resolve()],
  ['an abort controller', new AbortController()],
]

describe('mangle.json', () => {
  it.each(Object.entries(CROSSING))('renames nothing of %s', (_, names) => {
    expect(mangleList.props.filter((name) => names.includes(name))).toEqual([])
  })

  it.each(BUILT_INS)('renames no property of %s', (_, object) => {
    expect(mangleList.props.filter((name) => name in object)).toEqual([])
  })
})
