/**
 * Classic JSX: h() is preact's createElement, which the bundle has anyway; the automatic
 * runtime would add a second copy of it (jsx()).
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact'
import { countOf } from '../format'
import type { Messages } from '../i18n'

/**
 * The launcher's one marker: how many things are new for this person (their unread updates,
 * plus a changelog entry this browser has not seen), read out as "3 new for you". Nothing at 0.
 */
export function NewForYou({ count, t }: { count: number; t: Messages }) {
  if (count <= 0) return null
  return (
    <span class="unread" role="img" aria-label={countOf(t, t.newForYou, count)}>
      {count > 9 ? '9+' : count}
    </span>
  )
}
