// registry logout tolerance, with @actions/exec mocked: the exit codes and messages of real helm versions.
import { jest, describe, it, expect, beforeEach } from '@jest/globals'

type Out = { exitCode: number; stdout: string; stderr: string }
const getExecOutput = jest.fn<(cmd: string, args?: string[], opts?: unknown) => Promise<Out>>()
const warning = jest.fn()
const info = jest.fn()
jest.unstable_mockModule('@actions/exec', () => ({ getExecOutput, exec: jest.fn() }))
jest.unstable_mockModule('../../../src/runner/log.js', () => ({
  info, infoBlock: jest.fn(), warning, error: jest.fn(), notice: jest.fn(), debug: jest.fn(), startGroup: jest.fn(), endGroup: jest.fn(), setSecret: jest.fn(), isDebug: () => false
}))
const { registryLogout } = await import('../../../src/helm/logout.js')

beforeEach(() => {
  getExecOutput.mockReset()
  warning.mockReset()
  info.mockReset()
})

describe('registryLogout', () => {
  it('runs `helm registry logout public.ecr.aws` as an argv array', async () => {
    getExecOutput.mockResolvedValue({ exitCode: 0, stdout: '', stderr: 'Removing login credentials for public.ecr.aws\n' })
    await expect(registryLogout('/opt/helm/helm')).resolves.toBe('logged-out')
    const [cmd, args] = getExecOutput.mock.calls[0] as [string, string[]]
    expect(cmd).toBe('"/opt/helm/helm"')
    expect(args).toEqual(['registry', 'logout', 'public.ecr.aws'])
    expect(warning).not.toHaveBeenCalled()
  })

  it('treats helm ≤ v3.17 "Error: not logged in" with exit 1 as fine', async () => {
    getExecOutput.mockResolvedValue({ exitCode: 1, stdout: '', stderr: 'Error: not logged in\n' })
    await expect(registryLogout('helm')).resolves.toBe('not-logged-in')
    expect(warning).not.toHaveBeenCalled()
  })

  it('treats exit 0 with "not logged in" (v3.18+/v4 wording) as fine', async () => {
    getExecOutput.mockResolvedValue({ exitCode: 0, stdout: '', stderr: 'Error: not logged in\n' })
    await expect(registryLogout('helm')).resolves.toBe('not-logged-in')
    expect(warning).not.toHaveBeenCalled()
  })

  it('warns on any other failure and carries helm\'s message, without throwing', async () => {
    getExecOutput.mockResolvedValue({ exitCode: 1, stdout: '', stderr: 'Error: open /home/x/.config/helm/registry/config.json: permission denied\n' })
    await expect(registryLogout('helm')).resolves.toBe('failed')
    expect(warning).toHaveBeenCalledTimes(1)
    expect(String(warning.mock.calls[0]?.[0])).toMatch(/permission denied.*continuing/s)
  })

  it('warns when helm cannot be started at all', async () => {
    getExecOutput.mockRejectedValue(new Error('Unable to locate executable file: helm'))
    await expect(registryLogout('helm')).resolves.toBe('failed')
    expect(String(warning.mock.calls[0]?.[0])).toMatch(/Unable to locate/)
  })
})
