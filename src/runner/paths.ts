// Paths from inputs are relative to the workspace; messages name them as the user wrote them when that
// is where they are (so `file:line:col` matches the repository), else in full.
import { resolve } from 'node:path'

export function workspacePath(workspace: string, given: string): { absolute: string; shown: string } {
  const absolute = resolve(workspace, given)
  return { absolute, shown: resolve(given) === absolute ? given : absolute }
}

export function workspace(): string {
  return process.env.GITHUB_WORKSPACE ?? process.cwd()
}
