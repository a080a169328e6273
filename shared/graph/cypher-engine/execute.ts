/**
 * Runs a parsed statement on a MemoryGraph with Cypher's semantics: rows flow clause by clause, WHERE keeps
 * only rows that are definitely true (three-valued logic), MERGE matches or creates per row, ORDER BY uses
 * Cypher's cross-type order (nulls last ascending), and every value comparison follows predicates.ts.
 */
import { compare, cypherOrder, equals, type Ternary } from './values';
import type { BinaryOp, Clause, Expr, NodePattern, Pattern, Projection, RelPattern } from './ast';
import type { GraphNodeValue, GraphRelValue, MemoryGraph, Properties } from './memory-graph';

export class CypherRuntimeError extends Error {
  constructor(
    message: string,
    readonly code = 'Neo.ClientError.Statement.TypeError',
  ) {
    super(message);
  }
}

export interface QueryResult {
  readonly fields: string[];
  readonly records: unknown[][];
}

type Row = ReadonlyMap<string, unknown>;
const extend = (row: Row, name: string | undefined, value: unknown): Row => (name === undefined ? row : new Map(row).set(name, value));

const isNode = (v: unknown): v is GraphNodeValue => (v as GraphNodeValue | null)?.kind === 'node' && typeof (v as GraphNodeValue).id === 'number';
const isRel = (v: unknown): v is GraphRelValue => (v as GraphRelValue | null)?.kind === 'rel' && typeof (v as GraphRelValue).id === 'number';
const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !isNode(v) && !isRel(v);

const and = (a: Ternary, b: Ternary): Ternary => (a === false || b === false ? false : a === null || b === null ? null : true);
const or = (a: Ternary, b: Ternary): Ternary => (a === true || b === true ? true : a === null || b === null ? null : false);
const not = (a: Ternary): Ternary => (a === null ? null : !a);
function truth(value: unknown): Ternary {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'boolean') throw new CypherRuntimeError(`expected a boolean, got ${typeof value}`);
  return value;
}

function stringOp(l: unknown, r: unknown, test: (a: string, b: string) => boolean): Ternary {
  return typeof l === 'string' && typeof r === 'string' ? test(l, r) : null;
}

/** `=~` matches the whole string, as Java's Pattern.matches does in Neo4j. */
function regex(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    throw new CypherRuntimeError(`Invalid Regex: ${pattern}`, 'Neo.ClientError.Statement.ArgumentError');
  }
}

/** `x IN list`: true on a match; unknown if no match but a comparison was unknown; else false. */
function inList(value: unknown, list: unknown): Ternary {
  if (list === null || list === undefined) return null;
  if (!Array.isArray(list)) throw new CypherRuntimeError('IN needs a list');
  let unknown = false;
  for (const item of list) {
    const eq = equals(value, item);
    if (eq === true) return true;
    if (eq === null) unknown = true;
  }
  return unknown ? null : false;
}

