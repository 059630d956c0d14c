/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { Component, createRef, Fragment, h, type RefObject } from 'preact'
import type { WidgetConfig } from '../../types'
import type { Board } from '../board/board'
import type { Messages } from '../i18n'
import type { Tabs } from '../tabs'
import type { Updates } from '../updates'
import type { WidgetLook } from '../widget-settings'
import { deepActiveElement, focusFirst } from './focus'
import { NewForYou } from './NewForYou'
import { Panel } from './Panel'

interface Props {
  board: Board
  tabs: Tabs
  updates: Updates
  t: Messages
  config: WidgetConfig
  look: WidgetLook
  onCrash(error: unknown): void
}

/**
 * The launcher (unless the site brings its own button) and, when open, the panel. Owns focus:
 * into the dialog when it opens or changes view, back where it came from when it closes.
 */
export class App extends Component<Props> {
  // Plain assignments, not class fields: for the es2019 target those cost a defineProperty helper.
  declare launcher: RefObject<HTMLButtonElement>
  declare dialog: RefObject<HTMLDivElement>
  /** What had focus before the panel opened. */
  declare opener: Element | null
  /** The view focus was last moved into; '' while closed. */
  declare focusedView: string
  declare stop: () => void
  declare stopUpdates: () => void

  constructor(props: Props) {
    super(props)
    this.launcher = createRef()
    this.dialog = createRef()
    this.opener = null
    this.focusedView = ''
  }

  override componentDidMount() {
    const { board, updates } = this.props
    this.stopUpdates = updates.subscribe(() => this.forceUpdate())
    this.stop = board.subscribe(() => {
      // Read before the re-render, while focus is still where the user opened us from.
      if (board.get().open && !this.focusedView) this.opener = deepActiveElement()
      this.forceUpdate()
    })
  }

  override componentDidUpdate() {
    const { board } = this.props
    const { open, view } = board.get()
    const { requestId } = board.thread.get()
    // A view per request too: opening another request moves focus to its heading.
    const current = open ? view + requestId : ''
    if (current === this.focusedView) return
    this.focusedView = current
    const opener = this.opener as HTMLElement | null
    if (current && this.dialog.current) focusFirst(this.dialog.current)
    else if (opener && opener.isConnected && opener !== document.body) opener.focus()
    else if (this.launcher.current) this.launcher.current.focus()
  }

  override componentWillUnmount() {
    this.stop()
    this.stopUpdates()
  }

  override render({ board, tabs, updates, t, config, look, onCrash }: Props) {
    const state = board.get()
    return (
      <>
        {config.launcher !== 'none' && (
          <button
            type="button"
            class="launch"
            ref={this.launcher}
            aria-haspopup="dialog"
            aria-expanded={state.open}
            onClick={state.open ? board.close : board.open}
          >
            {look.launcherText() || t.launcher}
            <NewForYou count={updates.get().unread + (tabs.get().hasNews ? 1 : 0)} t={t} />
          </button>
        )}
        {state.open && (
          <Panel
            state={state}
            board={board}
            tabs={tabs}
            updates={updates}
            t={t}
            dialog={this.dialog}
            onCrash={onCrash}
          />
        )}
      </>
    )
  }
}
