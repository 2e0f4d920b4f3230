import { apiUrlRules } from './api-url.rule'
import { branchRules } from './branch.rule'
import { deprecationRules } from './deprecations.rule'
import { environmentRules } from './environment.rule'
import { expiryRules } from './expiry.rule'
import { fliptConfigRules } from './flipt-config.rule'
import { localRules } from './local.rule'
import { pathRules } from './path.rule'
import { probeRules } from './probe.rule'
import type { Rule } from './rule.types'
import { scmRules } from './scm.rule'
import { scopeRules } from './scopes.rule'
import { secretRefRules } from './secret-ref.rule'
import { storageRules } from './storage.rule'
import { summaryRules } from './summary.rule'
import { tokenRules } from './token.rule'
import { urlRules } from './url.rule'
import { usernameRules } from './username.rule'

/** Every offline rule, family by family; the summary family runs last because it reads the others. */
export const ALL_RULES: readonly Rule[] = [
  ...tokenRules,
  ...expiryRules,
  ...deprecationRules,
  ...usernameRules,
  ...scopeRules,
  ...urlRules,
  ...apiUrlRules,
  ...branchRules,
  ...storageRules,
  ...pathRules,
  ...environmentRules,
  ...scmRules,
  ...secretRefRules,
  ...localRules,
  ...probeRules,
  ...fliptConfigRules,
  ...summaryRules,
]
