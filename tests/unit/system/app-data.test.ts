import { homedir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { profileName, userDataFolder } from '../../../electron/system/app-data'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('profileName', () => {
  it('keeps a development build out of the installed app’s profile', () => {
    expect(profileName(true)).toBe('Folio')
    expect(profileName(false)).toBe('Folio Dev')
  })
})

describe('userDataFolder', () => {
  it('takes FOLIO_USER_DATA first (tests and e2e runs give each their own)', () => {
    vi.stubEnv('FOLIO_USER_DATA', '/tmp/配置')
    expect(userDataFolder()).toBe('/tmp/配置')
  })

  it.runIf(process.platform === 'linux')('is the development profile under XDG_CONFIG_HOME, else ~/.config, when run on plain Node', () => {
    vi.stubEnv('FOLIO_USER_DATA', '')
    vi.stubEnv('XDG_CONFIG_HOME', '/home/李雷/.cfg')
    expect(userDataFolder()).toBe('/home/李雷/.cfg/Folio Dev')
    vi.stubEnv('XDG_CONFIG_HOME', '')
    expect(userDataFolder()).toBe(join(homedir(), '.config', 'Folio Dev'))
  })
})
