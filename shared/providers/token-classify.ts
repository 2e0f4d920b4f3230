import type { Candidate, ClassifyContext, Detection } from './token-detection'
import { NON_GIT_TOKENS, none } from './token-detection'
import {
  GITLAB_ROUTABLE_TAIL,
  atlassianChecksumValid,
  azureChecksumEncoding,
  azureCreationMonth,
  bbdcStructureValid,
  checkGitlabRoutable,
  githubChecksumValid,
} from './token-checksums'
import { JWT_SHAPE, readJwtClaims } from './jwt'

/**
 * Token recognition in the order of providers.md §0 (first matching rule wins; prefixes are
 * case-sensitive). The result lists candidate provider/kind pairs; the analysis picks among them
 * with the account's context, which is how the 40-hex and JWT ambiguities are decided.
 */

const GITHUB_KIND: Readonly<Record<string, string>> = {
  p: 'classic_pat',
  o: 'oauth',
  u: 'app_user',
  s: 'app_installation',
}

/** A detection of a recognised non-git secret (NON_GIT_TOKENS row `prefix`). */
function nonGit(rule: number, prefix: string): Detection {
  const info = NON_GIT_TOKENS[prefix]
  const candidates = info ? [{ provider: info.provider, kinds: [info.kind] }] : []
  return none(rule, candidates, { notForGit: info ? { label: info.label, why: info.why } : null })
}

function github(t: string): Detection | null {
  if (t.startsWith('github_pat_')) {
    const ok = /^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/.test(t)
    return none(1, [{ provider: 'github', kinds: ['fine_grained_pat'] }], {
      malformed: ok
        ? null
        : `expected 93 characters: github_pat_, 22 letters/digits, "_", 59 letters/digits (got ${t.length})`,
    })
  }
  // A 40-character ghs_ is the classic form even with a stray "." (a real JWT is far longer).
  if (t.startsWith('ghs_') && t.includes('.') && t.length !== 40) {
    const m = /^ghs_([0-9]+)_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.exec(t)
    return none(2, [{ provider: 'github', kinds: ['app_installation'] }], {
      malformed: m ? null : 'expected ghs_<app id>_<JWT> for a stateless installation token',
      facts: m ? { appId: m[1] ?? '', tokenForm: 'stateless' } : {},
    })
  }
  const m = /^gh([pousr])_/.exec(t)
  if (!m) return null
  const letter = m[1] ?? ''
  if (letter === 'r' && t.length !== 40) {
    const ok = /^ghr_[A-Za-z0-9]{76}$/.test(t)
    return { ...nonGit(4, 'ghr'), malformed: ok ? null : `expected 80 characters (got ${t.length})` }
  }
  const shapeOk = /^gh[pousr]_[A-Za-z0-9]{36}$/.test(t)
  const info = letter === 'r' ? NON_GIT_TOKENS.ghr : undefined
  return {
    rule: 3,
    candidates: [{ provider: 'github', kinds: [GITHUB_KIND[letter] ?? 'app_refresh'] }],
    checksum: shapeOk && githubChecksumValid(t) ? 'valid' : 'invalid',
    malformed: shapeOk
      ? null
      : `expected 40 characters: gh${letter}_ and 36 letters/digits (got ${t.length})`,
    notForGit: info ? { label: info.label, why: info.why } : null,
    facts: shapeOk ? { tokenForm: '40' } : {},
  }
}

const GITLAB_TYPES = /(?:^|-)(glpat|gldt|glcbt|gloas|glrtr|glrt|glptt|glft|glimt|glagent|glsoat|glffct|glwt)-/
const GITLAB_KINDS: Readonly<Record<string, readonly string[]>> = {
  glpat: ['personal', 'project', 'group'],
  gldt: ['deploy'],
  glcbt: ['job'],
}
const ROUTING_NAMES: Readonly<Record<string, string>> = {
  c: 'cellId',
  g: 'groupId',
  o: 'organizationId',
  p: 'projectId',
  u: 'userId',
  t: 'runnerType',
}

