// Config diagnostics as GitHub annotations on the file (the shell half of src/core/config/diagnostics.ts).
import * as path from 'node:path'
// Annotations need the file/line properties that runner/log.ts does not carry.
import { annotation } from '../runner/workflow.js'
import { describeWithoutLocation, type Diagnostic } from '../core/config/diagnostics.js'

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
