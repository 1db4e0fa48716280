// core.summary does not escape what it is given; config-derived text goes through here.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

export function table(head: string[], rows: string[][]): string {
  const cell = (s: string): string => escapeHtml(s).replace(/\|/g, '&#124;').replace(/\n/g, '<br>')
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map(r => `| ${r.map(cell).join(' | ')} |`)
  ].join('\n')
}

/** A collapsible block of preformatted text (HTML-escaped, so nothing in it can break out). */
export function details(summary: string, body: string): string {
  return `<details><summary>${escapeHtml(summary)}</summary>\n\n<pre>${escapeHtml(body)}</pre>\n\n</details>`
}
