import { apiUrlCases } from './api-url.cases'
import { branchCases } from './branch.cases'
import { deprecationCases } from './deprecations.cases'
import { environmentCases } from './environment.cases'
import { expiryCases } from './expiry.cases'
import { localCases } from './local.cases'
import { pathCases } from './path.cases'
import { fliptConfigCases, probeCases, summaryCases } from './probe-flipt-summary.cases'
import type { RuleCase } from './rule-fixtures'
import { scmCases } from './scm.cases'
import { scopeCases } from './scopes.cases'
import { secretRefCases } from './secret-ref.cases'
import { storageCases } from './storage.cases'
import { tokenCases } from './token.cases'
import { urlCases } from './url.cases'
import { usernameCases } from './username.cases'

/** Every table-driven rule case of every family. */
export const ALL_CASES: readonly RuleCase[] = [
  ...tokenCases,
  ...expiryCases,
  ...deprecationCases,
  ...usernameCases,
  ...scopeCases,
  ...urlCases,
  ...apiUrlCases,
  ...branchCases,
  ...storageCases,
  ...pathCases,
  ...environmentCases,
  ...scmCases,
  ...secretRefCases,
  ...localCases,
  ...probeCases,
  ...fliptConfigCases,
  ...summaryCases,
]
