import { readWidgetConfig } from './config'
import { createWidget } from './core'
import { whenIdle } from './idle'
import { describeError, logErrorOnce } from './log'
import { installReqio } from './queue'
import type { CreateUi } from './types'
import { linkedRequestId } from './ui/linked-request'

/**
 * What widget.js does when it executes. Synchronously: read the config and make
 * `window.Reqio` callable. Once the DOM is ready: build the widget and replay the queued calls
 * in order (so a queued identify() precedes any request). The UI mounts when the browser is
 * idle, so the host page's own boot never waits for it; Reqio.open() mounts it at once.
 */
export function bootWidget(win: Window, createUi: CreateUi): void {
  try {
    const installed = installReqio(win)
    if (!installed) return
    const config = readWidgetConfig(win.document)
    // Nothing to talk to: window.Reqio keeps taking calls, which wait and do nothing.
    if (!config) return
    const start = () => {
      try {
        const widget = createWidget(config, createUi)
        installed.start(widget.reqio)
        // A link to one request: the person came for it, so it opens now, not once idle.
        if (linkedRequestId(win.location)) widget.mount()
        else whenIdle(widget.mount)
      } catch (error) {
        logErrorOnce(describeError(error))
      }
    }
    if (win.document.readyState === 'loading') {
      win.document.addEventListener('DOMContentLoaded', start, { once: true })
    } else {
      start()
    }
  } catch (error) {
    // Last guard between our code and the host page.
    logErrorOnce(describeError(error))
  }
}
