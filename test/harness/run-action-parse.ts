// Reading what a run of the action left behind: the GITHUB_OUTPUT file (the toolkit writes
// `name<<DELIMITER\nvalue\nDELIMITER`) and the workflow commands (`::error file=…,line=…::message`).

export function parseGithubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
      out[name] = value.join('\n')
      continue
    }
    const eq = line.indexOf('=')
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return out
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  properties: Record<string, string>
  message: string
}

// The toolkit escapes `%`, CR and LF in messages (and also `:` and `,` in properties).
const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string): string => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')

export function parseAnnotations(stdout: string): Annotation[] {
  const found: Annotation[] = []
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line.replace(/\r$/, ''))
    if (!m) continue
    const properties: Record<string, string> = {}
    for (const part of (m[2] ?? '').split(',')) {
      const eq = part.indexOf('=')
      if (eq > 0) properties[part.slice(0, eq)] = unescapeProperty(part.slice(eq + 1))
    }
    found.push({ level: m[1] as Annotation['level'], properties, message: unescapeData(m[3] ?? '') })
  }
  return found
}
