// The log module is the one way text reaches the log: whatever a message holds, no line it writes can be
// read by the runner as a workflow command the code did not issue.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as log from '../../../src/runner/log.js'

const HOSTILE = ['ok\n::error::pwned', 'ok\r\n::add-mask::hidden', 'ok\r  ::warning file=x::spoof', 'a\n##[error]legacy', '::notice::at the start', '\t::debug::tab']

let written: string[]
const saved = { ...process.env }
beforeEach(() => {
  written = []
  const capture = (chunk: unknown): boolean => (written.push(String(chunk)), true)
  jest.spyOn(process.stdout, 'write').mockImplementation(capture)
  jest.spyOn(process.stderr, 'write').mockImplementation(capture)
})
afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...saved }
})

/** Lines a runner would take for commands: `::` or `##[` after leading blanks, as the runner trims them. */
function commandLines(): string[] {
  return written.join('').split(/\r\n|\r|\n/).filter(l => /^\s*(::|##\[)/.test(l))
}

describe.each([['on a runner', 'true'], ['on a laptop', 'false']])('%s', (_, actions) => {
  beforeEach(() => {
    process.env.GITHUB_ACTIONS = actions
    process.env.RUNNER_DEBUG = '1'
  })

  it.each(HOSTILE)('no line of %j becomes a command, whichever function writes it', message => {
    log.info(`Stack s: tag team: ${message} → x`)
    log.info(message)
    log.infoBlock(`first line\n${message}\nlast line`)
    log.warning(message)
    log.error(message)
    log.notice(message)
    log.debug(message)
    log.startGroup(message)
    log.endGroup()
    // exactly the commands the functions issue (none off a runner), each one whole line
    expect(commandLines().map(l => l.split('::')[1])).toEqual(actions === 'true' ? ['warning', 'error', 'notice', 'debug', 'group', 'endgroup'] : [])
  })
})

describe('what the text looks like', () => {
  it('info keeps its message on one line, line breaks written as %0D / %0A', () => {
    expect(log.plainLine('a\r\nb\nc')).toBe('a%0D%0Ab%0Ac')
  })
  it('a line that would read as a command gets its first marker escaped; other lines are untouched', () => {
    expect(log.plainLines('{\n  "x": "::a::b"\n}\n  ::error::x\n##[group]y\n#x::')).toBe(['{', '  "x": "::a::b"', '}', '  %3A:error::x', '%23#[group]y', '#x::'].join('\n'))
  })
})
