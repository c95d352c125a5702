import * as acorn from 'acorn';
import * as acornLoose from 'acorn-loose';
import * as walk from 'acorn-walk';
import type { CspList, Load, Via } from './csp-schema';
import { excerptAt } from './source-excerpt';

/**
 * The URLs a widget's JavaScript loads, found in its syntax tree (acorn, the ESTree parser under
 * ESLint's espree; acorn-loose, its error-tolerant sibling, reads what does not parse): the
 * arguments of fetch, XMLHttpRequest.open, WebSocket, EventSource, sendBeacon, dynamic and static
 * imports, workers and `.src` assignments — string literals, template literals with a static
 * origin (`https://api.example.com/${id}`), concatenations, `new URL(path, base)`, and constants
 * declared once in the file. A URL in a comment or in a string nothing loads (an SVG namespace,
 * a link shown to the user) is not a load, so it is not reported; a load whose URL is computed at
 * run time is reported as dynamic. connect-src governs fetch, XHR, EventSource, beacons and
 * WebSockets (CSP Level 3 §6.1.2, https://www.w3.org/TR/CSP3/#directive-connect-src); imports
 * are scripts, and workers fall back to script-src when no worker-src or child-src is set
 * (§6.2.2), which hosts build from the resource list.
 *
 * Why acorn rather than @babel/parser or meriyah: it is already installed (ESLint's espree uses
 * it), small, gives ESTree nodes with line/column, and has a maintained tolerant parser from the
 * same project, so a widget with a syntax error is still read and the error is reported.
 */

export interface ScriptSource {
  /** `inline #n` or the script's URL. */
  label: string;
  /** The script's own URL: what relative `import` specifiers resolve against. */
  url: string | null;
  /** Where the script starts in the file that holds it (1-based), for inline scripts in HTML. */
  line: number;
  column: number;
  /** The text line numbers refer to, for excerpts (the HTML for inline scripts). */
  file: string;
  fileLines: number[];
}

export interface JsResult {
  loads: Load[];
  parseError: { message: string; line: number; column: number } | null;
}

type AnyNode = acorn.AnyNode;

const HTTP_METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i;
const GLOBALS = new Set(['window', 'globalThis', 'self']);

/** A value known before run time: the whole string, or only a prefix of it. */
interface Static {
  value: string;
  complete: boolean;
}

interface Scope {
  consts: Map<string, string>;
  /** The script's URL, for `new URL(path, import.meta.url)`. */
  moduleUrl: string | null;
}

const isImportMetaUrl = (node: AnyNode | undefined) =>
  node?.type === 'MemberExpression' &&
  node.object.type === 'MetaProperty' &&
  node.object.meta.name === 'import' &&
  node.property.type === 'Identifier' &&
  node.property.name === 'url';

function staticValue(node: AnyNode | null | undefined, scope: Scope, depth = 0): Static | null {
  if (!node || depth > 8) return null;
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? { value: node.value, complete: true } : null;
    case 'TemplateLiteral': {
      let value = '';
      for (const [i, quasi] of node.quasis.entries()) {
        value += quasi.value.cooked ?? quasi.value.raw;
        const expr = node.expressions[i];
        if (!expr) continue;
        const inner = staticValue(expr, scope, depth + 1);
        if (!inner) return value ? { value, complete: false } : null;
        value += inner.value;
        if (!inner.complete) return { value, complete: false };
      }
      return { value, complete: true };
    }
    case 'BinaryExpression': {
      if (node.operator !== '+') return null;
      const left = staticValue(node.left as AnyNode, scope, depth + 1);
      if (!left) return null;
      if (!left.complete) return left;
      const right = staticValue(node.right, scope, depth + 1);
      return right
        ? { value: left.value + right.value, complete: right.complete }
        : { value: left.value, complete: false };
    }
    case 'Identifier': {
      const value = scope.consts.get(node.name);
      return value === undefined ? null : { value, complete: true };
    }
    case 'NewExpression': {
      // new URL(path, base)
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'URL') return null;
      const path = staticValue(node.arguments[0] as AnyNode, scope, depth + 1);
      const second = node.arguments[1] as AnyNode | undefined;
      const base =
        isImportMetaUrl(second) && scope.moduleUrl
          ? { value: scope.moduleUrl, complete: true }
          : staticValue(second, scope, depth + 1);
      if (!path?.complete) return null;
      if (!base) return path;
      try {
        return { value: new URL(path.value, base.value).href, complete: base.complete };
      } catch {
        return null;
      }
    }
    default:
      return null;
  }
}

/** `const NAME = <static string>` declared exactly once in the file (scopes are not tracked). */
function constants(ast: acorn.Program, moduleUrl: string | null): Map<string, string> {
  const seen = new Map<string, number>();
  const found = new Map<string, string>();
  walk.simple(ast, {
    VariableDeclarator(node) {
      if (node.id.type !== 'Identifier') return;
      const name = node.id.name;
      seen.set(name, (seen.get(name) ?? 0) + 1);
      const value = staticValue(node.init as AnyNode, { consts: found, moduleUrl });
      if (value?.complete) found.set(name, value.value);
    },
  });
  for (const [name, count] of seen) if (count > 1) found.delete(name);
  return found;
}

/** What acorn throws: a SyntaxError with the position it stopped at. */
interface ParseFailure {
  message: string;
  pos?: number;
  loc?: { line: number; column: number };
}

