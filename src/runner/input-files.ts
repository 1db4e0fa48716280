// The one gate every file named by an input passes before it is read (README, Security): `cluster-config`,
// `manifests` (a file or a folder), `values-file`, `kubeconfig` and the files a kubeconfig names.
//   1. resolved against the workspace (the current folder on the command line), symlinks and `..` included;
//   2. in the action, the resolved path must lie within GITHUB_WORKSPACE or RUNNER_TEMP;
//   3. a regular file (or, where the input allows it, a folder) — never a device, a FIFO or a socket;
//   4. at most a fixed size, checked on the open file, and never more than that read.
// The file is opened without blocking (a FIFO swapped in after the check cannot hang the run) and without
// following a symlink, then checked again on the descriptor, so what is read is what was checked.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { workspacePath } from './paths.js'
import { ProvisionError, errorMessage, errnoCode } from '../core/errors.js'

/** No input file this tool reads is anywhere near 1 MiB; more means the wrong file (or an attack). */
export const MAX_INPUT_FILE_BYTES = 1024 * 1024

export interface PathRules {
  /** relative paths are resolved from here: GITHUB_WORKSPACE, or the current folder on the command line */
  base: string
  /** folders a path must stay within once resolved, by the name a message gives them; absent: anywhere */
  within?: ReadonlyArray<{ name: string; dir: string }>
}

/** The action's rules: within the workspace or RUNNER_TEMP. */
export function actionPathRules(workspace: string, runnerTemp: string | undefined): PathRules {
  const within = [{ name: 'the workspace', dir: workspace }]
  if (runnerTemp) within.push({ name: 'RUNNER_TEMP', dir: runnerTemp })
  return { base: workspace, within }
}

/** The command line's rules: any path the user gives, still only regular files of bounded size. */
export function anyPathRules(base: string): PathRules {
  return { base }
}

export class InputFileError extends ProvisionError {
  override readonly name: string = 'InputFileError'
  constructor(
    /** the input (or the kubeconfig key) that named the file */
    readonly input: string,
    /** the path as the input gave it (relative to the workspace when it is there) */
    readonly file: string,
    /** what is wrong, without the input and the path */
    readonly reason: string
  ) {
    super(`input ${input}: ${file}: ${reason}`)
  }
}

export interface CheckedPath {
  /** the path as given when it resolves to the same place from the current folder, else absolute */
  shown: string
  /** the absolute path with every symlink resolved: what is opened */
  real: string
  isDirectory: boolean
}

export interface InputFile {
  shown: string
  real: string
  text: string
}

const FILE_TYPES: Array<[(s: fs.Stats) => boolean, string]> = [
  [s => s.isCharacterDevice(), 'a character device'],
  [s => s.isBlockDevice(), 'a block device'],
  [s => s.isFIFO(), 'a named pipe (FIFO)'],
  [s => s.isSocket(), 'a socket']
]

function kindOf(stat: fs.Stats): string {
  return FILE_TYPES.find(([test]) => test(stat))?.[1] ?? 'not a regular file'
}

function realOf(dir: string): string {
  try {
    return fs.realpathSync(dir)
  } catch {
    return path.resolve(dir) // a folder that does not exist (yet) has no symbolic links to resolve
  }
}

function inside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target)
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel))
}

/**
 * Rules 1–3 for one path: where it really is, and that it is a regular file (or a folder when `folder` is
 * allowed). Throws InputFileError naming the input, the path, and (for rule 2) the folders allowed.
 */
