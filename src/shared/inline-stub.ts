/**
 * The one-line snippet a site pastes before the async widget.js tag, so `Reqio.identify()`,
 * `Reqio.on()` and friends can be called before widget.js arrives. It queues calls as
 * `[method, args]` in `window.Reqio.q`; widget.js adopts that object and replays the queue
 * in order. It leaves an already-loaded widget alone. ES5 on purpose: it runs unbundled.
 */
export const REQIO_INLINE_STUB =
  '(function(w){var r=w.Reqio=w.Reqio||{};if(r.q)return;r.q=[];["identify","reset","open","close","on","off"].forEach(function(m){r[m]=r[m]||function(){r.q.push([m,[].slice.call(arguments)])}})})(window);'

/** The stub wrapped in a script tag, ready to paste into a page's <head>. */
export const REQIO_INLINE_STUB_TAG = `<script>${REQIO_INLINE_STUB}</script>`
