import { h, render } from 'preact'
import { whenIdle } from '../idle'
import type { CreateUi } from '../types'
import { setAttachmentsBase } from './attachments'
import attachmentsCss from './attachments.css?inline'
import { createBoard } from './board/board'
import { App } from './components/App'
import { ErrorBoundary } from './components/ErrorBoundary'
import { mountShadowHost } from './host'
import { createMessages } from './i18n'
import launcherCss from './launcher.css?inline'
import { linkedRequestId } from './linked-request'
import panelCss from './panel.css?inline'
import requestViewCss from './request-view.css?inline'
import { createJsonStore } from './storage'
import { createTabs } from './tabs'
import { createUpdates } from './updates'
import { createWidgetLook } from './widget-settings'

/** A task that runs on its first call only. */
const runOnce = (task: () => void) => {
  let ran = false
  return () => {
    if (!ran) {
      ran = true
      task()
    }
  }
}

/** How long after mounting the widget's background work waits for the host page to settle. */
export const SETTLE_MS = 3000

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
  const board = createBoard(core, t, store)
  setAttachmentsBase(core.config.apiUrl)
  const tabs = createTabs(core, store, board.redraw)
  const updates = createUpdates(core, core.api)
  const { host, root, addSheet } = mountShadowHost(core.config, launcherCss)
  const look = createWidgetLook(core.config, root, board.redraw)
  // The panel offers only the tabs the site owner shows (tabs.ts keeps what each one holds).
  const shownTabs: typeof tabs = { ...tabs, list: () => tabs.list().filter(look.shows) }
  // Screen readers read the widget in its own language, whatever the host page's is.
  root.lang = messages.lang
  render(
    h(
      ErrorBoundary,
      { onError: crash },
      h(App, { board, tabs: shownTabs, updates, t, config: core.config, look, onCrash: crash }),
    ),
    root,
  )
  /**
   * Background work: the launcher's request, the updates count, what the outbox kept from an
   * earlier page. It waits until the host page has settled, so during the page's load an
   * English page's widget draws its launcher and nothing else: no localStorage, no network.
   * (Opening the panel sends the outbox and loads the updates on its own.)
   */
  const background = runOnce(() => {
    // A page in another language asked already: its launcher's text could not wait.
    if (!messages.wanted) launcherData().catch(crash)
    loadUpdates()
    board.flush()
  })
  /** Identified users' updates, once per page (identify() and reset() reload them). */
  const loadUpdates = runOnce(updates.load)
  /**
   * What only the open panel needs (its sheet, the board, the outbox's rows) waits for it to
   * open, or for the launcher's hover or focus, which give it a head start.
   */
  const warm = runOnce(() => {
    addSheet(panelCss + requestViewCss + attachmentsCss)
    board.warm()
    // The Updates tab's list (no request for anonymous visitors); the board list brings the rest.
    loadUpdates()
  })
  for (const name of ['pointerover', 'focusin', 'touchstart']) root.addEventListener(name, warm)
  const stopWarmingOnOpen = core.on('open', warm)
  /**
   * The launcher's request: the project's settings, when the newest changelog entry came out
   * (its marker) and the page's language when it is not English.
   */
  const launcherData = async () => {
    const result = await core.api.getProject(messages.wanted)
    const project = result.ok && result.data && result.data.project
    if (!project) return
    if (project.messages) {
      messages.learn(project.messages)
      root.lang = messages.lang
    }
    board.noteSettings(project.settings)
    look.learn(project.settings && project.settings.widget)
    tabs.noteLatest(project.latestChangelogAt)
  }
  if (messages.wanted) launcherData().catch(crash)
  const reconnected = () => board.reconnected()
  addEventListener('online', reconnected)
  const stopWatchingIdentity = core.onIdentityChange(board.identityChanged)
  // A fresh token for the same person changes no identity, but unblocks what an expired one held.
  const stopWatchingTokens = core.on('identify', () => board.identified())
  // Someone followed a link to one request (an email, a shared link): it opens as the widget starts.
  const linked = linkedRequestId(location)
  if (linked) board.openRequest(linked)
  let cancelIdle = () => {}
  const settled = setTimeout(() => {
    cancelIdle = whenIdle(background)
  }, SETTLE_MS)
  return {
    open: board.open,
    close: board.close,
    destroy() {
      try {
        clearTimeout(settled)
        cancelIdle()
        stopWarmingOnOpen()
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
