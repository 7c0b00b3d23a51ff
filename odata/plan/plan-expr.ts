/**
 * Planner for expressions: resolves a $filter/$orderby AST against the model into a TypedExpr, checking
 * names, operand types, function signatures and the node-count limit. Pure: no I/O, no SQL.
 *   $filter=Parent/Name eq 'Sales'
 *     |-- Compare(eq, Column($it/Parent → Name : String, nullable), Value('Sales'))
 */
import { ODataError } from '../errors';
import { navigation, property, entitySet, type EntitySetDef, type MemberDef, type NavigationDef, type PropertyDef } from '../model';
import type { Expr, LiteralNode } from '../parse/ast';
import { argMatches, CANONICAL_FUNCTIONS, CAST_TARGETS, isNumeric, promoteNumeric } from './canonical-functions';
import { checkPattern } from './regex-safety';
import type { ExprType, JsonBase, JsonCollection, RangeVariable, TypedExpr, ValueExpr } from './typed-expr';

export interface ExprContext {
  /** The query option being planned, for error targets: '$filter' or '$orderby'. */
  readonly option: string;
  readonly root: RangeVariable;
  /** Lambda variables in scope, innermost last. */
  readonly variables: readonly RangeVariable[];
  /** Shared counter of planned nodes, checked against maxNodes. */
  readonly counter: { nodes: number };
  readonly maxNodes: number;
  readonly maxInListItems: number;
}

const LITERAL_TYPES: Record<LiteralNode['type'], ExprType> = {
  null: 'Null',
  boolean: 'Edm.Boolean',
  int: 'Edm.Int64',
  decimal: 'Edm.Decimal',
  double: 'Edm.Double',
  string: 'Edm.String',
  date: 'Edm.Date',
  dateTimeOffset: 'Edm.DateTimeOffset',
  timeOfDay: 'Edm.TimeOfDay',
  duration: 'Edm.Duration',
  guid: 'Edm.Guid',
};

function mismatch(ctx: ExprContext, message: string): ODataError {
  return new ODataError('TypeMismatch', `${ctx.option}: ${message}`, ctx.option);
}

/** Plans one expression node (recursively). */
export function planExpr(node: Expr, ctx: ExprContext): TypedExpr {
  ctx.counter.nodes += 1;
  if (ctx.counter.nodes > ctx.maxNodes) {
    throw new ODataError(
      'LimitExceeded',
      `${ctx.option} has more than ${ctx.maxNodes} nodes; simplify the expression`,
      ctx.option,
    );
  }
  switch (node.kind) {
    case 'Literal':
      return planLiteral(node);
    case 'Member':
      return planMember(node.path, ctx);
    case 'Lambda':
      return planLambda(node, ctx);
    case 'Not': {
      const operand = planBoolean(node.operand, ctx, 'not');
      return { kind: 'Not', operand, type: 'Edm.Boolean', nullable: false };
    }
    case 'Negate': {
      const operand = planExpr(node.operand, ctx);
      if (!isNumeric(operand.type) && operand.type !== 'Edm.Duration' && operand.type !== 'Null') {
        throw mismatch(ctx, `cannot negate a value of type ${operand.type}`);
      }
      return { kind: 'Negate', operand, type: operand.type, nullable: operand.nullable };
    }
    case 'In': {
      const left = planExpr(node.left, ctx);
      if (node.list.length > ctx.maxInListItems) {
        throw new ODataError('LimitExceeded', `${ctx.option}: an 'in' list may have at most ${ctx.maxInListItems} items`, ctx.option);
      }
      const list = node.list.map((item) => coerceTo(planExpr(item, ctx), left.type, ctx, 'in'));
      return { kind: 'In', left, list, type: 'Edm.Boolean', nullable: false };
    }
    case 'Binary':
      return planBinary(node.op, node.left, node.right, ctx);
    case 'Call':
      return planCall(node.name, node.args, ctx);
    case 'TypeName':
      throw mismatch(ctx, `type name ${node.name} is only allowed as the last argument of cast`);
  }
}

/** Plans an operand that must be Boolean (and, or, not, the whole $filter). */
export function planBoolean(node: Expr, ctx: ExprContext, where: string): TypedExpr {
  const expr = planExpr(node, ctx);
  if (expr.type !== 'Edm.Boolean' && expr.type !== 'Null') {
    throw mismatch(ctx, `${where} needs a Boolean expression, got ${expr.type}`);
  }
  return expr;
}

