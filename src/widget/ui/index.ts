import { h, render } from 'preact'
import { whenIdle } from '../idle'
import type { CreateUi } from '../types'
import { createBoard } from './board'
import { App } from './components/App'
import { ErrorBoundary } from './components/ErrorBoundary'
import { mountShadowHost } from './host'
import { createMessages } from './i18n'
import { createJsonStore } from './storage'
import css from './styles.css?inline'
import { createTabs } from './tabs'

/**
 * The widget's UI: launcher, board, submit form and outbox, rendered into a shadow root.
 * Nothing here throws into the host page: failures are reported with core.emit('error'), and
 * the core guards this factory itself.
 */
export const createUi: CreateUi = (core) => {
  const crash = core.report
  const store = createJsonStore()
  const messages = createMessages(core.config.locale, store)
  const { t } = messages
  // The board's answers carry latestChangelogAt for the launcher's marker.
  const board = createBoard(core, t, store, (data) => tabs.noteLatest(data))
  const tabs = createTabs(core, store, board.redraw)
  if (messages.wanted) {
    core.api
      .getProject(messages.wanted)
      .then((result) => {
        if (!result.ok || !result.data?.project?.messages) return
        messages.learn(result.data.project.messages)
        root.lang = messages.lang
        board.redraw()
      })
      .catch(crash)
  }
  const { host, root } = mountShadowHost(core.config, css)
  // Screen readers read the widget in its own language, whatever the host page's is.
  root.lang = messages.lang
  render(
    h(
      ErrorBoundary,
      { onError: crash },
      h(App, { board, tabs, t, config: core.config, onCrash: crash }),
    ),
    root,
  )
  const reconnected = () => board.reconnected()
  addEventListener('online', reconnected)
  const stopWatchingIdentity = core.onIdentityChange(board.identityChanged)
  // A fresh token for the same person changes no identity, but unblocks what an expired one held.
  const stopWatchingTokens = core.on('identify', () => board.identified())
  // The board and the outbox wait for idle time (or the first open): never the host's boot.
  const cancelIdle = whenIdle(() => {
    board.flush()
    board.prefetch()
  })
  return {
    open: () => board.setOpen(true),
    close: () => board.setOpen(false),
    destroy() {
      try {
        cancelIdle()
        stopWatchingIdentity()
        stopWatchingTokens()
        removeEventListener('online', reconnected)
        board.dispose()
        render(null, root)
        host.remove()
      } catch (error) {
        crash(error)
      }
    },
  }
}