/** A stable identity for DISTINCT: nodes and relationships by id, everything else by value. */
function identity(value: unknown): string {
  if (isNode(value)) return `n${value.id}`;
  if (isRel(value)) return `r${value.id}`;
  if (Array.isArray(value)) return `[${value.map(identity).join(',')}]`;
  if (isMap(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${identity(value[k])}`).join(',')}}`;
  return JSON.stringify(value ?? null);
}

export class Execution {
  constructor(
    private readonly graph: MemoryGraph,
    private readonly params: Readonly<Record<string, unknown>>,
  ) {}

  run(clauses: readonly Clause[]): QueryResult {
    let rows: Row[] = [new Map()];
    for (const clause of clauses) {
      if (clause.c === 'return') return this.project(rows, clause, true).result;
      rows = this.clause(clause, rows);
    }
    return { fields: [], records: [] };
  }

  private clause(clause: Clause, rows: Row[]): Row[] {
    switch (clause.c) {
      case 'unwind':
        return rows.flatMap((row) => {
          const list = this.eval(clause.expr, row);
          if (list === null || list === undefined) return [];
          return (Array.isArray(list) ? list : [list]).map((item) => extend(row, clause.alias, item));
        });
      case 'match':
        return rows.flatMap((row) => {
          const matches = this.matchAll(clause.patterns, row).filter((m) => !clause.where || this.test(clause.where, m));
          if (matches.length > 0 || !clause.optional) return matches;
          let empty = row;
          for (const pattern of clause.patterns) for (const name of variablesOf(pattern)) if (!row.has(name)) empty = extend(empty, name, null);
          return [empty];
        });
      case 'merge':
        return rows.flatMap((row) => {
          const matches = this.matchPattern(clause.pattern, row);
          return matches.length > 0 ? matches : [this.create(clause.pattern, row)];
        });
      case 'create':
        return rows.map((row) => clause.patterns.reduce((r, pattern) => this.create(pattern, r), row));
      case 'with': {
        const projected = this.project(rows, clause, false).rows;
        return clause.where ? projected.filter((row) => this.test(clause.where!, row)) : projected;
      }
      case 'set':
        for (const row of rows) for (const item of clause.items) this.set(item, row);
        return rows;
      case 'remove':
        for (const row of rows) {
          for (const item of clause.items) {
            const target = row.get(item.variable);
            if (target === null || target === undefined) continue;
            if (item.k === 'labels') {
              if (!isNode(target)) throw new CypherRuntimeError('only nodes have labels');
              for (const label of item.labels) this.graph.removeLabel(target, label);
            } else this.graph.setProperty(this.entity(target), item.name, null);
          }
        }
        return rows;
      case 'delete':
        for (const row of rows) {
          for (const expr of clause.exprs) {
            const target = this.eval(expr, row);
            if (target === null || target === undefined) continue;
            if (isRel(target)) this.graph.deleteRelationship(target);
            else if (isNode(target)) this.graph.deleteNode(target, clause.detach);
            else throw new CypherRuntimeError('DELETE takes a node or a relationship');
          }
        }
        return rows;
      case 'foreach':
        for (const row of rows) {
          const list = this.eval(clause.list, row);
          if (list === null || list === undefined) continue;
          if (!Array.isArray(list)) throw new CypherRuntimeError('FOREACH needs a list');
          for (const item of list) {
            let inner: Row[] = [extend(row, clause.variable, item)];
            for (const bodyClause of clause.body) inner = this.clause(bodyClause, inner);
          }
        }
        return rows;
      case 'return':
        throw new Error('unreachable');
    }
  }

  private entity(value: unknown): GraphNodeValue | GraphRelValue {
    if (isNode(value) || isRel(value)) {
      if (value.deleted) throw new CypherRuntimeError('the entity was deleted in this transaction', 'Neo.ClientError.Statement.EntityNotFound');
      return value;
    }
    throw new CypherRuntimeError('expected a node or a relationship');
  }

  private set(item: Extract<Clause, { c: 'set' }>['items'][number], row: Row): void {
    const target = row.get(item.variable);
    if (target === null || target === undefined) return;
    const entity = this.entity(target);
    if (item.k === 'labels') {
      if (!isNode(entity)) throw new CypherRuntimeError('only nodes have labels');
      for (const label of item.labels) this.graph.addLabel(entity, label);
      return;
    }
    if (item.k === 'prop') return this.graph.setProperty(entity, item.name, this.eval(item.expr, row));
    const value = this.eval(item.expr, row);
    const map = isNode(value) || isRel(value) ? value.props : value;
    if (!isMap(map)) throw new CypherRuntimeError('SET = / += needs a map');
    this.graph.setProperties(entity, item.k === 'replace' ? map : { ...entity.props, ...map });
  }

  // ---- projection: WITH and RETURN ----

  private project(rows: Row[], projection: Projection, isReturn: boolean): { rows: Row[]; result: QueryResult } {
    const aggregate = projection.items.some((item) => item.expr.t === 'call' && item.expr.name === 'count');
    let out: { row: Row; scope: Row }[];
    if (aggregate) {
      const groups = new Map<string, { row: Map<string, unknown>; rows: Row[] }>();
      const keys = projection.items.filter((item) => !(item.expr.t === 'call' && item.expr.name === 'count'));
      for (const row of rows) {
        const values = keys.map((item) => this.eval(item.expr, row));
        const id = identity(values);
        if (!groups.has(id)) groups.set(id, { row: new Map(keys.map((item, i) => [item.alias, values[i]])), rows: [] });
        groups.get(id)!.rows.push(row);
      }
      if (groups.size === 0 && keys.length === 0) groups.set('', { row: new Map(), rows: [] });
      out = [...groups.values()].map((group) => {
        for (const item of projection.items) {
          if (item.expr.t !== 'call' || item.expr.name !== 'count') continue;
          const arg = item.expr.args[0];
          group.row.set(item.alias, item.expr.star ? group.rows.length : group.rows.filter((r) => this.eval(arg, r) != null).length);
        }
        return { row: group.row, scope: group.row };
      });
    } else {
      out = rows.map((row) => {
        const projected = new Map(projection.items.map((item) => [item.alias, this.eval(item.expr, row)]));
        return { row: projected, scope: new Map([...row, ...projected]) };
      });
    }
    if (projection.distinct) {
      const seen = new Set<string>();
      out = out.filter(({ row }) => {
        const id = identity([...row.values()]);
        return seen.has(id) ? false : (seen.add(id), true);
      });
    }
    if (projection.order.length > 0) {
      const keyed = out.map((entry) => ({ entry, keys: projection.order.map((o) => this.eval(o.expr, entry.scope)) }));
      keyed.sort((a, b) => {
        for (let i = 0; i < projection.order.length; i++) {
          const order = cypherOrder(a.keys[i], b.keys[i]);
          if (order !== 0) return projection.order[i].descending ? -order : order;
        }
        return 0;
      });
      out = keyed.map((k) => k.entry);
    }
    const skip = projection.skip ? this.count(projection.skip, 'SKIP') : 0;
    const limit = projection.limit ? this.count(projection.limit, 'LIMIT') : Infinity;
    out = out.slice(skip, skip + limit);
    const fields = projection.items.map((item) => item.alias);
    return {
      rows: out.map((o) => o.row),
      result: isReturn ? { fields, records: out.map(({ row }) => fields.map((f) => row.get(f) ?? null)) } : { fields, records: [] },
    };
  }

  private count(expr: Expr, what: string): number {
    const value = this.eval(expr, new Map());
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new CypherRuntimeError(`${what} needs a non-negative integer`, 'Neo.ClientError.Statement.ArgumentError');
    return value;
  }

  // ---- patterns ----

  private matchAll(patterns: readonly Pattern[], row: Row): Row[] {
    let rows: Row[] = [row];
    for (const pattern of patterns) rows = rows.flatMap((r) => this.matchPattern(pattern, r));
    return rows;
  }

  private nodeFits(node: GraphNodeValue, pattern: NodePattern, props: Properties | undefined): boolean {
    if (node.deleted || !pattern.labels.every((label) => node.labels.has(label))) return false;
    return !props || Object.entries(props).every(([name, value]) => equals(node.props[name] ?? null, value) === true);
  }

  private propsOf(expr: Expr | undefined, row: Row): Properties | undefined {
    if (!expr) return undefined;
    const value = this.eval(expr, row);
    if (!isMap(value)) throw new CypherRuntimeError('pattern properties must be a map');
    return value;
  }

  private matchPattern(pattern: Pattern, row: Row): Row[] {
    const first = pattern.nodes[0];
    const firstProps = this.propsOf(first.props, row);
    const bound = first.variable !== undefined ? row.get(first.variable) : undefined;
    let starts: Iterable<GraphNodeValue>;
    if (bound !== undefined) {
      if (bound === null) return [];
      if (!isNode(bound)) throw new CypherRuntimeError(`${first.variable} is not a node`);
      starts = [bound];
    } else starts = this.graph.candidates(first.labels[0], firstProps?.key);
    let rows: { row: Row; at: GraphNodeValue }[] = [];
    for (const node of starts) if (this.nodeFits(node, first, firstProps)) rows.push({ row: extend(row, first.variable, node), at: node });
    pattern.rels.forEach((rel, i) => {
      const target = pattern.nodes[i + 1];
      rows = rows.flatMap(({ row: r, at }) => this.expand(r, at, rel, target));
    });
    return rows.map((r) => r.row);
  }

  private expand(row: Row, from: GraphNodeValue, rel: RelPattern, target: NodePattern): { row: Row; at: GraphNodeValue }[] {
    if (rel.hops) return this.expandPaths(row, from, rel, target);
    const relProps = this.propsOf(rel.props, row);
    const targetProps = this.propsOf(target.props, row);
    const boundTarget = target.variable !== undefined ? row.get(target.variable) : undefined;
    const boundRel = rel.variable !== undefined ? row.get(rel.variable) : undefined;
    if (boundTarget === null || boundRel === null) return [];
    const out: { row: Row; at: GraphNodeValue }[] = [];
    for (const { edge, other } of this.steps(from, rel, relProps)) {
      if (boundRel !== undefined && boundRel !== edge) continue;
      if (boundTarget !== undefined && boundTarget !== other) continue;
      if (!this.nodeFits(other, target, targetProps)) continue;
      out.push({ row: extend(extend(row, rel.variable, edge), target.variable, other), at: other });
    }
    return out;
  }

  /** The relationships one hop of `rel` may follow from `from`, with the node each leads to. */
  private steps(from: GraphNodeValue, rel: RelPattern, relProps: Properties | undefined): { edge: GraphRelValue; other: GraphNodeValue }[] {
    const out: { edge: GraphRelValue; other: GraphNodeValue }[] = [];
    for (const direction of rel.direction === 'both' ? (['out', 'in'] as const) : [rel.direction]) {
      for (const edge of this.graph.relationships(from, direction)) {
        if (edge.deleted || (rel.types.length > 0 && !rel.types.includes(edge.type))) continue;
        if (relProps && !Object.entries(relProps).every(([name, value]) => equals(edge.props[name] ?? null, value) === true)) continue;
        out.push({ edge, other: direction === 'out' ? edge.end : edge.start });
      }
    }
    return out;
  }

  /**
   * A variable-length relationship: every path of hops.min..hops.max edges that uses no edge twice (Cypher's
   * relationship uniqueness), one row per path, the variable (if any) bound to the path's edge list.
   */
  private expandPaths(row: Row, from: GraphNodeValue, rel: RelPattern, target: NodePattern): { row: Row; at: GraphNodeValue }[] {
    const { min, max } = rel.hops!;
    const relProps = this.propsOf(rel.props, row);
    const targetProps = this.propsOf(target.props, row);
    const boundTarget = target.variable !== undefined ? row.get(target.variable) : undefined;
    if (boundTarget === null || (rel.variable !== undefined && row.has(rel.variable))) {
      if (boundTarget === null) return [];
      throw new CypherRuntimeError('a variable-length relationship variable cannot be bound already', 'Neo.ClientError.Statement.SemanticError');
    }
    const out: { row: Row; at: GraphNodeValue }[] = [];
    const walk = (at: GraphNodeValue, path: GraphRelValue[]) => {
      if (path.length >= min && (boundTarget === undefined || boundTarget === at) && this.nodeFits(at, target, targetProps))
        out.push({ row: extend(extend(row, rel.variable, [...path]), target.variable, at), at });
      if (path.length === max) return;
      for (const { edge, other } of this.steps(at, rel, relProps)) {
        if (path.includes(edge)) continue;
        path.push(edge);
        walk(other, path);
        path.pop();
      }
    };
    walk(from, []);
    return out;
  }

  /** CREATE (and MERGE's create half): bound variables are reused, everything else is created. */
  private create(pattern: Pattern, row: Row): Row {
    let current = row;
    const nodes = pattern.nodes.map((node) => {
      const bound = node.variable !== undefined ? current.get(node.variable) : undefined;
      if (bound !== undefined && bound !== null) {
        if (!isNode(bound)) throw new CypherRuntimeError(`${node.variable} is not a node`);
        return bound;
      }
      if (bound === null) throw new CypherRuntimeError(`cannot create a relationship to null ${node.variable}`, 'Neo.ClientError.Statement.SemanticError');
      const created = this.graph.createNode(node.labels, this.propsOf(node.props, current) ?? {});
      current = extend(current, node.variable, created);
      return created;
    });
    pattern.rels.forEach((rel, i) => {
      if (rel.types.length !== 1 || rel.direction === 'both' || rel.hops) throw new CypherRuntimeError('a created relationship needs one type and a direction', 'Neo.ClientError.Statement.SemanticError');
      const [start, end] = rel.direction === 'out' ? [nodes[i], nodes[i + 1]] : [nodes[i + 1], nodes[i]];
      current = extend(current, rel.variable, this.graph.createRelationship(rel.types[0], start, end, this.propsOf(rel.props, current) ?? {}));
    });
    return current;
  }

  // ---- expressions ----

  private test(expr: Expr, row: Row): boolean {
    return truth(this.eval(expr, row)) === true;
  }

  eval(expr: Expr, row: Row): unknown {
    switch (expr.t) {
      case 'lit':
        return expr.v;
      case 'param':
        if (!Object.hasOwn(this.params, expr.name)) throw new CypherRuntimeError(`Expected parameter(s): ${expr.name}`, 'Neo.ClientError.Statement.ParameterMissing');
        return this.params[expr.name] ?? null;
      case 'var':
        if (!row.has(expr.name)) throw new CypherRuntimeError(`Variable \`${expr.name}\` not defined`, 'Neo.ClientError.Statement.SyntaxError');
        return row.get(expr.name) ?? null;
      case 'prop':
        return this.property(this.eval(expr.obj, row), expr.name);
      case 'index': {
        const obj = this.eval(expr.obj, row);
        const key = this.eval(expr.key, row);
        if (obj === null || key === null) return null;
        if (Array.isArray(obj) && typeof key === 'number') return obj[key < 0 ? obj.length + key : key] ?? null;
        if (typeof key !== 'string') throw new CypherRuntimeError('a property key must be a string');
        return this.property(obj, key);
      }
      case 'list':
        return expr.items.map((item) => this.eval(item, row));
      case 'map':
        return Object.fromEntries(expr.entries.map(([name, value]) => [name, this.eval(value, row)]));
      case 'not':
        return not(truth(this.eval(expr.e, row)));
      case 'neg': {
        const value = this.eval(expr.e, row);
        return value === null ? null : -(value as number);
      }
      case 'isnull': {
        const isNull = this.eval(expr.e, row) === null;
        return expr.negated ? !isNull : isNull;
      }
      case 'labels': {
        const value = this.eval(expr.e, row);
        if (value === null) return null;
        if (!isNode(value)) throw new CypherRuntimeError('label predicates need a node');
        return expr.labels.every((label) => value.labels.has(label));
      }
      case 'case': {
        for (const [condition, value] of expr.whens) if (this.test(condition, row)) return this.eval(value, row);
        return expr.otherwise ? this.eval(expr.otherwise, row) : null;
      }
      case 'bin':
        return this.binary(expr.op, expr.l, expr.r, row);
      case 'call':
        return this.call(expr, row);
      case 'listpred': {
        const list = this.eval(expr.list, row);
        if (list === null) return null;
        if (!Array.isArray(list)) throw new CypherRuntimeError(`${expr.fn}() needs a list`);
        const results = list.map((item) => truth(this.eval(expr.where, extend(row, expr.variable, item))));
        if (expr.fn === 'any') return results.reduce<Ternary>(or, false);
        const all = results.reduce<Ternary>(and, true);
        return expr.fn === 'all' ? all : results.reduce<Ternary>((acc, r) => and(acc, not(r)), true);
      }
      case 'exists':
        return this.matchAll(expr.patterns, row).some((match) => !expr.where || this.test(expr.where, match));
    }
  }

  private property(obj: unknown, name: string): unknown {
    if (obj === null || obj === undefined) return null;
    if (isNode(obj) || isRel(obj)) return obj.props[name] ?? null;
    if (isMap(obj)) return obj[name] ?? null;
    throw new CypherRuntimeError(`cannot read property ${name} of a ${Array.isArray(obj) ? 'list' : typeof obj}`);
  }

  private binary(op: BinaryOp, left: Expr, right: Expr, row: Row): unknown {
    if (op === 'AND' || op === 'OR' || op === 'XOR') {
      const l = truth(this.eval(left, row));
      if (op === 'AND' && l === false) return false;
      if (op === 'OR' && l === true) return true;
      const r = truth(this.eval(right, row));
      if (op === 'AND') return and(l, r);
      if (op === 'OR') return or(l, r);
      return l === null || r === null ? null : l !== r;
    }
    const l = this.eval(left, row);
    const r = this.eval(right, row);
    switch (op) {
      case '=':
        return equals(l, r);
      case '<>':
        return not(equals(l, r));
      case 'STARTS WITH':
        return stringOp(l, r, (a, b) => a.startsWith(b));
      case 'ENDS WITH':
        return stringOp(l, r, (a, b) => a.endsWith(b));
      case 'CONTAINS':
        return stringOp(l, r, (a, b) => a.includes(b));
      case '=~':
        return stringOp(l, r, (a, b) => regex(b).test(a));
      case 'IN':
        return inList(l, r);
      case '+':
        if (l === null || r === null) return null;
        if (Array.isArray(l)) return [...l, ...(Array.isArray(r) ? r : [r])];
        if (typeof l === 'number' && typeof r === 'number') return l + r;
        if (typeof l === 'string' || typeof r === 'string') return `${l}${r}`;
        throw new CypherRuntimeError('cannot add these values');
      case '-':
        if (l === null || r === null) return null;
        if (typeof l === 'number' && typeof r === 'number') return l - r;
        throw new CypherRuntimeError('cannot subtract these values');
      default: {
        const order = compare(l, r);
        if (order === null) return null;
        return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
      }
    }
  }

  private call(expr: Extract<Expr, { t: 'call' }>, row: Row): unknown {
    const args = expr.args.map((arg) => this.eval(arg, row));
    switch (expr.name) {
      case 'coalesce':
        return args.find((a) => a !== null) ?? null;
      case 'type':
        return isRel(args[0]) ? args[0].type : null;
      case 'labels':
        return isNode(args[0]) ? [...args[0].labels].sort() : null;
      case 'tolower':
        return typeof args[0] === 'string' ? args[0].toLowerCase() : null;
      case 'toupper':
        return typeof args[0] === 'string' ? args[0].toUpperCase() : null;
      case 'tostring':
        return args[0] === null ? null : typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
      case 'size':
        return typeof args[0] === 'string' || Array.isArray(args[0]) ? args[0].length : null;
      default:
        throw new CypherRuntimeError(`Unknown function '${expr.name}'`, 'Neo.ClientError.Statement.SyntaxError');
    }
  }
}

function variablesOf(pattern: Pattern): string[] {
  return [...pattern.nodes.map((n) => n.variable), ...pattern.rels.map((r) => r.variable)].filter((v): v is string => v !== undefined);
}