function planLiteral(node: LiteralNode): ValueExpr {
  let type = LITERAL_TYPES[node.type];
  if (node.type === 'int' && typeof node.value === 'number' && Math.abs(node.value) <= 2147483647) type = 'Edm.Int32';
  return { kind: 'Value', type, value: node.value, nullable: node.type === 'null' };
}

function resolveVariable(path: readonly string[], ctx: ExprContext): { variable: RangeVariable; rest: readonly string[] } {
  const [first, ...rest] = path;
  if (first === '$it') return { variable: ctx.root, rest };
  const lambda = [...ctx.variables].reverse().find((v) => v.name === first);
  if (lambda) return { variable: lambda, rest };
  return { variable: ctx.root, rest: path };
}

/** Walks single-valued navigations: `['Parent','Parent','Name']` from Teams → navPath [Parent,Parent], last 'Name'. */
function walkNavigations(set: EntitySetDef, path: readonly string[], ctx: ExprContext) {
  const navPath: NavigationDef[] = [];
  let current = set;
  let nullable = false;
  for (let i = 0; i < path.length - 1; i += 1) {
    const segment = path[i] as string;
    const nav = navigation(current, segment);
    if (!nav) {
      if (property(current, segment)) throw mismatch(ctx, `${segment} is not a navigation property of ${current.typeName}`);
      throw unknownName(segment, current, ctx);
    }
    if (nav.collection) {
      throw mismatch(ctx, `${segment} is a collection; use ${segment}/any(x: …) or ${segment}/all(x: …)`);
    }
    navPath.push(nav);
    nullable ||= nav.nullable === true;
    current = targetSet(nav);
  }
  return { navPath, set: current, last: path[path.length - 1] as string, nullable };
}

function unknownName(name: string, set: EntitySetDef, ctx: ExprContext): ODataError {
  const names = [...set.properties.map((p) => p.name), ...set.navigations.map((n) => n.name)];
  const hint = names.find((n) => n.toLowerCase() === name.toLowerCase());
  return new ODataError(
    'UnknownProperty',
    `${ctx.option}: ${set.typeName} has no property '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}`,
    ctx.option,
  );
}

export function targetSet(nav: NavigationDef): EntitySetDef {
  const set = entitySet(nav.target);
  if (!set) throw new Error(`model: navigation ${nav.name} targets unknown set ${nav.target}`);
  return set;
}

/** An operand of a comparison; a path to a complex value is allowed when `complexAllowed` (compared with null). */
function planOperand(node: Expr, complexAllowed: boolean, ctx: ExprContext): TypedExpr {
  if (!complexAllowed || node.kind !== 'Member') return planExpr(node, ctx);
  ctx.counter.nodes += 1;
  return planMember(node.path, ctx, true);
}

function planMember(path: readonly string[], ctx: ExprContext, complexAllowed = false): TypedExpr {
  const { variable, rest } = resolveVariable(path, ctx);
  if (rest[rest.length - 1] === '$count') return planCount(variable, rest.slice(0, -1), ctx);
  const json = jsonTarget(variable, rest, ctx);
  if (json) return jsonValueOf(json, path, ctx, complexAllowed);
  if (rest.length === 0) throw mismatch(ctx, `'${path.join('/')}' is an entity, not a value; name one of its properties`);
  const walked = walkNavigations(variable.set, rest, ctx);
  const prop = property(walked.set, walked.last);
  if (!prop) {
    const nav = navigation(walked.set, walked.last);
    if (nav) throw mismatch(ctx, `${walked.last} is a navigation property; name one of its properties (${walked.last}/…)`);
    throw unknownName(walked.last, walked.set, ctx);
  }
  return {
    kind: 'Column',
    variable: variable.name,
    navPath: walked.navPath,
    set: walked.set,
    property: prop,
    type: prop.type,
    nullable: prop.nullable || walked.nullable,
  };
}

/** `Members/$count` → Count(Members). */
function planCount(variable: RangeVariable, path: readonly string[], ctx: ExprContext): TypedExpr {
  if (path.length === 0) throw mismatch(ctx, '$count needs a collection navigation before it: Members/$count');
  const json = jsonTarget(variable, path, ctx);
  if (json) return { kind: 'JsonCount', collection: jsonCollection(json, path, '$count', ctx), type: 'Edm.Int64', nullable: false };
  const walked = walkNavigations(variable.set, path, ctx);
  const nav = navigation(walked.set, walked.last);
  if (!nav || !nav.collection) throw mismatch(ctx, `${walked.last}/$count needs ${walked.last} to be a collection navigation property`);
  return {
    kind: 'Count',
    source: { variable: variable.name, navPath: walked.navPath, set: walked.set },
    navigation: nav,
    type: 'Edm.Int64',
    nullable: false,
  };
}

