import { createAnonymousIdStore } from './anonymous-id'
import { createWidgetApi } from './api'
import { createEmitter } from './events'
import { createIdentity } from './identity'
import { createErrorReporter, guardMethods } from './safe'
import { createSafeStorage, type SafeStorage } from './storage'
import type { CreateUi, Reqio, WidgetConfig, WidgetCore, WidgetUi } from './types'

/** Remembers which anonymous id was already merged into which user, so page loads do not re-merge. */
const MERGED_KEY = 'reqio:merged'

export interface Widget {
  /** The real `window.Reqio` methods, each guarded. */
  reqio: Reqio
  core: WidgetCore
  /** Mounts the UI (once) and says the widget is ready; a no-op once mounted. */
  mount(): void
}

/**
 * Wires config, identity, the API client and events together. Does no network by itself:
 * requests come from identify() and from the UI when it needs data.
 */
export function createWidget(
  config: WidgetConfig,
  createUi: CreateUi,
  storage: SafeStorage = createSafeStorage(),
): Widget {
  const emitter = createEmitter()
  const report = createErrorReporter((payload) => emitter.emit('error', payload))
  const identity = createIdentity({
    anonymousIds: createAnonymousIdStore(storage),
    emit: emitter.emit,
  })
  const api = createWidgetApi(config, identity)
  const core: WidgetCore = {
    config,
    api,
    emit: emitter.emit,
    on: emitter.on,
    identityKey: identity.key,
    isIdentified: () => identity.subject() !== undefined,
    onIdentityChange: identity.onChange,
    report,
  }

  let ui: WidgetUi | undefined
  let announcedReady = false
  /**
   * Mounts the UI once. 'ready' follows the first attempt, whether idle time or open() came
   * first, and even if the UI failed: window.Reqio works either way.
   */
  const ensureUi = (): WidgetUi => {
    try {
      ui ??= createUi(core)
      return ui
    } finally {
      if (!announcedReady) {
        announcedReady = true
        emitter.emit('ready', { projectId: config.projectId })
      }
    }
  }

  /** Links this browser's anonymous activity to the identified user, once per pair. */
  async function mergeAnonymousActivity(): Promise<void> {
    const pair = `${identity.anonymousId()} ${identity.subject()}`
    if (storage.get(MERGED_KEY) === pair) return
    const result = await api.identify()
    if (result.ok) storage.set(MERGED_KEY, pair)
  }

  // A placeholder left in the attribute identifies nobody: identify() refuses it, and nothing merges.
  if (config.token && identity.identify(config.token)) {
    mergeAnonymousActivity().catch(report)
  }

  const reqio = guardMethods<Reqio>(
    {
      identify(token, options) {
        if (!identity.identify(token, options?.refresh)) return
        emitter.emit('identify', undefined)
        mergeAnonymousActivity().catch(report)
      },
      reset() {
        identity.reset()
        emitter.emit('reset', undefined)
      },
      open() {
        ensureUi().open()
      },
      close() {
        ui?.close()
      },
      on: emitter.on,
      off: emitter.off,
    },
    report,
  )

  return {
    reqio,
    core,
    mount() {
      try {
        ensureUi()
      } catch (error) {
        report(error)
      }
    },
  }
}
