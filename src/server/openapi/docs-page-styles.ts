/**
 * /docs/api's one stylesheet, inline and allowed by its hash (DOCS_PAGE_CSP): the page loads
 * nothing else. Colours keep WCAG AA contrast in light and dark. Tables have fixed columns that
 * wrap, so nothing scrolls sideways at 375 px (a scrolling region would need to take focus).
 */
export const DOCS_PAGE_STYLES = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#545d68;--bg:#fff;--line:#d0d7de;--code:#f3f4f6;--get:#0b6b2f;--post:#1d4ed8;--patch:#8a4b00;--put:#8a4b00;--delete:#b42318}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#a8b3bf;--bg:#0d1117;--line:#30363d;--code:#161b22;--get:#4ade80;--post:#93b4ff;--patch:#fbbf24;--put:#fbbf24;--delete:#fca5a5}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:60rem;margin:0 auto;padding:1rem}
a{color:var(--post)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
code{background:var(--code);padding:.1em .3em;border-radius:4px;overflow-wrap:break-word}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
section{border-top:1px solid var(--line);margin-top:2rem}
article{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
h3{font-size:1.05rem;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
h4{font-size:.95rem;margin:1rem 0 .25rem}
.method{font-weight:700;text-transform:uppercase;min-width:4.5em}
.method-get{color:var(--get)}.method-post{color:var(--post)}.method-patch{color:var(--patch)}.method-put{color:var(--put)}.method-delete{color:var(--delete)}
.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.9rem;table-layout:fixed}
th:nth-child(1){width:36%}th:nth-child(2){width:24%}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
td code,h3 code{overflow-wrap:anywhere;min-width:0}
th{font-weight:600}
ul.statuses{padding-left:1.25rem;margin:.25rem 0}
`