function gitlab(t: string): Detection | null {
  if (t.startsWith('GR1348941')) return nonGit(6, 'GR1348941')
  const m = GITLAB_TYPES.exec(t)
  if (!m) return null
  const type = m[1] ?? ''
  const instance = t.slice(0, m.index)
  if (instance.length > 0 && !/^[A-Za-z0-9_-]+$/.test(instance)) return null
  const body = t.slice(m.index + m[0].length)
  const info = NON_GIT_TOKENS[type]
  const candidates: readonly Candidate[] = [
    {
      provider: 'gitlab',
      kinds: GITLAB_KINDS[type] ?? [info?.kind ?? type],
    },
  ]
  const notForGit = info ? { label: info.label, why: info.why } : null
  const facts: Record<string, string> = { typePrefix: `${type}-` }
  if (instance.length > 0) facts.instancePrefix = instance.replace(/-$/, '')
  if (['glpat', 'gldt', 'glrt', 'glrtr'].includes(type) && GITLAB_ROUTABLE_TAIL.test(t)) {
    const r = checkGitlabRoutable(t)
    const bodyOk = /^[A-Za-z0-9_-]{27,300}\.(?:01\.)?[0-9a-z]{9}$/.test(body)
    if (r) {
      facts.tokenLayout = r.layout
      for (const [k, v] of Object.entries(r.routing ?? {})) facts[ROUTING_NAMES[k] ?? `routing_${k}`] = v
      return {
        rule: 5,
        candidates,
        checksum: r.crcValid && bodyOk ? 'valid' : 'invalid',
        malformed: bodyOk ? null : 'the routable token body is not 27–300 base64url characters',
        notForGit,
        facts,
      }
    }
  }
  if (body.includes('.')) {
    const malformed = 'a routable token ends with "." or ".01." and 9 lowercase base36 characters'
    return none(5, candidates, { checksum: 'invalid', malformed, notForGit, facts })
  }
  const legacyOk =
    type === 'glcbt'
      ? /^[A-Za-z0-9_.-]{20,}$/.test(body)
      : /^[A-Za-z0-9_-]{20}$/.test(body) || (type !== 'glpat' && /^[A-Za-z0-9_-]{20,}$/.test(body))
  facts.tokenLayout = 'legacy'
  return none(6, candidates, {
    malformed: legacyOk
      ? null
      : `expected ${type}- followed by 20 letters, digits, "_" or "-" (got ${body.length})`,
    notForGit,
    facts,
  })
}

function atlassian(t: string): Detection | null {
  const kind = t.startsWith('ATATT3')
    ? 'api_token'
    : t.startsWith('ATCTT3')
      ? 'access_token'
      : t.startsWith('ATBB')
        ? 'app_password'
        : null
  if (!kind) return null
  const shape =
    kind === 'app_password'
      ? /^ATBB[A-Za-z0-9]{24}[0-9A-F]{8}$/
      : kind === 'api_token'
        ? /^ATATT3xFfGF0[A-Za-z0-9_-]+=[0-9A-F]{8}$/
        : /^ATCTT3xFfGN0[A-Za-z0-9_-]+=[0-9A-F]{8}$/
  const ok = shape.test(t)
  return {
    rule: 7,
    candidates: [{ provider: 'bitbucket', kinds: [kind] }],
    checksum: ok && atlassianChecksumValid(t) ? 'valid' : 'invalid',
    malformed: ok
      ? null
      : kind === 'app_password'
        ? `expected 36 characters: ATBB, 24 letters/digits and 8 hex digits (got ${t.length})`
        : 'expected letters, digits, "_" or "-", then "=" and 8 uppercase hex digits',
    notForGit: null,
    facts: {},
  }
}