function planLambda(node: Extract<Expr, { kind: 'Lambda' }>, ctx: ExprContext): TypedExpr {
  const { variable, rest } = resolveVariable(node.path, ctx);
  if (rest.length === 0) throw mismatch(ctx, `${node.op} needs a collection navigation before it`);
  const json = jsonTarget(variable, rest, ctx);
  if (json) return planJsonLambda(node, variable, json, ctx);
  const walked = walkNavigations(variable.set, rest, ctx);
  const nav = navigation(walked.set, walked.last);
  if (!nav || !nav.collection) {
    throw mismatch(ctx, `${walked.last} is not a collection navigation property of ${walked.set.typeName}; ${node.op} needs one`);
  }
  const lambdaVar: RangeVariable = { name: node.variable ?? '$lambda', set: targetSet(nav) };
  if (node.variable && (node.variable === '$it' || ctx.variables.some((v) => v.name === node.variable))) {
    throw mismatch(ctx, `lambda variable '${node.variable}' is already in use`);
  }
  const inner: ExprContext = { ...ctx, variables: [...ctx.variables, lambdaVar] };
  const predicate = node.predicate ? planBoolean(node.predicate, inner, node.op) : undefined;
  if (node.op === 'all' && !predicate) throw mismatch(ctx, 'all() needs a predicate: all(x: …)');
  return {
    kind: 'Lambda',
    op: node.op,
    source: { variable: variable.name, navPath: walked.navPath, set: walked.set },
    navigation: nav,
    variable: lambdaVar,
    predicate,
    type: 'Edm.Boolean',
    nullable: false,
  };
}

/** Adapts a literal to the type it is compared with (Date literal vs DateTimeOffset column → midnight UTC). */
function coerceTo(expr: TypedExpr, type: ExprType, ctx: ExprContext, op: string): TypedExpr {
  if (expr.type === type || expr.type === 'Null' || type === 'Null') return expr;
  if (isNumeric(expr.type) && isNumeric(type)) return expr;
  if (expr.kind === 'Value' && expr.type === 'Edm.Date' && type === 'Edm.DateTimeOffset') {
    return { ...expr, type, value: `${String(expr.value)}T00:00:00Z` };
  }
  if (expr.kind === 'Value' && expr.type === 'Edm.String' && type === 'Edm.Guid') {
    throw mismatch(ctx, `'${op}' compares a Guid with a string; write the GUID without quotes`);
  }
  throw mismatch(ctx, `'${op}' cannot compare ${type} with ${expr.type}`);
}

function planBinary(op: string, leftNode: Expr, rightNode: Expr, ctx: ExprContext): TypedExpr {
  if (op === 'and' || op === 'or') {
    const left = planBoolean(leftNode, ctx, op);
    const right = planBoolean(rightNode, ctx, op);
    return { kind: 'Logical', op, left, right, type: 'Edm.Boolean', nullable: false };
  }
  if (op === 'has') throw new ODataError('UnsupportedQueryOption', `${ctx.option}: 'has' needs enumeration types, and this model has none`, ctx.option);
  // `ProjectOwner eq null`: a whole complex value may be compared with null (and with nothing else)
  const nullTest = (other: Expr) => (op === 'eq' || op === 'ne') && other.kind === 'Literal' && other.type === 'null';
  let left = planOperand(leftNode, nullTest(rightNode), ctx);
  let right = planOperand(rightNode, nullTest(leftNode), ctx);
  if (op === 'eq' || op === 'ne' || op === 'gt' || op === 'ge' || op === 'lt' || op === 'le') {
    right = coerceTo(right, left.type, ctx, op);
    left = coerceTo(left, right.type, ctx, op);
    return { kind: 'Compare', op, left, right, type: 'Edm.Boolean', nullable: false };
  }
  // arithmetic
  const arith = op as 'add' | 'sub' | 'mul' | 'div' | 'divby' | 'mod';
  const nullable = left.nullable || right.nullable;
  if ((arith === 'add' || arith === 'sub') && left.type === 'Edm.DateTimeOffset' && right.type === 'Edm.Duration') {
    return { kind: 'Arithmetic', op: arith, left, right, type: 'Edm.DateTimeOffset', nullable };
  }
  if (arith === 'sub' && left.type === 'Edm.DateTimeOffset' && right.type === 'Edm.DateTimeOffset') {
    return { kind: 'Arithmetic', op: arith, left, right, type: 'Edm.Duration', nullable };
  }
  for (const side of [left, right]) {
    if (!isNumeric(side.type) && side.type !== 'Null') throw mismatch(ctx, `'${op}' needs numbers, got ${side.type}`);
  }
  let type = promoteNumeric(left.type, right.type);
  if (arith === 'divby') type = type === 'Edm.Double' ? 'Edm.Double' : 'Edm.Decimal';
  return { kind: 'Arithmetic', op: arith, left, right, type, nullable };
}

