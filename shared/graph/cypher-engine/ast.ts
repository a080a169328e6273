/** The syntax tree of the Cypher subset the engine runs: exactly what shared/graph/cypher.ts emits, and a little more. */

export type Expr =
  | { readonly t: 'lit'; readonly v: unknown }
  | { readonly t: 'param'; readonly name: string }
  | { readonly t: 'var'; readonly name: string }
  | { readonly t: 'prop'; readonly obj: Expr; readonly name: string }
  | { readonly t: 'index'; readonly obj: Expr; readonly key: Expr }
  | { readonly t: 'list'; readonly items: readonly Expr[] }
  | { readonly t: 'map'; readonly entries: readonly (readonly [string, Expr])[] }
  | { readonly t: 'bin'; readonly op: BinaryOp; readonly l: Expr; readonly r: Expr }
  | { readonly t: 'not'; readonly e: Expr }
  | { readonly t: 'neg'; readonly e: Expr }
  | { readonly t: 'isnull'; readonly e: Expr; readonly negated: boolean }
  | { readonly t: 'labels'; readonly e: Expr; readonly labels: readonly string[] }
  | { readonly t: 'case'; readonly whens: readonly (readonly [Expr, Expr])[]; readonly otherwise?: Expr }
  | { readonly t: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly star: boolean }
  | { readonly t: 'listpred'; readonly fn: 'any' | 'all' | 'none'; readonly variable: string; readonly list: Expr; readonly where: Expr }
  | { readonly t: 'exists'; readonly patterns: readonly Pattern[]; readonly where?: Expr };

export type BinaryOp = '=' | '=~' | '<>' | '<' | '<=' | '>' | '>=' | 'STARTS WITH' | 'ENDS WITH' | 'CONTAINS' | 'IN' | 'AND' | 'OR' | 'XOR' | '+' | '-';

export interface NodePattern {
  readonly variable?: string;
  readonly labels: readonly string[];
  readonly props?: Expr;
}
export interface RelPattern {
  readonly variable?: string;
  readonly types: readonly string[];
  /** `out`: (left)-[]->(right); `in`: (left)<-[]-(right); `both`: either. */
  readonly direction: 'out' | 'in' | 'both';
  readonly props?: Expr;
  /** A variable-length relationship (`*min..max`): paths of min to max such edges, none used twice. */
  readonly hops?: { readonly min: number; readonly max: number };
}
/** A path of nodes joined by relationships (one hop, or variable-length): nodes.length = rels.length + 1. */
export interface Pattern {
  readonly nodes: readonly NodePattern[];
  readonly rels: readonly RelPattern[];
}

export interface ProjectionItem {
  readonly expr: Expr;
  readonly alias: string;
}
export interface OrderItem {
  readonly expr: Expr;
  readonly descending: boolean;
}
export interface Projection {
  readonly distinct: boolean;
  readonly items: readonly ProjectionItem[];
  readonly order: readonly OrderItem[];
  readonly skip?: Expr;
  readonly limit?: Expr;
}

export type SetItem =
  | { readonly k: 'replace'; readonly variable: string; readonly expr: Expr }
  | { readonly k: 'merge'; readonly variable: string; readonly expr: Expr }
  | { readonly k: 'prop'; readonly variable: string; readonly name: string; readonly expr: Expr }
  | { readonly k: 'labels'; readonly variable: string; readonly labels: readonly string[] };
export type RemoveItem = { readonly k: 'labels'; readonly variable: string; readonly labels: readonly string[] } | { readonly k: 'prop'; readonly variable: string; readonly name: string };

export type Clause =
  | { readonly c: 'unwind'; readonly expr: Expr; readonly alias: string }
  | { readonly c: 'match'; readonly optional: boolean; readonly patterns: readonly Pattern[]; readonly where?: Expr }
  | { readonly c: 'merge'; readonly pattern: Pattern }
  | { readonly c: 'create'; readonly patterns: readonly Pattern[] }
  | ({ readonly c: 'with'; readonly where?: Expr } & Projection)
  | ({ readonly c: 'return' } & Projection)
  | { readonly c: 'set'; readonly items: readonly SetItem[] }
  | { readonly c: 'remove'; readonly items: readonly RemoveItem[] }
  | { readonly c: 'delete'; readonly detach: boolean; readonly exprs: readonly Expr[] }
  | { readonly c: 'foreach'; readonly variable: string; readonly list: Expr; readonly body: readonly Clause[] };

/** A parsed statement: a query, or a schema command the engine acknowledges (its MERGE keys do the job). */
export type Statement = { readonly kind: 'query'; readonly clauses: readonly Clause[] } | { readonly kind: 'schema'; readonly text: string };