function parse(code: string): { ast: acorn.Program; error: ParseFailure | null } {
  const options = (sourceType: 'module' | 'script'): acorn.Options => ({
    ecmaVersion: 'latest',
    sourceType,
    locations: true,
    allowHashBang: true,
  });
  let firstError: ParseFailure | null = null;
  for (const sourceType of ['module', 'script'] as const) {
    try {
      return { ast: acorn.parse(code, options(sourceType)), error: null };
    } catch (err) {
      // Keep the error of the parse that got further: usually the script's for classic scripts.
      const failure = err as ParseFailure;
      if ((failure.pos ?? -1) >= (firstError?.pos ?? -1)) firstError = failure;
    }
  }
  return {
    ast: acornLoose.parse(code, options('script')),
    error: firstError,
  };
}

const calleeName = (callee: AnyNode): string | null => {
  if (callee.type === 'Identifier') return callee.name;
  if (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property.type === 'Identifier' &&
    (callee.object.type !== 'Identifier' || GLOBALS.has(callee.object.name))
  )
    return callee.object.type === 'Identifier' ? callee.property.name : null;
  return null;
};

/** Every load in one script. `code` is already bounded by the caller. */
export function jsLoads(code: string, source: ScriptSource): JsResult {
  const { ast, error } = parse(code);
  const scope: Scope = { consts: constants(ast, source.url), moduleUrl: source.url };
  const loads: Load[] = [];
  const at = (node: AnyNode) => {
    const loc = node.loc?.start ?? { line: 1, column: 0 };
    const line = source.line + loc.line - 1;
    const column = loc.line === 1 ? source.column + loc.column : loc.column + 1;
    return {
      script: source.label,
      line,
      column,
      excerpt: excerptAt(source.file, source.fileLines, line, column),
    };
  };
  const add = (arg: AnyNode | undefined, kind: CspList, via: Via, node: AnyNode) => {
    if (!arg) return;
    const value = staticValue(arg, scope);
    const ref = value ? value.value : null;
    loads.push({
      ref: ref === '' ? null : ref,
      base: via === 'import' ? source.url : null,
      kind,
      via,
      source: at(arg.type === 'Identifier' ? node : arg),
    });
  };
  const isFrame = (target: AnyNode) => /frame/i.test(code.slice(target.start, target.end));

  walk.simple(ast, {
    CallExpression(node) {
      const name = calleeName(node.callee as AnyNode);
      const [first, second] = node.arguments as AnyNode[];
      if (name === 'fetch') {
        const request =
          first?.type === 'NewExpression' &&
          first.callee.type === 'Identifier' &&
          first.callee.name === 'Request'
            ? (first.arguments[0] as AnyNode)
            : first;
        add(request, 'connect', 'fetch', node);
      } else if (name === 'importScripts') {
        for (const arg of node.arguments) add(arg as AnyNode, 'resource', 'script', node);
      } else if (
        node.callee.type === 'MemberExpression' &&
        node.callee.property.type === 'Identifier'
      ) {
        const method = node.callee.property.name;
        if (method === 'open' && first?.type === 'Literal' && HTTP_METHOD.test(String(first.value)))
          add(second, 'connect', 'xhr', node);
        else if (method === 'sendBeacon') add(first, 'connect', 'beacon', node);
        else if (method === 'setAttribute' && first?.type === 'Literal' && first.value === 'src')
          add(
            second,
            isFrame(node.callee.object as AnyNode) ? 'frame' : 'resource',
            'src-assignment',
            node,
          );
      }
    },
    NewExpression(node) {
      if (node.callee.type !== 'Identifier') return;
      const first = node.arguments[0] as AnyNode | undefined;
      const byName: Record<string, [CspList, Via]> = {
        WebSocket: ['connect', 'websocket'],
        EventSource: ['connect', 'eventsource'],
        Request: ['connect', 'fetch'],
        Worker: ['resource', 'worker'],
        SharedWorker: ['resource', 'worker'],
      };
      const target = byName[node.callee.name];
      if (target) add(first, target[0], target[1], node);
    },
    ImportExpression(node) {
      add(node.source as AnyNode, 'resource', 'import', node);
    },
    ImportDeclaration(node) {
      add(node.source as AnyNode, 'resource', 'import', node);
    },
    ExportNamedDeclaration(node) {
      if (node.source) add(node.source as AnyNode, 'resource', 'import', node);
    },
    ExportAllDeclaration(node) {
      add(node.source as AnyNode, 'resource', 'import', node);
    },
    AssignmentExpression(node) {
      const left = node.left as AnyNode;
      if (
        left.type === 'MemberExpression' &&
        !left.computed &&
        left.property.type === 'Identifier' &&
        left.property.name === 'src'
      )
        add(
          node.right as AnyNode,
          isFrame(left.object as AnyNode) ? 'frame' : 'resource',
          'src-assignment',
          node,
        );
    },
  });

  // `fetch(new Request(url))` is seen twice, as fetch and as Request: keep the first.
  const unique = loads.filter(
    (l, i) =>
      loads.findIndex(
        (o) => o.source.line === l.source.line && o.source.column === l.source.column,
      ) === i,
  );
  const loc = error?.loc;
  return {
    loads: unique,
    parseError: error
      ? {
          // acorn appends "(line:column)" relative to the script; the fields below say where.
          message: String(error.message)
            .replace(/\s*\(\d+:\d+\)$/, '')
            .slice(0, 200),
          line: source.line + (loc?.line ?? 1) - 1,
          column:
            (loc?.line ?? 1) === 1 ? source.column + (loc?.column ?? 0) : (loc?.column ?? 0) + 1,
        }
      : null,
  };
}