function planCall(name: string, argNodes: readonly Expr[], ctx: ExprContext): TypedExpr {
  const fn = name.toLowerCase();
  if (fn === 'cast') return planCast(argNodes, ctx);
  const signatures = CANONICAL_FUNCTIONS[fn];
  if (!signatures) {
    throw new ODataError('UnknownFunction', `${ctx.option}: unknown function '${name}'`, ctx.option);
  }
  const args = argNodes.map((a) => planExpr(a, ctx));
  const signature = signatures.find((s) => s.args.length === args.length && s.args.every((k, i) => argMatches(k, (args[i] as TypedExpr).type)));
  if (!signature) {
    const expected = signatures.map((s) => `${fn}(${s.args.join(', ')})`).join(' or ');
    const got = `${fn}(${args.map((a) => a.type).join(', ')})`;
    throw mismatch(ctx, `${got} does not match ${expected}`);
  }
  if (fn === 'matchespattern') checkPatternArgument(args[1] as TypedExpr, ctx);
  const type = signature.result === 'same' ? (args[0] as TypedExpr).type : signature.result;
  return { kind: 'Function', name: fn, args, type, nullable: args.some((a) => a.nullable) };
}

/**
 * matchesPattern's pattern must be a string literal (or null), checked here by regex-safety.ts so that no
 * costly or misread regular expression reaches the database; a pattern computed per row can't be checked.
 */
function checkPatternArgument(pattern: TypedExpr, ctx: ExprContext): void {
  if (pattern.kind === 'Value' && typeof pattern.value === 'string') return checkPattern(pattern.value, ctx.option);
  if (pattern.kind === 'Value' && pattern.type === 'Null') return;
  throw new ODataError(
    'UnsupportedQueryOption',
    `${ctx.option}: matchesPattern needs a literal pattern, e.g. matchesPattern(LastName,'^Mc'); a property or expression as the pattern can't be checked before it runs`,
    ctx.option,
  );
}

function planCast(argNodes: readonly Expr[], ctx: ExprContext): TypedExpr {
  const typeNode = argNodes[argNodes.length - 1];
  if (argNodes.length !== 2 || !typeNode || typeNode.kind !== 'TypeName') {
    throw mismatch(ctx, 'cast takes a value and a type name: cast(Property, Edm.String)');
  }
  const target = typeNode.name as ExprType;
  if (!CAST_TARGETS.includes(target)) throw mismatch(ctx, `cannot cast to ${typeNode.name}`);
  const value = planExpr(argNodes[0] as Expr, ctx);
  return { kind: 'Function', name: 'cast', args: [value], type: target, nullable: value.nullable };
}

// ---- complex (JSON) properties: paths into them, lambdas and $count over their collections ----

/** Where a path into a complex property leads: its start, the members walked, and the declaration reached. */
interface JsonTarget {
  readonly base: JsonBase;
  readonly members: readonly MemberDef[];
  /** The declaration reached (the property, a member, or the collection a lambda variable ranges over). */
  readonly decl: PropertyDef | MemberDef;
  /** True when the path is a lambda variable alone: one element of `decl`, not the collection. */
  readonly element: boolean;
  readonly nullable: boolean;
}

/**
 * Resolves a path that goes into a complex property, or returns undefined for any other path:
 *   Projects, ['ProjectOwner','Email'] → { base: ProjectOwner of $it, members: [Email], decl: Email }
 *   r (over Assets/Repositories), ['Url'] → { base: element r, members: [Url], decl: Url }
 */