export function checkInputPath(input: string, given: string, rules: PathRules, opts: { folder?: boolean } = {}): CheckedPath {
  const { absolute, shown } = workspacePath(rules.base, given)
  const fail = (reason: string): never => {
    throw new InputFileError(input, shown, reason)
  }
  let real: string
  try {
    real = fs.realpathSync(absolute)
  } catch (e) {
    const code = errnoCode(e)
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return fail(`not found (looked for ${absolute}${rules.within ? '; did the workflow run actions/checkout?' : ''})`)
    }
    return fail(code === 'ELOOP' ? 'a loop of symbolic links' : `cannot be resolved: ${errorMessage(e)}`)
  }
  if (rules.within && !rules.within.some(w => inside(realOf(w.dir), real))) {
    const allowed = rules.within.map(w => `${w.name} (${w.dir})`).join(' or ')
    fail(`resolves to ${real}, outside ${allowed}: paths from inputs must stay within ${rules.within.length > 1 ? 'them' : 'it'}, symbolic links included`)
  }
  const stat = fs.statSync(real)
  if (stat.isDirectory()) {
    if (!opts.folder) fail(`is a directory; ${input} must name a file`)
    return { shown, real, isDirectory: true }
  }
  if (!stat.isFile()) fail(`resolves to ${real}, which is ${kindOf(stat)}; expected a regular file`)
  return { shown, real, isDirectory: false }
}

/** Rule 4 on an already checked path: opens it without blocking or following links, reads at most `maxBytes`. */
function readChecked(input: string, checked: CheckedPath, maxBytes: number): string {
  const fail = (reason: string): never => {
    throw new InputFileError(input, checked.shown, reason)
  }
  const tooLarge = (size: number | string): string => `is too large (${size} bytes; the limit for ${input} is ${maxBytes} bytes): is this the right file?`
  let fd: number
  try {
    fd = fs.openSync(checked.real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0))
  } catch (e) {
    return fail(`cannot be read: ${errorMessage(e)}`)
  }
  try {
    const stat = fs.fstatSync(fd)
    if (!stat.isFile()) fail(`is ${kindOf(stat)}; expected a regular file`)
    if (stat.size > maxBytes) fail(tooLarge(stat.size))
    // never more than maxBytes + 1, whatever the size said: a file that grows is refused, not read on
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1)
    let length = 0
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
      if (length > maxBytes) fail(tooLarge(`more than ${maxBytes}`))
      if (length === buffer.length) break
    }
    const text = buffer.subarray(0, length).toString('utf8')
    // A byte-order mark is invisible in editors; drop it so it does not count in column numbers.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  } finally {
    fs.closeSync(fd)
  }
}

/** Rules 1–4: the text of the file an input names. */
export function readInputFile(input: string, given: string, rules: PathRules, maxBytes = MAX_INPUT_FILE_BYTES): InputFile {
  const checked = checkInputPath(input, given, rules)
  return { shown: checked.shown, real: checked.real, text: readChecked(input, checked, maxBytes) }
}

export interface FolderLimits {
  /** which entries are read (e.g. /\.ya?ml$/i); others are left alone */
  match: RegExp
  maxFiles: number
  maxTotalBytes: number
  maxFileBytes?: number
}

/**
 * A file, or a folder's matching files in name order (not its subfolders), each through rules 1–4: a
 * symlink in the folder that leads out of the workspace, or to a device, is refused like the input itself.
 */
export function readInputFiles(input: string, given: string, rules: PathRules, limits: FolderLimits): { folder: boolean; shown: string; files: InputFile[] } {
  const top = checkInputPath(input, given, rules, { folder: true })
  const maxFileBytes = limits.maxFileBytes ?? MAX_INPUT_FILE_BYTES
  if (!top.isDirectory) return { folder: false, shown: top.shown, files: [{ shown: top.shown, real: top.real, text: readChecked(input, top, maxFileBytes) }] }
  const names = fs
    .readdirSync(top.real, { withFileTypes: true })
    .filter(e => limits.match.test(e.name) && !e.isDirectory())
    .map(e => e.name)
    .sort()
  if (names.length > limits.maxFiles) {
    throw new InputFileError(input, top.shown, `holds ${names.length} matching files; the limit is ${limits.maxFiles}`)
  }
  const files: InputFile[] = []
  let total = 0
  for (const name of names) {
    const entry = checkInputPath(input, path.join(top.shown, name), rules)
    if (entry.isDirectory) continue
    const text = readChecked(input, entry, maxFileBytes)
    total += Buffer.byteLength(text)
    if (total > limits.maxTotalBytes) {
      throw new InputFileError(input, top.shown, `its files are too large together (more than ${limits.maxTotalBytes} bytes)`)
    }
    files.push({ shown: entry.shown, real: entry.real, text })
  }
  return { folder: true, shown: top.shown, files }
}
