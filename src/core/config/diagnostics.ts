// Problems found in the user's ClusterConfig, each pinned to a file position so the log line and the
// GitHub annotation point at the exact key to fix.
import * as path from 'node:path'
// Annotations need the file/line properties that runner/log.ts does not carry.
import { annotation } from '../../runner/workflow.js'
import { ProvisionError } from '../errors.js'

export interface Diagnostic {
  severity: 'error' | 'warning'
  /** the config file path as the user gave it */
  file: string
  /** 1-based */
  line: number
  /** 1-based */
  col: number
  /** key path like `karpenter.version`; empty for problems with the file as a whole */
  path: string
  message: string
  /** the value as written in the file */
  got?: string
  /** what would have been accepted */
  expected?: string
  /** what the file is, when it is not the cluster config (titles the annotation) */
  subject?: 'manifest'
}

/** `FILE:LINE:COL: key.path: message (got X, expected Y)`, leaving out the parts a diagnostic does not have. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${describeWithoutLocation(d)}`
}

function describeWithoutLocation(d: Diagnostic): string {
  const details: string[] = []
  if (d.got !== undefined) details.push(`got ${d.got}`)
  if (d.expected !== undefined) details.push(`expected ${d.expected}`)
  const suffix = details.length > 0 ? ` (${details.join(', ')})` : ''
  const prefix = d.path ? `${d.path}: ` : ''
  return `${prefix}${d.message}${suffix}`
}

/** Thrown when the config cannot be used; carries every error found, not just the first. */
export class ConfigError extends ProvisionError {
  override readonly name: string = 'ConfigError'
  readonly diagnostics: Diagnostic[]

  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error')
    const heading =
      errors.length === 1
        ? `${errors[0]?.file ?? 'cluster config'} has 1 error:`
        : `${errors[0]?.file ?? 'cluster config'} has ${errors.length} errors:`
    super([heading, ...diagnostics.map(formatDiagnostic)].join('\n'))
    this.diagnostics = diagnostics
  }
}

/**
 * Emits each diagnostic as a GitHub annotation on the file. Annotations need a path relative to the
 * repository root, so the file is made relative to GITHUB_WORKSPACE when it lies inside it.
 */
export function annotateDiagnostics(ds: readonly Diagnostic[]): void {
  for (const d of ds) {
    const properties = {
      title: annotationTitle(d),
      file: annotationPath(d.file),
      startLine: d.line,
      startColumn: d.col
    }
    const message = describeWithoutLocation(d)
    annotation(d.severity, message, properties)
  }
}

function annotationTitle(d: Diagnostic): string {
  if (d.subject === 'manifest') return d.severity === 'error' ? 'Invalid manifest' : 'Manifest warning'
  return d.severity === 'error' ? 'Invalid cluster config' : 'Cluster config warning'
}

function annotationPath(file: string): string {
  const workspace = process.env.GITHUB_WORKSPACE
  if (!workspace) return file
  const relative = path.relative(path.resolve(workspace), path.resolve(file))
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file
  // annotations use forward slashes whatever the runner's OS
  return relative.split(path.sep).join('/')
}
