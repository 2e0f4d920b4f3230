// Local ESLint rules that keep GitKeys' architecture honest (ARCHITECTURE.md §1, STYLE.md §4):
// `layers` fences the three runtimes; `choke-point` keeps each external system in one module.
import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'

const root = process.cwd()
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))

/** Repository-relative POSIX path of a file. */
const rel = (file) => relative(root, file).split(sep).join('/')

/** Where an import specifier points: a repo path for relative and alias imports, else a package name. */
function target(spec, file) {
  if (spec.startsWith('@shared/') || spec === '@shared')
    return { path: rel(resolve(root, 'shared', spec.slice(8))) }
  if (spec.startsWith('.')) return { path: rel(resolve(dirname(file), spec)) }
  if (builtins.has(spec) || spec.startsWith('node:')) return { builtin: spec }
  const parts = spec.split('/')
  return { pkg: spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] }
}

const layerOf = (path) =>
  path.startsWith('shared/')
    ? 'shared'
    : path.startsWith('renderer/')
      ? 'renderer'
      : path.startsWith('electron/')
        ? 'electron'
        : 'other'

const SHARED_PACKAGES = new Set(['zod', 'yaml'])
const NODE_ONLY_PACKAGES = new Set(['electron', 'simple-git', 'electron-store', 'ws'])

function eachImport(context, check) {
  const visit = (node, source) => {
    if (source && typeof source.value === 'string') check(node, source.value)
  }
  return {
    ImportDeclaration: (node) => visit(node, node.source),
    ExportNamedDeclaration: (node) => visit(node, node.source),
    ExportAllDeclaration: (node) => visit(node, node.source),
    ImportExpression: (node) => visit(node, node.source),
  }
}

const layers = {
  meta: { type: 'problem', schema: [], messages: { bad: '{{why}}' } },
  create(context) {
    const file = rel(context.filename)
    const from = layerOf(file)
    const headless = /^electron\/(services|cli|credential-helper)\//.test(file)
    return eachImport(context, (node, spec) => {
      const t = target(spec, context.filename)
      const report = (why) => context.report({ node, messageId: 'bad', data: { why } })
      if (from === 'shared') {
        if (t.path && layerOf(t.path) !== 'shared') report(`shared/ may only import shared/ (got "${spec}")`)
        if (t.builtin) report(`shared/ is pure TypeScript: no Node built-ins (got "${spec}")`)
        if (t.pkg && !SHARED_PACKAGES.has(t.pkg)) report(`shared/ may use only zod and yaml (got "${spec}")`)
      } else if (from === 'renderer') {
        if (t.path && layerOf(t.path) === 'electron')
          report(`renderer/ must not import electron/ (got "${spec}")`)
        if (t.builtin) report(`renderer/ runs in the browser: no Node built-ins (got "${spec}")`)
        if (t.pkg && NODE_ONLY_PACKAGES.has(t.pkg)) report(`renderer/ must not import "${t.pkg}"`)
      } else if (from === 'electron') {
        if (t.path && layerOf(t.path) === 'renderer')
          report(`electron/ must not import renderer/ (got "${spec}")`)
        if (headless && t.pkg === 'electron')
          report(`${file.split('/')[1]}/ runs under plain Node: no "electron" import`)
      }
    })
  },
}

const chokePoint = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            module: { type: 'string' },
            importNames: { type: 'array', items: { type: 'string' } },
            allow: { type: 'array', items: { type: 'string' } },
          },
          required: ['module', 'allow'],
        },
      },
    ],
    messages: { bad: '"{{what}}" is a choke point: use it only in {{allow}}' },
  },
  create(context) {
    const file = rel(context.filename)
    const points = context.options[0] ?? []
    return eachImport(context, (node, spec) => {
      for (const p of points) {
        if (
          spec !== p.module ||
          p.allow.some((a) => file === a || file.startsWith(a.endsWith('/') ? a : `${a}\0`))
        )
          continue
        const names = p.importNames
        if (!names) {
          context.report({ node, messageId: 'bad', data: { what: spec, allow: p.allow.join(', ') } })
          continue
        }
        const used = (node.specifiers ?? [])
          .map((s) => (s.type === 'ImportSpecifier' ? (s.imported.name ?? s.imported.value) : '*'))
          .filter((n) => n === '*' || names.includes(n))
        for (const n of used)
          context.report({
            node,
            messageId: 'bad',
            data: { what: `${spec}:${n}`, allow: p.allow.join(', ') },
          })
      }
    })
  },
}

export default { rules: { layers, 'choke-point': chokePoint } }