function jsonTarget(variable: RangeVariable, rest: readonly string[], ctx: ExprContext): JsonTarget | undefined {
  if (variable.element) {
    const start = variable.element;
    if (rest.length === 0) return { base: { kind: 'element', variable: variable.name }, members: [], decl: start, element: true, nullable: false };
    if (!start.complex) throw mismatch(ctx, `${variable.name} is a ${start.type} value and has no member '${rest[0] ?? ''}'`);
    const walked = walkMembers(start, rest, true, ctx);
    return { base: { kind: 'element', variable: variable.name }, ...walked, element: false };
  }
  let current = variable.set;
  for (let i = 0; i < rest.length; i += 1) {
    const segment = rest[i] as string;
    const nav = navigation(current, segment);
    if (nav && !nav.collection) {
      current = targetSet(nav);
      continue;
    }
    const prop = property(current, segment);
    if (!prop?.complex) return undefined;
    const navs = walkNavigations(variable.set, rest.slice(0, i + 1), ctx);
    const base: JsonBase = { kind: 'property', variable: variable.name, navPath: navs.navPath, set: navs.set, property: prop };
    const walked = walkMembers(prop, rest.slice(i + 1), false, ctx);
    return { base, ...walked, nullable: walked.nullable || navs.nullable || prop.nullable, element: false };
  }
  return undefined;
}

/** Walks member names below `start` (one element of it when `inElement`): ['Repositories'] below Assets → [Repositories]. */
function walkMembers(start: PropertyDef | MemberDef, names: readonly string[], inElement: boolean, ctx: ExprContext) {
  const members: MemberDef[] = [];
  let decl: PropertyDef | MemberDef = start;
  let nullable = false;
  for (const name of names) {
    if (decl.collection && !(inElement && decl === start)) {
      throw mismatch(ctx, `${decl.name} is a collection; use ${decl.name}/any(x: x/${name} …), ${decl.name}/all(…) or ${decl.name}/$count`);
    }
    const type = decl.complex;
    if (!type) throw mismatch(ctx, `${decl.name} is a ${decl.type} value and has no member '${name}'`);
    const next = type.members.find((m) => m.name === name);
    if (!next) {
      const hint = type.members.find((m) => m.name.toLowerCase() === name.toLowerCase());
      throw new ODataError('UnknownProperty', `${ctx.option}: ${type.name} has no property '${name}'${hint ? ` (did you mean '${hint.name}'?)` : ''}`, ctx.option);
    }
    members.push(next);
    nullable ||= next.nullable;
    decl = next;
  }
  return { members, decl, nullable };
}

/** A path into a complex property used as a value: it must end at a primitive (`ProjectOwner/Email`, or `d` over Dependencies). */
function jsonValueOf(target: JsonTarget, path: readonly string[], ctx: ExprContext, complexAllowed: boolean): TypedExpr {
  const { decl } = target;
  const text = path.join('/');
  if (decl.collection && !target.element) throw mismatch(ctx, `${text} is a collection; use ${text}/any(x: …), ${text}/all(x: …) or ${text}/$count`);
  // compared with null: its JSON text is null exactly when the value is absent or null
  if (decl.complex && complexAllowed) return { kind: 'JsonValue', base: target.base, members: target.members, type: 'Null', nullable: true };
  if (decl.complex) throw mismatch(ctx, `${text} is a ${decl.complex.name}; name one of its members: ${text}/${decl.complex.members[0]?.name ?? '…'}`);
  return { kind: 'JsonValue', base: target.base, members: target.members, type: decl.type, nullable: target.nullable };
}

/** The collection a lambda or $count goes over: `Assets/Repositories`; anything else is a 400. */
function jsonCollection(target: JsonTarget, path: readonly string[], what: string, ctx: ExprContext): JsonCollection {
  if (!target.decl.collection || target.element) throw mismatch(ctx, `${path.join('/')} is not a collection; ${what} needs one`);
  return { base: target.base, members: target.members, declaration: target.decl };
}

/** `Assets/Repositories/any(r: r/Platform eq 'github.com')` → JsonLambda; `r` ranges over the elements. */
function planJsonLambda(node: Extract<Expr, { kind: 'Lambda' }>, variable: RangeVariable, target: JsonTarget, ctx: ExprContext): TypedExpr {
  const collection = jsonCollection(target, node.path, node.op, ctx);
  const name = node.variable ?? '$lambda';
  if (node.variable && (node.variable === '$it' || ctx.variables.some((v) => v.name === node.variable))) {
    throw mismatch(ctx, `lambda variable '${node.variable}' is already in use`);
  }
  const lambdaVar: RangeVariable = { name, set: variable.set, element: collection.declaration };
  const predicate = node.predicate ? planBoolean(node.predicate, { ...ctx, variables: [...ctx.variables, lambdaVar] }, node.op) : undefined;
  if (node.op === 'all' && !predicate) throw mismatch(ctx, 'all() needs a predicate: all(x: …)');
  return { kind: 'JsonLambda', op: node.op, collection, variable: name, predicate, type: 'Edm.Boolean', nullable: false };
}
