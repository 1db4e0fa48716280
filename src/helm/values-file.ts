// The generated values go to helm as a file, never on the command line: mode 0600 in a private temp folder (it
// names roles and queues), removed after the call.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stringify } from 'yaml'

export interface ValuesFile {
  path: string
  remove(): Promise<void>
}

export async function writeValuesFile(tempDir: string, values: Record<string, unknown>): Promise<ValuesFile> {
  const dir = await mkdtemp(join(tempDir, 'karpenter-values-'))
  const path = join(dir, 'values.yaml')
  await writeFile(path, stringify(values), { mode: 0o600 })
  // the mode given to writeFile is filtered through the umask; set it outright
  await chmod(path, 0o600)
  return { path, remove: () => rm(dir, { recursive: true, force: true }) }
}
