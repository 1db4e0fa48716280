// The job summary is Markdown that GitHub renders with raw HTML allowed, and core.summary escapes nothing.
// Text that is not ours (config values, names, AWS messages) goes into it only through `text` / `code`, so
// it stays text: no tag, no heading, list, table cell, emphasis, link, image or autolink can come out of it.

/** The five HTML characters, as entity references (for text inside raw HTML like `<pre>`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => HTML_ENTITIES[c]!)
}
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

// Markdown's punctuation that can make structure inline (code spans, emphasis, strikethrough, links,
// images, table cells, math, escapes) or at a line start (headings): written as numeric references,
// which Markdown always takes as literal characters. `_` inside a word is left (it cannot emphasise there).
const OUTSIDE = /\r\n|\r|\n|[&<>"'`*_[\]!|~$#\\@]|:\/\/|www\./gi
const WORD = /[\p{L}\p{N}]/u

/**
 * Outside text for the summary, anywhere Markdown or inline HTML is read (a paragraph, a list item, a heading,
 * a table cell, a `<summary>`): HTML and Markdown characters as references, line breaks as `<br>` (so the
 * text cannot begin a line of its own), and the starts of autolinks (`://`, `www.`, `@`) broken.
 */
export function text(s: string): string {
  return s.replace(OUTSIDE, (m: string, at: number) => {
    if (m === '\r\n' || m === '\n' || m === '\r') return '<br>'
    if (m === '://') return '&#58;//'
    if (m.length === 4) return `${m.slice(0, 3)}&#46;`
    if (HTML_ENTITIES[m]) return HTML_ENTITIES[m]
    if (m === '_' && WORD.test(s[at - 1] ?? '') && WORD.test(s[at + 1] ?? '')) return '_'
    return `&#${m.charCodeAt(0)};`
  })
}

/** Outside text set as code: the same escaping inside `<code>` (a Markdown code span cannot hold every text). */
export function code(s: string): string {
  return `<code>${text(s)}</code>`
}

export function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.map(text).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map(r => `| ${r.map(text).join(' | ')} |`)
  ].join('\n')
}

/** A collapsible block of preformatted text (HTML-escaped inside `<pre>`, which Markdown leaves alone). */
export function details(summary: string, body: string): string {
  return `<details><summary>${text(summary)}</summary>\n\n<pre>${escapeHtml(body)}</pre>\n\n</details>`
}
