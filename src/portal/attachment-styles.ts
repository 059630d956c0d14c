/**
 * The portal's rules for images (part of its one stylesheet, portal-styles.ts): thumbnails in a
 * row, each at most 6rem high, in proportion; the hint under a file input, quieter than text.
 */
export const ATTACHMENT_STYLES = `
.attachments {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
  list-style: none;
  padding: 0;
  margin: 0.5rem 0;
}
.attachments a {
  display: block;
}
.attachments img {
  display: block;
  height: 6rem;
  width: auto;
  max-width: 12rem;
  object-fit: cover;
  border: 1px solid var(--line);
  border-radius: 6px;
}
.hint {
  color: var(--muted);
  font-size: 0.875rem;
}
`
