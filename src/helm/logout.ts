// `helm registry logout public.ecr.aws` before the chart is pulled (docs/design.md, "Helm"): a stale or expired ECR Public
// login on the runner makes the anonymous pull fail, so upstream's guide logs out first.
// Up to helm v3.17 logout prints `Error: not logged in` and exits 1 when there is no login; v3.18+ and v4
// exit 0. Neither is a failure. Anything else is a warning: the pull may still work, and if it does not, the
// pull's own error says why.
import { info, warning } from '../runner/log.js'
import { helmMessage, runHelm } from './run.js'
import { errorMessage } from '../core/errors.js'

export const ECR_PUBLIC = 'public.ecr.aws'

export type LogoutOutcome = 'logged-out' | 'not-logged-in' | 'failed'

const NOT_LOGGED_IN = /not logged in/i

export async function registryLogout(helm: string, host: string = ECR_PUBLIC): Promise<LogoutOutcome> {
  let result
  try {
    result = await runHelm(helm, ['registry', 'logout', host], { allowFailure: true })
  } catch (e) {
    // helm could not even be started: the install will fail on its own with a clearer error
    warning(`helm registry logout ${host} could not run: ${errorMessage(e)}; continuing`)
    return 'failed'
  }
  const said = `${result.stderr}\n${result.stdout}`
  if (result.exitCode === 0) {
    info(`helm registry logout ${host}: ${NOT_LOGGED_IN.test(said) ? 'was not logged in' : 'done'}`)
    return NOT_LOGGED_IN.test(said) ? 'not-logged-in' : 'logged-out'
  }
  if (NOT_LOGGED_IN.test(said)) {
    info(`helm registry logout ${host}: not logged in (helm ≤ v3.17 exits 1 for this; not an error)`)
    return 'not-logged-in'
  }
  warning(
    `helm registry logout ${host} failed (exit ${result.exitCode}): ${helmMessage(result.stderr, result.stdout)}; ` +
      'continuing with the install'
  )
  return 'failed'
}
