import { describe, it, expect } from '@jest/globals'
import { statSync, readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { writeValuesFile } from '../../../src/helm/values-file.js'

describe('writeValuesFile', () => {
  it('writes the values as YAML with mode 0600 and removes them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-values-test-'))
    const old = process.umask(0o000) // even a permissive umask must not widen the file
    try {
      const values = { settings: { clusterName: 'c1' }, serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/r' } } }
      const f = await writeValuesFile(dir, values)
      expect(statSync(f.path).mode & 0o777).toBe(0o600)
      expect(parse(readFileSync(f.path, 'utf8'))).toEqual(values)
      await f.remove()
      expect(existsSync(f.path)).toBe(false)
    } finally {
      process.umask(old)
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