function bbdc(t: string): Detection | null {
  if (!t.startsWith('BBDC-')) return null
  const shapeOk = /^BBDC-[MNO][A-Za-z0-9+/]{43}$/.test(t)
  return {
    rule: 8,
    candidates: [{ provider: 'bitbucket', kinds: ['http_personal', 'http_project', 'http_repository'] }],
    checksum: shapeOk && bbdcStructureValid(t) ? 'valid' : 'invalid',
    malformed: shapeOk ? null : `expected 49 characters: BBDC- and 44 base64 characters (got ${t.length})`,
    notForGit: null,
    facts: {},
  }
}

function azure(t: string): Detection | null {
  if (t.length === 84 && /^[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}$/.test(t)) {
    const strict = /^[A-Za-z0-9]{52}JQQJ99[A-Za-z0-9][A-L][A-Za-z0-9]{12}AAAAAZDO[A-Za-z0-9]{4}$/.test(t)
    const encoding = azureChecksumEncoding(t)
    const month = strict ? azureCreationMonth(t) : null
    const facts: Record<string, string> = { tokenForm: '84' }
    if (month) facts.createdMonth = month
    if (encoding) facts.checksumEncoding = encoding
    return none(9, [{ provider: 'azure', kinds: ['pat'] }], {
      checksum: encoding ? 'valid' : 'unknown',
      malformed: strict
        ? null
        : 'the 84-character layout is unusual (JQQJ99 at offset 52 and AAAA before AZDO expected)',
      facts,
    })
  }
  if (/^[a-z0-9]{52}$/.test(t))
    return none(10, [{ provider: 'azure', kinds: ['pat'] }], { facts: { tokenForm: '52' } })
  return null
}

function contextual(t: string, ctx: ClassifyContext): Detection | null {
  if (/^[0-9a-f]{40}$/.test(t))
    return none(11, [
      { provider: 'gitea', kinds: ['pat'] },
      { provider: 'github', kinds: ['legacy'] },
    ])
  if (JWT_SHAPE.test(t)) {
    const claims = readJwtClaims(t)
    const facts: Record<string, string> = {}
    if (claims?.expiresAt) facts.expiresAt = claims.expiresAt
    if (claims?.issuedAt) facts.issuedAt = claims.issuedAt
    if (claims?.issuer) facts.issuer = claims.issuer
    const microsoft = /^https:\/\/(?:sts\.windows\.net|login\.microsoftonline\.com)\//.test(
      claims?.issuer ?? '',
    )
    const candidates: Candidate[] = microsoft
      ? [{ provider: 'azure', kinds: ['entra'] }]
      : [
          { provider: 'azure', kinds: ['entra'] },
          { provider: 'gitea', kinds: ['oauth'] },
        ]
    return none(12, candidates, { facts })
  }
  if (ctx.provider === 'gitlab' && /^[0-9a-f]{64}$/.test(t))
    return none(13, [{ provider: 'gitlab', kinds: ['oauth'] }])
  if (ctx.provider === 'gitlab' && /^[A-Za-z0-9_-]{20}$/.test(t))
    return none(13, [{ provider: 'gitlab', kinds: ['personal', 'deploy'] }], {
      facts: { tokenLayout: 'unprefixed' },
    })
  if (ctx.provider === 'bitbucket' && ctx.deployment !== 'self_hosted' && /^[A-Za-z0-9]{24}$/.test(t)) {
    return none(13, [{ provider: 'bitbucket', kinds: ['api_token'] }], { facts: { tokenForm: 'unprefixed' } })
  }
  return null
}

/** Classifies a cleaned token by the §0 order; context only decides shapes that have no prefix. */
export function classifyToken(token: string, ctx: ClassifyContext = {}): Detection {
  return (
    github(token) ??
    gitlab(token) ??
    atlassian(token) ??
    bbdc(token) ??
    azure(token) ??
    contextual(token, ctx) ??
    none(0, [])
  )
}
