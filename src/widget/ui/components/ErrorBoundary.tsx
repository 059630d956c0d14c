/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { Component, type ComponentChildren, h } from 'preact'

interface Props {
  children?: ComponentChildren
  onError(error: unknown): void
  /** Shown instead of the children after a crash, with a button to try again. */
  message?: string
  retry?: string
}

/** A render bug shows a message (or nothing) instead of a blank panel or an error in the host. */
export class ErrorBoundary extends Component<Props, { failed?: boolean }> {
  override componentDidCatch(error: unknown) {
    this.setState({ failed: true })
    this.props.onError(error)
  }

  override render({ message, retry, children }: Props) {
    if (!this.state.failed) return children
    return (
      message && (
        <p class="state" role="alert">
          {message}{' '}
          <button type="button" onClick={() => this.setState({ failed: false })}>
            {retry}
          </button>
        </p>
      )
    )
  }
}
