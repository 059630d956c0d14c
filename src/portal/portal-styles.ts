import { ATTACHMENT_STYLES } from './attachment-styles'

/**
 * The portal's one stylesheet, inlined into every page (the CSP allows it by its hash). Light by
 * default, dark when the visitor's system asks; every pair of colours passes WCAG AA (axe:
 * color-contrast). A TypeScript string, not a .css file: the server bundles it as it is.
 */
export const PORTAL_STYLES =
  `
:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --fg: #111827;
  --muted: #4b5563;
  --line: #d1d5db;
  --card: #f9fafb;
  --accent: #4338ca;
  --accent-fg: #ffffff;
  --note: #eef2ff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #111827;
    --fg: #f3f4f6;
    --muted: #d1d5db;
    --line: #4b5563;
    --card: #1f2937;
    --accent: #a5b4fc;
    --accent-fg: #111827;
    --note: #1e1b4b;
  }
}
* {
  box-sizing: border-box;
}
html {
  -webkit-text-size-adjust: 100%;
}
body {
  margin: 0 auto;
  max-width: 48rem;
  padding: 0 1rem 2rem;
  background: var(--bg);
  color: var(--fg);
  font:
    16px / 1.5 system-ui,
    -apple-system,
    "Segoe UI",
    Roboto,
    sans-serif;
  overflow-wrap: anywhere;
}
a {
  color: var(--accent);
  text-decoration: underline;
  text-underline-offset: 2px;
}
a:focus-visible,
button:focus-visible,
input:focus-visible,
textarea:focus-visible {
  outline: 3px solid var(--accent);
  outline-offset: 2px;
}
.skip {
  position: absolute;
  left: -999px;
}
.skip:focus {
  position: static;
  display: inline-block;
  margin: 0.5rem 0;
}
.top {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.5rem 1rem;
  padding: 1rem 0;
  border-bottom: 1px solid var(--line);
}
.brand {
  font-weight: 700;
  font-size: 1.125rem;
  color: var(--fg);
  text-decoration: none;
}
.top nav ul,
.chips {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 0.75rem;
  margin: 0;
  padding: 0;
  list-style: none;
}
.top nav a[aria-current],
.chips a[aria-current] {
  font-weight: 700;
  color: var(--fg);
}
.account {
  margin-left: auto;
  display: flex;
  gap: 0.5rem;
  align-items: center;
}
h1 {
  font-size: 1.5rem;
  line-height: 1.25;
  margin: 1.5rem 0 1rem;
}
h2 {
  font-size: 1.125rem;
  margin: 1.5rem 0 0.5rem;
}
.lead,
.count,
.row-facts,
.empty,
.foot,
.back {
  color: var(--muted);
}
.search {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
  align-items: center;
}
.search label {
  flex-basis: 100%;
  font-weight: 600;
}
.search input {
  flex: 1;
  min-width: 0;
}
input,
textarea {
  font: inherit;
  color: var(--fg);
  background: var(--bg);
  border: 1px solid var(--muted);
  border-radius: 6px;
  padding: 0.5rem;
  width: 100%;
}
.search input {
  width: auto;
}
button {
  font: inherit;
  cursor: pointer;
  color: var(--accent-fg);
  background: var(--accent);
  border: 1px solid var(--accent);
  border-radius: 6px;
  padding: 0.5rem 0.875rem;
  min-height: 44px;
}
.filters {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 1.5rem;
  margin: 1rem 0 0.5rem;
}
.list,
.comments,
.entries {
  list-style: none;
  margin: 0;
  padding: 0;
}
.row {
  display: flex;
  gap: 0.75rem;
  align-items: flex-start;
  padding: 0.75rem 0;
  border-top: 1px solid var(--line);
}
.row-text {
  min-width: 0;
}
.row-title {
  font-weight: 600;
}
.row-facts {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 0.75rem;
  margin: 0.25rem 0 0;
  font-size: 0.875rem;
}
.vote button {
  display: flex;
  flex-direction: column;
  align-items: center;
  min-width: 3rem;
  padding: 0.25rem 0.5rem;
  color: var(--fg);
  background: var(--card);
  border-color: var(--line);
}
.vote button[aria-pressed="true"] {
  color: var(--accent-fg);
  background: var(--accent);
  border-color: var(--accent);
}
.caret {
  font-size: 0.75rem;
  line-height: 1;
}
.count {
  font-size: 0.875rem;
}
.status {
  font-weight: 600;
}
.tag-dot {
  margin-right: 0.25rem;
  vertical-align: middle;
}
.request-head {
  display: flex;
  gap: 0.75rem;
  align-items: flex-start;
}
.request-head h1 {
  margin-top: 0;
}
.body,
.comment-body {
  white-space: pre-wrap;
}
.note {
  background: var(--note);
  border-radius: 8px;
  padding: 0.25rem 1rem;
  margin: 1rem 0;
}
.note h2 {
  font-size: 1rem;
}
.comment {
  padding: 0.75rem 0;
  border-top: 1px solid var(--line);
}
.comment-head {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
  margin: 0;
  font-size: 0.875rem;
}
.comment-head time {
  color: var(--muted);
}
.tag {
  border: 1px solid var(--line);
  border-radius: 4px;
  padding: 0 0.375rem;
}
.comment-body {
  margin: 0.25rem 0 0;
}
.edited {
  color: var(--muted);
  font-size: 0.875rem;
}
.own {
  display: flex;
  flex-wrap: wrap;
  gap: 0 1rem;
  margin-top: 0.25rem;
  font-size: 0.875rem;
}
.own summary {
  cursor: pointer;
}
.own-form {
  display: grid;
  gap: 0.5rem;
  margin: 0.5rem 0;
}
.own-form button {
  justify-self: start;
}
.comment-form,
.new form {
  display: grid;
  gap: 0.5rem;
  margin-top: 1rem;
}
.comment-form label,
.new label {
  font-weight: 600;
}
.comment-form button,
.new button {
  justify-self: start;
}
.lanes {
  display: grid;
  gap: 1rem;
}
.lane h2 {
  display: flex;
  justify-content: space-between;
  gap: 0.5rem;
}
.lane-count {
  font-weight: 400;
  color: var(--muted);
  font-size: 0.875rem;
}
.entry {
  padding: 1rem 0;
  border-top: 1px solid var(--line);
}
.entry h2 {
  margin-top: 0;
}
.md pre {
  overflow-x: auto;
  background: var(--card);
  padding: 0.5rem;
  border-radius: 6px;
}
.foot {
  display: flex;
  flex-wrap: wrap;
  gap: 1rem;
  margin-top: 2rem;
  padding-top: 1rem;
  border-top: 1px solid var(--line);
  font-size: 0.875rem;
}
.notice {
  background: var(--note);
  border-radius: 6px;
  padding: 0.5rem 0.75rem;
}
.preferences fieldset {
  border: 1px solid var(--line);
  border-radius: 6px;
  margin: 1rem 0;
  padding: 0.5rem 1rem;
}
.choice {
  display: flex;
  gap: 0.5rem;
  align-items: center;
  min-height: 44px;
}
.choice input {
  width: auto;
  margin: 0;
}
.follow {
  margin: 0.5rem 0 1rem;
}
.follow button[aria-pressed="true"] {
  color: var(--accent);
  background: var(--bg);
}
` + ATTACHMENT_STYLES
